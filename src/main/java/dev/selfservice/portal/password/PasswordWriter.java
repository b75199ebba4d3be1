package dev.selfservice.portal.password;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.auth0.Auth0Authentication;
import dev.selfservice.portal.auth0.Auth0Authentication.PasswordCheck;
import dev.selfservice.portal.auth0.Auth0Exception;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.portal.breach.BreachScreen;
import dev.selfservice.portal.signin.PortalSessions;
import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;

/**
 * Sets an AD password through Auth0 and says only what is true. The write is never repeated (see
 * {@link Auth0Management#setPassword}); when its answer is lost (a timeout) or is a server error that may follow the
 * work, the user is read again: a changed {@code updated_at} is confirmed by one sign-in with the new password, and
 * anything less is "not confirmed", after which no other change of that password is made until the lost one has
 * settled (so that a late write cannot overwrite a newer one). That check is made only when the change most likely landed, so it cannot add to the
 * directory's count of wrong passwords in the usual case. When nothing tells, the employee hears exactly that, and
 * every session is ended as if the password had changed.
 */
@ApplicationScoped
public class PasswordWriter {

    private static final Logger LOG = Logger.getLogger(PasswordWriter.class);

    /** What a confirmed write came to. */
    public enum Written {
        /** The new password is set and signs in. */
        SIGNS_IN,
        /** Set, but the directory still refuses the account (disabled, expired, locked by something else). */
        SET_BUT_ACCOUNT_REFUSED,
        /** Set; whether the account signs in was not checked or could not be. */
        SET
    }

    /**
     * How long after a change whose answer was lost no other change of that password is made: longer than Auth0 takes
     * to finish a write the portal stopped waiting for (its own timeout is 10 s).
     */
    static final Duration SETTLE = Duration.ofMinutes(1);

    private final Auth0Management management;
    private final Auth0Authentication authentication;
    private final PortalSessions sessions;
    private final StateStore store;
    private final Clock clock;
    private final BreachScreen breaches;

    public PasswordWriter(Auth0Management management, Auth0Authentication authentication, PortalSessions sessions,
            StateStore store, Clock clock, BreachScreen breaches) {
        this.breaches = breaches;
        this.management = management;
        this.authentication = authentication;
        this.sessions = sessions;
        this.store = store;
        this.clock = clock;
    }

    /** The user's {@code updated_at} before a write, to compare with after it. */
    public String updatedAt(String userId) throws Refusal {
        return updatedAt(account(userId));
    }

    /**
     * The user as read before a write, under the employee's lock: its {@code updated_at} to compare with after it
     * ({@link #updatedAt(Auth0User)}), and its contacts for the notice of the change, which the write does not touch.
     */
    public Auth0User account(String userId) throws Refusal {
        try {
            return management.user(userId);
        } catch (Auth0Exception e) {
            throw refusal(e);
        }
    }

    public static String updatedAt(Auth0User before) {
        return Objects.toString(before.updatedAt(), "");
    }

    /**
     * Sets the password of {@code userId} (AD username {@code username}), whose {@code updated_at} was
     * {@code updatedAtBefore}. Ends the user's portal sessions once it is set, or may be. Throws
     * {@link Reason#DIRECTORY_REFUSED} or an Auth0 refusal when nothing was set, and
     * {@link Reason#PASSWORD_NOT_CONFIRMED} when it cannot be told.
     */
    public Written set(String userId, String username, String updatedAtBefore, String newPassword, String endUserIp)
            throws Refusal {
        // every new password (signed-in, expired, recovery) passes here: none reaches Auth0 unscreened
        breaches.require(userId, newPassword);
        Optional<Instant> unconfirmed = store.instant(unconfirmedKey(userId));
        if (unconfirmed.isPresent() && clock.instant().isBefore(unconfirmed.get().plus(SETTLE))) {
            // an earlier change whose answer was lost may still land: a second one now could be overwritten by it
            throw new Refusal(Reason.PASSWORD_CHANGE_SETTLING);
        }
        try {
            management.setPassword(userId, newPassword);
        } catch (Auth0Exception e) {
            if (e instanceof Auth0Exception.Refused && e.status() == 400) {
                // the connector's refusal: complexity, history, length or minimum age of the directory
                throw new Refusal(Reason.DIRECTORY_REFUSED);
            }
            if (!e.mayHaveActed()) {
                throw refusal(e);
            }
            return findOut(userId, username, updatedAtBefore, newPassword, endUserIp, e);
        }
        sessions.endAll(userId);
        return Written.SET;
    }

    /** Whether the account signs in with the password just set: one check, with the right password. */
    public Written signsIn(String username, String newPassword, String endUserIp) {
        try {
            PasswordCheck check = authentication.checkPassword(username, newPassword, endUserIp);
            return switch (check) {
                case RIGHT -> Written.SIGNS_IN;
                case WRONG -> Written.SET; // not the case after a confirmed write; never reported as refused
                default -> Written.SET_BUT_ACCOUNT_REFUSED;
            };
        } catch (Auth0Exception e) {
            return Written.SET;
        }
    }

    private Written findOut(String userId, String username, String before, String newPassword, String ip,
            Auth0Exception lost) throws Refusal {
        String after;
        try {
            after = Objects.toString(management.user(userId).updatedAt(), "");
        } catch (Auth0Exception e) {
            return unknown(userId, lost);
        }
        if (after.equals(before)) {
            // the write may still be on its way: an unchanged user proves nothing yet
            return unknown(userId, lost);
        }
        try {
            PasswordCheck check = authentication.checkPassword(username, newPassword, ip);
            if (check == PasswordCheck.WRONG) {
                // the user changed for another reason, or a domain controller has not seen the change yet
                return unknown(userId, lost);
            }
            LOG.infof("password: Auth0's answer was lost (%s), but the new password of %s is set", lost.error(), userId);
            sessions.endAll(userId);
            return check == PasswordCheck.RIGHT ? Written.SIGNS_IN : Written.SET_BUT_ACCOUNT_REFUSED;
        } catch (Auth0Exception e) {
            return unknown(userId, lost);
        }
    }

    private Written unknown(String userId, Auth0Exception lost) throws Refusal {
        LOG.warnf("password: Auth0's answer to setting the password of %s was lost (%s) and could not be confirmed",
                userId, lost.error());
        sessions.endAll(userId);
        // the lost write may still land: no other write of this password may race it until it has settled
        store.putInstant(unconfirmedKey(userId), clock.instant(), SETTLE.plusMinutes(1));
        throw new Refusal(Reason.PASSWORD_NOT_CONFIRMED);
    }

    private static String unconfirmedKey(String userId) {
        return StateKeys.of("password:unconfirmed", userId);
    }

    private static Refusal refusal(Auth0Exception e) {
        LOG.warnf("password: Auth0 refused a call: %s %s", e.status(), e.error());
        return Refusal.auth0(e.rateLimited());
    }
}
