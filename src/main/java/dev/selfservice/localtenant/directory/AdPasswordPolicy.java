package dev.selfservice.localtenant.directory;

import java.time.Duration;

/**
 * A domain password and lockout policy, with AD's meanings: a history length counts the current password, a zero
 * lockout threshold never locks, a zero lockout duration locks until an administrator unlocks, a zero maximum age
 * never expires.
 */
public record AdPasswordPolicy(
        int minLength,
        boolean complexity,
        int historyLength,
        Duration minAge,
        Duration maxAge,
        int lockoutThreshold,
        Duration lockoutDuration,
        Duration lockoutObservationWindow) {

    /** The domain policy of the demo directory: AD's defaults, with a shorter lockout so a demo can wait it out. */
    public static AdPasswordPolicy demo() {
        return new AdPasswordPolicy(8, true, 5, Duration.ZERO, Duration.ofDays(42), 5, Duration.ofMinutes(15),
                Duration.ofMinutes(15));
    }
}
