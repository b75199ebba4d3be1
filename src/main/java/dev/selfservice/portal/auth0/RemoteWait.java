package dev.selfservice.portal.auth0;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A wait on this thread for a window someone else keeps by real time: Auth0's rate-limit window, a job Auth0 runs.
 * Moving the portal's clock cannot shorten such a window, so this waits by the wall clock; a wait on the portal's
 * own pace (the invitation run's) waits by the portal's clock instead, which tests move.
 */
public final class RemoteWait {

    private RemoteWait() {
    }

    /** Waits this long (nothing for zero or less); an interrupt is kept on the thread and ends the wait as given. */
    public static void pause(Duration wait, Supplier<? extends RuntimeException> whenInterrupted) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw whenInterrupted.get();
        }
    }
}
