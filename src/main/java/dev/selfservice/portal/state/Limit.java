package dev.selfservice.portal.state;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.selfservice.portal.PortalConfig;

/**
 * Every limit of the portal, each in one place: the purpose its counts are kept under in the {@link StateStore}, the
 * parts of its key (hashed, see {@link StateKeys}), its ceiling and its sliding window (a setting where the README
 * documents one), and, in its javadoc, what it protects. {@link Limits} counts them. Adding a limit is one entry here
 * and one {@code limits.take(Limit.X, parts)} where it applies.
 */
public enum Limit {

    /**
     * Codes tried to enrol a contact, per employee: each is an exchange at Auth0 (whose rate limit the tenant shares),
     * and each wrong one spends one of the three tries Auth0 allows the code the contact holds (an outside attack
     * posted them without end).
     */
    ENROLMENT_CODE_TRIES_PER_EMPLOYEE("enrolment:codes", List.of("user id"),
            c -> 10, c -> Duration.ofHours(1)),

    /** Codes sent to enrol a contact, per employee: a signed-in session cannot flood mailboxes or run up SMS costs. */
    ENROLMENT_SENDS_PER_EMPLOYEE("enrolment:sends", List.of("user id"),
            c -> c.enrolment().maxSends(), c -> c.enrolment().sendWindow()),

    /**
     * Recovery starts and resends per client network (an IPv6 client by its /64): the one limit the recovery page may
     * show, since it says nothing about an account.
     */
    RECOVERY_STARTS_PER_ADDRESS("recovery:sends:ip", List.of("network"),
            c -> c.recovery().maxSends() * 4, c -> c.recovery().sendWindow()),

    /** Recovery codes really sent to one enrolled contact: nobody can flood an employee's mailbox or phone. */
    RECOVERY_SENDS_PER_CONTACT("recovery:sends:contact", List.of("channel", "address"),
            c -> c.recovery().maxSends(), c -> c.recovery().sendWindow()),

    /** Recovery codes really sent for one username, over all its contacts. */
    RECOVERY_SENDS_PER_USERNAME("recovery:sends:user", List.of("username"),
            c -> c.recovery().maxSends(), c -> c.recovery().sendWindow()),

    /** Code attempts of one recovery attempt (one browser's start, with its resends): a stranger ends only their own. */
    RECOVERY_CODE_TRIES_PER_ATTEMPT("recovery:codes:attempt", List.of("attempt"),
            c -> c.recovery().maxWrongCodesPerHour(), c -> Duration.ofHours(1)),

    /**
     * Code attempts at one username and contact, all attempts together, whether or not the contact is enrolled: bounds
     * every guess at a code sent there, and, counted alike for any contact, tells nobody which contacts are enrolled.
     */
    RECOVERY_CODE_TRIES_PER_CONTACT("recovery:codes:contact", List.of("username", "channel", "address"),
            c -> c.recovery().maxWrongCodesPerAccountPerHour(), c -> Duration.ofHours(1)),

    /**
     * Wrong codes Auth0 saw on one code sent to a contact (counted under the instant it was sent): Auth0 ends a code at
     * its third, so after two counted here the code no longer holds the contact and the next start sends a new one.
     */
    AUTH0_WRONG_TRIES_PER_CODE("recovery:code-tries", List.of("channel", "address", "sent at"),
            c -> 2, c -> c.recovery().codeLifetime()),

    /**
     * Tries at one enrolment code, per employee and the instant the code was sent: Auth0 ends a code at its third wrong
     * try, so the page says how many the code has left, and when it no longer works. Counted, not refused: the
     * employee's own limit above is the one that stops.
     */
    ENROLMENT_TRIES_PER_CODE("enrolment:code-tries", List.of("user id", "sent at"),
            c -> Limit.AUTH0_TRIES_PER_CODE, c -> c.enrolment().codeLifetime()),

    /**
     * Tries at the code of one recovery attempt, per attempt and the instant it was sent (counted alike whether or not
     * a code went anywhere, so it tells nothing about an account): as {@link #ENROLMENT_TRIES_PER_CODE}.
     */
    RECOVERY_TRIES_PER_CODE("recovery:attempt-code-tries", List.of("attempt", "sent at"),
            c -> Limit.AUTH0_TRIES_PER_CODE, c -> c.recovery().codeLifetime()),

    /**
     * Verification codes the helpdesk may try for one employee: a caller reads a code out once or twice; anyone
     * guessing on the phone is stopped well before the code's own three tries matter.
     */
    HELPDESK_CODE_TRIES_PER_EMPLOYEE("helpdesk:codes", List.of("user id"),
            c -> 5, c -> Duration.ofHours(1)),

    /**
     * Enrolment invitations the helpdesk may send one employee: one a day, whoever sends it, so that the helpdesk
     * (or a stolen helpdesk session) cannot fill an employee's work mailbox.
     */
    HELPDESK_INVITATIONS_PER_EMPLOYEE("helpdesk:invitations", List.of("user id"),
            c -> 1, c -> Duration.ofDays(1)),

    /** Views of the reset page one proof allows: each costs two Management API calls, whose rate limit is shared. */
    RECOVERY_PROOF_VIEWS("recovery:proof-views", List.of("proof"),
            c -> 20, c -> c.recovery().proofLifetime()),

    /**
     * Tries of a current password per AD username, on the expired-password and the change page together: below the
     * directory's lockout threshold, so that nobody can lock an account from the portal.
     */
    CURRENT_PASSWORD_TRIES("password:current-tries", List.of("username"),
            c -> c.password().expiredTries(), c -> c.password().expiredTriesWindow()),

    /**
     * New passwords posted per client network and page, counted before anything costly runs (the strength estimate,
     * the proof's account read, the directory): an employee fixing a refused password needs a handful; an office
     * behind one address has room for many.
     */
    PASSWORD_POSTS_PER_ADDRESS("password:posts", List.of("page", "network"),
            c -> c.password().postsPerAddress(), c -> Duration.ofMinutes(10)),

    /** Checks of the live password checklist per client network: a person typing, debounced, never needs more. */
    PASSWORD_RULES_CHECKS_PER_ADDRESS("password:rules", List.of("network"),
            c -> c.password().rulesChecksPerAddress(), c -> Duration.ofMinutes(10));

    /** The tries Auth0 gives one passwordless code: the third wrong one ends it. */
    static final int AUTH0_TRIES_PER_CODE = 3;

    private final String purpose;
    private final List<String> keyParts;
    private final Function<PortalConfig, Integer> ceiling;
    private final Function<PortalConfig, Duration> window;

    Limit(String purpose, List<String> keyParts, Function<PortalConfig, Integer> ceiling,
            Function<PortalConfig, Duration> window) {
        this.purpose = purpose;
        this.keyParts = keyParts;
        this.ceiling = ceiling;
        this.window = window;
    }

    /** The most events counted in one {@link #window}. */
    public int ceiling(PortalConfig config) {
        return ceiling.apply(config);
    }

    public Duration window(PortalConfig config) {
        return window.apply(config);
    }

    /** The store key of the count for these parts, which must be the declared ones, in their order. */
    String key(String... parts) {
        if (parts.length != keyParts.size()) {
            throw new IllegalArgumentException(this + " is counted per " + keyParts + ", not per " + parts.length
                    + " part(s)");
        }
        return StateKeys.of(purpose, parts);
    }
}
