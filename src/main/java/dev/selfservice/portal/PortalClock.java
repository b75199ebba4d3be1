package dev.selfservice.portal;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock of the portal: expiry of proofs, pending steps and windows all read it, so that tests move time
 * instead of sleeping (they replace this default bean).
 */
@ApplicationScoped
public class PortalClock {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
