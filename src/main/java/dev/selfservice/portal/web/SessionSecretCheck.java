package dev.selfservice.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Stops a production start whose {@code SESSION_SECRET} anyone could know: the development value, which this
 * repository publishes, or one too short to be a key. Whoever knows the secret can open and forge every sealed cookie
 * (sessions, step-ups, recovery proofs, form tokens), so such a portal must not serve at all.
 */
@ApplicationScoped
class SessionSecretCheck {

    private static final Logger LOG = Logger.getLogger(SessionSecretCheck.class);

    /** The development profile's value (application.properties), public with the source. */
    static final String PUBLISHED = "dev-only-session-secret-never-use-in-production";
    static final int MIN_LENGTH = 32;

    void check(@Observes StartupEvent event, PortalConfig config) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        String secret = config.sessionSecret();
        if (secret.equals(PUBLISHED) || secret.length() < MIN_LENGTH) {
            String message = "SESSION_SECRET is " + (secret.equals(PUBLISHED) ? "the development value published with"
                    + " the source" : "shorter than " + MIN_LENGTH + " characters")
                    + ": set at least " + MIN_LENGTH + " random characters of your own, the same on every replica";
            LOG.error(message);
            throw new ConfigurationException(message);
        }
    }
}
