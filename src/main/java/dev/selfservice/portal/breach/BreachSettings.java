package dev.selfservice.portal.breach;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Screening of new passwords against known breaches (NIST SP 800-63B-4, 3.1.1.2): see {@link BreachScreen}. */
@ConfigMapping(prefix = "portal.breach")
public interface BreachSettings {

    /** What happens to a new password when the breach list cannot be asked. */
    enum WhenUnavailable {
        /** The password is accepted, with an audit event and a metric (and a note to the security mailbox). */
        ACCEPT,
        /** The password is refused with a "try again in a few minutes" page. */
        REFUSE
    }

    /** {@code BREACH_SCREENING}: whether new passwords are screened at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * {@code BREACH_RANGE_URL}: the base URL of Have I Been Pwned's range API ({@code /range/{prefix}} under it), or of
     * a mirror of it. Only the first 5 hex characters of a password's SHA-1 are sent.
     */
    @WithDefault("https://api.pwnedpasswords.com")
    URI rangeUrl();

    /**
     * {@code BREACH_FILE}: a file of SHA-1 hashes in Have I Been Pwned's downloadable format ({@code HASH:COUNT} lines,
     * sorted by hash). When set, screening reads it and never calls out; it is searched where it lies, not loaded.
     */
    Optional<Path> file();

    /** {@code BREACH_WHEN_UNAVAILABLE}: {@code accept} (the default) or {@code refuse}. */
    @WithDefault("accept")
    WhenUnavailable whenUnavailable();
}
