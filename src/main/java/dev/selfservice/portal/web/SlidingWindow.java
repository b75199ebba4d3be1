package dev.selfservice.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key in a sliding window, for throttles: at most {@code max} events per key in {@code window}.
 * Kept in memory, per replica; Auth0's own limits stand behind it for the whole tenant.
 */
public class SlidingWindow {

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    public SlidingWindow(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Counts an event for the key, or answers false (and counts nothing) when the key has used up its window. */
    public boolean tryAcquire(String key) {
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            if (times.size() >= max) {
                return false;
            }
            times.addLast(clock.instant());
            return true;
        }
    }

    /** Whether the key has used up its window, without counting. */
    public boolean exhausted(String key) {
        Deque<Instant> times = events.get(key);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times);
            return times.size() >= max;
        }
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }
}
