package dev.selfservice.portal.enrolment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.portal.PortalConfig;

/**
 * How many codes one employee may have sent for enrolments in a sliding window, so that nobody floods an address
 * (or Auth0's message budget). Kept per replica: Auth0's own limits stand behind it for the whole tenant.
 */
@ApplicationScoped
public class SendThrottle {

    private final int max;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Deque<Instant>> sends = new ConcurrentHashMap<>();

    public SendThrottle(PortalConfig config) {
        this.max = config.enrolment().maxSends();
        this.window = config.enrolment().sendWindow();
    }

    /** Counts a send for the user, or answers false when the user has used up the window. */
    public boolean tryAcquire(String userId) {
        Instant now = clock.instant();
        Deque<Instant> times = sends.computeIfAbsent(userId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.removeFirst();
            }
            if (times.size() >= max) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
