package dev.selfservice.portal.nudge;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The enrolment nudge that the tenant's post-login Action sends employees without a recovery contact to. */
@ConfigMapping(prefix = "portal.nudge")
public interface NudgeSettings {

    /**
     * {@code NUDGE_SECRET}: the Action's secret of the same name, at least 32 bytes; it signs the Action's token to the
     * portal and the portal's answer back. Unset, {@code /nudge} refuses every token (the Action is not installed).
     */
    Optional<String> secret();

    /** {@code NUDGE_SNOOZE}: how long "Remind me later" keeps the nudge away (the Action takes at most 90 days). */
    @WithDefault("7D")
    Duration snooze();

    /** {@code NUDGE_MAX_SNOOZES}: how many times an employee may choose "later"; unset, without limit. */
    OptionalInt maxSnoozes();

    /**
     * How recently the AD password must have been entered in the nudged login for "Add now" to go on without asking
     * for it again.
     */
    @WithDefault("5M")
    Duration recentPassword();

    /** How long the nudge page may be used once opened: it holds the tenant's login, which does not wait for ever. */
    @WithDefault("30M")
    Duration pageLifetime();
}
