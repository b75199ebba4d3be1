package dev.selfservice.localtenant;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The messages the tenant "sent": in place of an email or SMS provider, one-time codes land here, where a person
 * trying the portal (or a test) reads them. This is the one place a code exists in clear; it is never logged. The
 * portal's own mail (notices), received over SMTP by {@link TenantMailServer}, is listed beside them.
 */
@ApplicationScoped
class Outbox {

    /** What a message is: a one-time code Auth0 sent, or a notice the portal mailed. */
    public enum Kind { CODE, NOTICE }

    /** A delivered message; a notice has a subject and its text and HTML bodies, a code has the code. */
    public record Message(Kind kind, String channel, String to, String code, Instant sentAt, String subject,
            String text, String html) {

        static Message code(String channel, String to, String code, Instant sentAt) {
            return new Message(Kind.CODE, channel, to, code, sentAt, null, null, null);
        }
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
