package dev.selfservice.portal.state;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One writer per employee at a time, on every replica: steps that read an employee's account, decide, and write
 * (linking a contact under the limit, noting its date, setting a password and checking it) run one after another, so
 * that none decides on what another is changing. A second writer waits for the first, for a bounded time.
 */
@ApplicationScoped
public class EmployeeLock {

    /** Longer than the slowest step holds it (a few Auth0 calls, each at most the read timeout). */
    static final Duration HOLD = Duration.ofMinutes(2);
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 25;

    /** A step that may refuse with a checked exception. */
    @FunctionalInterface
    public interface Step<T, E extends Exception> {
        T run() throws E;
    }

    private final StateStore store;

    public EmployeeLock(StateStore store) {
        this.store = store;
    }

    /** Runs the step holding the employee's lock; throws {@link StateUnavailable} when it cannot be had in time. */
    public <T, E extends Exception> T holding(String userId, Step<T, E> step) throws E {
        String key = StateKeys.of("lock", userId);
        // a token of this hold: a lock that outlived HOLD and was taken by another step is not given back by this one
        String holder = java.util.UUID.randomUUID().toString();
        // waiting reads real time, not the portal's clock: a test that moves the clock must not make a wait end early
        Instant giveUp = Instant.now().plus(WAIT);
        while (!store.claim(key, holder, HOLD)) {
            if (Instant.now().isAfter(giveUp)) {
                throw new StateUnavailable(new IllegalStateException("the employee's lock stayed taken"));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateUnavailable(e);
            }
        }
        try {
            return step.run();
        } finally {
            store.release(key, holder);
        }
    }
}
