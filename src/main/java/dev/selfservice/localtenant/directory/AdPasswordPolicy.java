package dev.selfservice.localtenant.directory;

import java.time.Duration;

/**
 * A domain password and lockout policy, with AD's meanings: a history length counts the current password, a zero
 * lockout threshold never locks, a zero lockout duration locks until an administrator unlocks, a zero maximum age
 * never expires. The old-password period is AD's {@code OldPasswordAllowedPeriod} (Samba's
 * {@code old password allowed period}, 60 minutes by default): after a change or a reset the previous password still
 * binds for that long, so that other sessions can catch up.
 */
public record AdPasswordPolicy(
        int minLength,
        boolean complexity,
        int historyLength,
        Duration minAge,
        Duration maxAge,
        int lockoutThreshold,
        Duration lockoutDuration,
        Duration lockoutObservationWindow,
        Duration oldPasswordAllowedPeriod) {

    /** AD's default old-password period. */
    public static final Duration OLD_PASSWORD_ALLOWED_PERIOD = Duration.ofMinutes(60);

    public AdPasswordPolicy(int minLength, boolean complexity, int historyLength, Duration minAge, Duration maxAge,
            int lockoutThreshold, Duration lockoutDuration, Duration lockoutObservationWindow) {
        this(minLength, complexity, historyLength, minAge, maxAge, lockoutThreshold, lockoutDuration,
                lockoutObservationWindow, OLD_PASSWORD_ALLOWED_PERIOD);
    }
}
