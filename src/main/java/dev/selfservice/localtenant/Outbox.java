package dev.selfservice.localtenant;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The messages the tenant "sent": in place of an email or SMS provider, one-time codes land here, where a person
 * trying the portal (or a test) reads them. This is the one place a code exists in clear; it is never logged.
 */
@ApplicationScoped
public class Outbox {

    /** A delivered message. */
    public record Message(String channel, String to, String code, Instant sentAt) {
    }

    private static final int KEPT = 500;
    private final Deque<Message> messages = new ArrayDeque<>();

    synchronized void deliver(Message message) {
        messages.addFirst(message);
        while (messages.size() > KEPT) {
            messages.removeLast();
        }
    }

    /** Newest first; all of them, or those to one address. */
    public synchronized List<Message> messages(String to) {
        return messages.stream().filter(m -> to == null || m.to().equalsIgnoreCase(to.trim())).toList();
    }

    public synchronized void clear() {
        messages.clear();
    }
}
