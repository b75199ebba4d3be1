package dev.selfservice.portal;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The portal's own settings. In production each comes from an environment variable named in {@code .env.sample};
 * the dev and test profiles point at the local tenant and need none.
 */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /** The portal's public base URL, without a trailing slash ({@code PORTAL_BASE_URL}). */
    String publicUrl();

    /** How employees reach the helpdesk, shown wherever self-service cannot help ({@code HELPDESK_CONTACT}). */
    @WithDefault("the IT helpdesk")
    String helpdesk();

    /**
     * The languages of the pages and notices, the first the default (English, whose words are the message bundle's
     * own): {@code quarkus.locales}, so that a native image carries them. Each other language is one file,
     * {@code messages/msg_<tag>.properties}, and may name its helpdesk in {@link #helpdeskIn()}.
     */
    java.util.List<String> languages();

    /**
     * {@code PHONE_DEFAULT_REGION}: the region (ISO 3166, as libphonenumber knows it) a phone number typed without a
     * +country code is read in, on every page that takes one; checked at start by {@code contact.PhoneRegion}. Unset,
     * each page reads it in its language's region ({@code phone_example_region}: German pages DE, English ones US).
     */
    java.util.Optional<String> phoneDefaultRegion();

    /**
     * The helpdesk as it reads in a language other than English, by language tag ({@code portal.helpdesk-in.de} is
     * {@code HELPDESK_CONTACT_DE}): a German page should not say "Wenden Sie sich an the IT helpdesk". A language
     * without one shows {@link #helpdesk()}.
     */
    java.util.Map<String, String> helpdeskIn();

    /**
     * The key of the session cookie, of sign-in state and of CSRF tokens, at least 32 characters
     * ({@code SESSION_SECRET}). quarkus-oidc and the CSRF filter read it through application.properties; it is
     * declared here so that a missing secret stops the start together with every other missing setting.
     */
    String sessionSecret();

    Auth0 auth0();

    Notices notices();

    /** Notices by email after security actions (notice/Notices), over SMTP ({@code quarkus.mailer.*}). */
    interface Notices {
        /** {@code NOTICES_ENABLED}; while on, production refuses to start without {@code SMTP_HOST} and {@code SMTP_FROM}. */
        @WithDefault("true")
        boolean enabled();

        /** Tries of each notice before it is recorded as failed: the first and its retries, with growing pauses. */
        @WithDefault("4")
        int attempts();

        /** The pause before the first retry; each next one doubles, up to eight times this. */
        @WithDefault("2S")
        java.time.Duration backoff();

        /** How long one try may take, from connecting to the relay's last answer. */
        @WithDefault("30S")
        java.time.Duration timeout();

        /**
         * How often each replica sends the notices a stopped replica left in the outbox (notice/NoticeOutbox). Read by
         * the sweep's {@code @Scheduled} expression, not in Java; declared here so that the setting is a known,
         * typed one (without it, SmallRye refuses {@code portal.notices.sweep-every} at start: SRCFG00050).
         */
        @WithDefault("1M")
        java.time.Duration sweepEvery();
    }

    /**
     * {@code SERVER_TIMING}: each answer carries a {@code Server-Timing} header splitting its time into the portal's
     * own and its waits on Auth0 and the breach list (web/OutsideWait), for the benchmark and for a platform engineer
     * chasing a slow page in the browser's network panel. Off by default: the split would let anyone time Auth0's
     * lookups, which the recovery and sign-in answers hide.
     */
    @WithDefault("false")
    boolean serverTiming();

    SelfCheck selfCheck();

    /** The tenant self-check (auth0/TenantSetupCheck), whose findings are part of readiness. */
    interface SelfCheck {
        /** How often it looks again ({@code SELF_CHECK_EVERY}); it also looks once at start. Five reads each time. */
        @WithDefault("10M")
        java.time.Duration every();

        /** How soon it looks again when Auth0 left a part unanswered ({@code SELF_CHECK_RETRY}). */
        @WithDefault("30S")
        java.time.Duration retry();
    }

    Enrolment enrolment();

    Session session();

    State state();

    /** The state store; Redis is chosen by {@code REDIS_URL} ({@code quarkus.redis.hosts}). */
    interface State {
        /** Keys the in-memory store holds before it refuses new counters (it never evicts); unused with Redis. */
        @WithDefault("100000")
        long maxEntries();
    }

    /** The signed-in portal session: it ends on sign-out, on any password change, when idle, and at its age limit. */
    interface Session {
        /** How long a session lasts after the AD sign-in that opened it, however active. */
        @WithDefault("1H")
        java.time.Duration absoluteLifetime();

        /** How long a session lasts without a request. */
        @WithDefault("15M")
        java.time.Duration idleTimeout();
    }

    Password password();

    Recovery recovery();

    /** Recovery through an enrolled contact. */
    interface Recovery {
        /** How long a proven recovery may be used, once. */
        @WithDefault("10M")
        java.time.Duration proofLifetime();

        /** How long a recovery code may be typed (Auth0's codes last five minutes). */
        @WithDefault("5M")
        java.time.Duration codeLifetime();

        /** The least time between two codes of one recovery attempt. */
        @WithDefault("30S")
        java.time.Duration resendInterval();

        /** Codes sent per username, per contact and per IP in {@link #sendWindow()}. */
        @WithDefault("5")
        int maxSends();

        @WithDefault("15M")
        java.time.Duration sendWindow();

        /** Code attempts per recovery attempt (one browser's start, with its resends) in an hour. */
        @WithDefault("10")
        int maxWrongCodesPerHour();

        /**
         * Code attempts per username and contact in an hour, all attempts together, counted alike whether or not the
         * contact is enrolled (so that meeting it tells nobody which contacts are): much higher than one attempt's, so
         * that a stranger's wrong codes do not end the employee's own attempt, while the guesses at a code sent there
         * stay bounded; meeting it on an enrolled contact tells the security mailbox. The name is kept from when it
         * counted per account.
         */
        @WithDefault("50")
        int maxWrongCodesPerAccountPerHour();

        /** Usernames self-service may not reset ({@code PORTAL_RECOVERY_PROTECTED_USERNAMES}, comma-separated). */
        java.util.Optional<java.util.List<String>> protectedUsernames();

        /** AD groups whose members self-service may not reset, as the connector puts them in {@code groups}. */
        java.util.Optional<java.util.List<String>> protectedGroups();
    }

    /** The portal's password policy (NIST SP 800-63B), checked before anything goes to Auth0. */
    interface Password {
        /** 15 when the password is the only factor (NIST SP 800-63B-4). */
        @WithDefault("15")
        int minLength();

        @WithDefault("256")
        int maxLength();

        /** The least zxcvbn score (0 to 4) a new password needs: 3 keeps out common and guessable ones. */
        @WithDefault("3")
        int minStrength();

        /**
         * Whether the domain's "Password must meet complexity requirements" is on ({@code AD_PASSWORD_COMPLEXITY},
         * mirrored from its policy): then a new password needs three of capital letters, small letters, digits and
         * symbols, and the page lists that rule. On by default, as in AD's default domain policy: advice must never
         * recommend a password the domain refuses.
         */
        @WithDefault("true")
        boolean directoryComplexity();

        /** The directory's own rules in plain words, shown when it refuses a password ({@code AD_PASSWORD_RULES}). */
        @WithDefault("Your organisation's directory also has rules of its own: usually at least 8 characters with three of capital letters, small letters, digits and symbols, without your name, and not one of your recent passwords.")
        String directoryRules();

        /**
         * Tries of a current password per username on the expired-password page in {@link #expiredTriesWindow()}:
         * below the directory's lockout threshold, so that nobody can lock an account from that page.
         */
        @WithDefault("3")
        int expiredTries();

        /**
         * The directory's "Account lockout duration" ({@code PORTAL_PASSWORD_LOCKOUT_DURATION}, mirrored from its policy): how long
         * an account locked by wrong passwords stays locked before AD unlocks it by itself; 0 when only an
         * administrator (or a new password) unlocks it. The pages name this time instead of "after a while".
         */
        @WithDefault("30M")
        java.time.Duration lockoutDuration();

        /** The window of {@link #expiredTries()}: the directory's lockout observation window. */
        @WithDefault("30M")
        java.time.Duration expiredTriesWindow();

        /**
         * The least time every answer of the expired-password page takes: longer than the directory's slowest check,
         * so that a right password (whose check issues tokens) and a wrong one cannot be told apart by timing.
         */
        @WithDefault("1500MS")
        java.time.Duration expiredAnswerFloor();

        /**
         * New passwords one client network may post to one page in 10 minutes
         * ({@code PORTAL_PASSWORD_POSTS_PER_ADDRESS}): an employee fixing a refused password needs a handful, but an
         * office behind one NAT address on the Monday its passwords expire needs more, and so does a load test from one
         * machine.
         */
        @WithDefault("100")
        int postsPerAddress();

        /** Checks of the live password checklist one client network may make in 10 minutes, for the same reasons. */
        @WithDefault("300")
        int rulesChecksPerAddress();
    }

    /** Enrolment of personal contacts. */
    interface Enrolment {
        /**
         * How long after entering the AD password again (a step-up with {@code prompt=login}) the employee may add or
         * remove contacts; after that, or without it, the password is asked again.
         */
        @WithDefault("10M")
        java.time.Duration recentSignIn();

        /** Contacts an employee may have. */
        @WithDefault("3")
        int maxContacts();

        /**
         * How long after a contact was added, or last confirmed by a code, the portal asks "is this still yours?" (on
         * the account and contacts pages). A contact that is not confirmed stays: it is never removed for that.
         * {@code 0} never asks.
         */
        @WithDefault("180D")
        java.time.Duration reconfirmAfter();

        /** How long an enrolment waits for its code (Auth0's codes last five minutes). */
        @WithDefault("5M")
        java.time.Duration codeLifetime();

        /** The least time between two codes for one enrolment. */
        @WithDefault("30S")
        java.time.Duration resendInterval();

        /** Codes one employee may have sent in {@link #sendWindow()}. */
        @WithDefault("5")
        int maxSends();

        @WithDefault("15M")
        java.time.Duration sendWindow();

        /**
         * How long a passwordless user that a code exchange made stays before the sweep removes it, unless it was
         * linked: longer than any enrolment takes, so that the sweep never removes one an employee is still linking.
         */
        @WithDefault("1H")
        java.time.Duration leftoverGrace();

        /**
         * How often each replica sweeps those leftovers ({@code Leftovers}' schedule reads the same property). Declared
         * here because a property under {@code portal.} that no member maps stops the application at start.
         */
        @WithDefault("10M")
        java.time.Duration leftoverSweepEvery();
    }

    interface Auth0 {
        /** The tenant's base URL, with a trailing slash: {@code https://<DOMAIN>/}. */
        String url();

        /** The portal's web application in the tenant ({@code CLIENT_ID}). */
        String clientId();

        /** The web application's secret ({@code CLIENT_SECRET}), used by quarkus-oidc at the token endpoint. */
        String clientSecret();

        /**
         * An API identifier to ask for at sign-in ({@code AUDIENCE}, as in the original portal); Auth0 then issues a
         * JWT access token for that API. The portal itself keeps tokens on the server and needs none.
         */
        Optional<String> audience();

        /**
         * The application for one-time codes ({@code OTP_CLIENT_ID}): only the passwordless {@code email} and
         * {@code sms} connections are enabled for it, and the web application has only the AD connection, so that a
         * recovery contact can prove control of its address but never open a signed-in portal session.
         */
        String otpClientId();

        /** Its secret ({@code OTP_CLIENT_SECRET}). */
        String otpClientSecret();

        /** The machine-to-machine application for the Management API ({@code NON_INTERACTIVE_CLIENT_ID}). */
        String managementClientId();

        /** Its secret ({@code NON_INTERACTIVE_CLIENT_SECRET}). */
        String managementClientSecret();

        /** The AD connection's name ({@code AD_CONNECTION}); sign-in is forced to it. */
        String adConnection();
    }
}
