package dev.selfservice.portal.notice;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * In production, notices are either set up or turned off on purpose: a portal that resets passwords without telling
 * anyone, because a relay setting was forgotten, must not start. The mailer has defaults for its host and none of
 * them is right, so the check reads the variables themselves.
 */
@ApplicationScoped
class NoticeSettings {

    private static final Logger LOG = Logger.getLogger(NoticeSettings.class);

    void check(@Observes StartupEvent event, PortalConfig portal, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL || !portal.notices().enabled()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (config.getOptionalValue("SMTP_HOST", String.class).filter(v -> !v.isBlank()).isEmpty()) {
            missing.add("SMTP_HOST");
        }
        if (config.getOptionalValue("quarkus.mailer.from", String.class).filter(v -> !v.isBlank()).isEmpty()) {
            missing.add("SMTP_FROM");
        }
        if (!missing.isEmpty()) {
            String message = "Notices to employees are on (NOTICES_ENABLED), but the value " + String.join(" and the value ", missing)
                    + " is not set: set the SMTP relay's settings, or NOTICES_ENABLED=false to run without notices";
            LOG.error(message);
            throw new ConfigurationException(message);
        }
    }
}
