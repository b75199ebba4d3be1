package dev.selfservice.portal.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.portal.state.StateUnavailable;

/**
 * Ends signed-in sessions on the server, on every replica, through the state store. A session is its ID token (the
 * encrypted cookie any replica reads), so a copy of the cookie is the session: ending it means refusing that token.
 * A session ends when it is signed out, when any password of the employee is changed or reset (every session of the
 * employee issued before), when it was idle too long, and at its absolute lifetime after the sign-in.
 */
@ApplicationScoped
public class PortalSessions {

    private static final Logger LOG = Logger.getLogger(PortalSessions.class);

    /** Why a session is over; each is logged, none is shown beyond "you were signed out". */
    public enum Ended {
        SIGNED_OUT, PASSWORD_CHANGED, IDLE, TOO_OLD
    }

    private final StateStore store;
    private final Clock clock;
    private final Duration absolute;
    private final Duration idle;

    public PortalSessions(StateStore store, Clock clock, PortalConfig config) {
        this.store = store;
        this.clock = clock;
        this.absolute = config.session().absoluteLifetime();
        this.idle = config.session().idleTimeout();
    }

    /**
     * Whether the session (named by its binding, its token issued at {@code issuedAt} for a password entered at
     * {@code authTime}) is over; when it is not, this request counts as activity. The lifetime and a password change
     * count from the password entry, so that a new token from the tenant's own session (single sign-on) does not
     * outlive them.
     */
    public Optional<Ended> check(String binding, String userId, Instant issuedAt, Instant authTime) {
        Instant now = clock.instant();
        if (store.isClaimed(StateKeys.of("session:ended", binding))) {
            return Optional.of(Ended.SIGNED_OUT);
        }
        String firstSeenKey = StateKeys.of("session:first-seen", binding);
        Optional<Instant> firstSeen = store.instant(firstSeenKey);
        Optional<Instant> validAfter = store.instant(StateKeys.of("sessions:valid-after", userId));
        if (validAfter.isPresent() && (issuedBefore(issuedAt, firstSeen, validAfter.get())
                || authTime.isBefore(validAfter.get().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))) {
            return Optional.of(Ended.PASSWORD_CHANGED);
        }
        if (!now.isBefore(authTime.plus(absolute))) {
            return Optional.of(Ended.TOO_OLD);
        }
        String seenKey = StateKeys.of("session:seen", binding);
        // a session not seen yet is new (the browser lands on a page right after the sign-in): its first request starts
        // the idle clock, so that a small skew between the tenant's clock and ours ends nothing
        Instant lastSeen = store.instant(seenKey).orElse(now);
        if (!now.isBefore(lastSeen.plus(idle))) {
            return Optional.of(Ended.IDLE);
        }
        store.putInstant(seenKey, now, absolute);
        if (firstSeen.isEmpty()) {
            store.putInstant(firstSeenKey, now, absolute);
        }
        return Optional.empty();
    }

    /**
     * Whether a session began before a password change. A token's {@code iat} has whole seconds, so within the
     * change's own second the portal's note of when it first saw the session decides: the employee's browser lands on
     * a portal page right after every sign-in, so a session from before the change was seen before it.
     */
    private static boolean issuedBefore(Instant issuedAt, Optional<Instant> firstSeen, Instant change) {
        Instant changeSecond = change.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (issuedAt.isBefore(changeSecond)) {
            return true;
        }
        return issuedAt.equals(changeSecond) && firstSeen.filter(seen -> !seen.isAfter(change)).isPresent();
    }

    /** When this replica set first saw the session (its first request after the sign-in), by the portal's clock. */
    public Optional<Instant> firstSeen(String binding) {
        return store.instant(StateKeys.of("session:first-seen", binding));
    }

    /**
     * Marks the session as having just entered the AD password again, for the changes that need it (contacts). Only
     * the step-up flow calls this, with proof that it started it ({@link StepUp}).
     */
    public void steppedUp(String binding) {
        store.putInstant(StateKeys.of("session:stepped-up", binding), clock.instant(), absolute);
    }

    /** Whether this session entered the AD password again within the window. */
    public boolean steppedUpWithin(String binding, Duration window) {
        return store.instant(StateKeys.of("session:stepped-up", binding))
                .filter(at -> clock.instant().isBefore(at.plus(window))).isPresent();
    }

    /** Sign-out: this session, on every replica, until it would have ended anyway. */
    public void end(String binding) {
        store.claim(StateKeys.of("session:ended", binding), absolute);
    }

    /**
     * After a password change or reset: every session of the employee issued before now. A store that does not
     * answer here cannot undo the change already made; the sessions then end at their idle timeout or lifetime.
     */
    public void endAll(String userId) {
        try {
            store.putInstant(StateKeys.of("sessions:valid-after", userId), clock.instant(), absolute);
        } catch (StateUnavailable e) {
            LOG.errorf("sessions: could not end the sessions of %s after a password change: %s", userId, e.getMessage());
        }
    }
}
