package dev.selfservice.portal.enrolment;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.web.SlidingWindow;

/** How many enrolment codes one employee may have sent in a window, so that nobody floods an address. */
@ApplicationScoped
public class SendThrottle {

    private final SlidingWindow sends;

    public SendThrottle(PortalConfig config) {
        this.sends = new SlidingWindow(config.enrolment().maxSends(), config.enrolment().sendWindow(), Clock.systemUTC());
    }

    /** Counts a send for the user, or answers false when the user has used up the window. */
    public boolean tryAcquire(String userId) {
        return sends.tryAcquire(userId);
    }
}
