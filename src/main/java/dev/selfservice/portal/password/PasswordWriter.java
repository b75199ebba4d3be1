package dev.selfservice.portal.password;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.auth0.Auth0Authentication;
import dev.selfservice.portal.auth0.Auth0Authentication.PasswordCheck;
import dev.selfservice.portal.auth0.Auth0Exception;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.signin.PortalSessions;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;

/**
 * Sets an AD password through Auth0 and says only what is true. The write is never repeated (see
 * {@link Auth0Management#setPassword}); when its answer is lost (a timeout) or is a server error, the user is read
 * again: an unchanged {@code updated_at} after a server error means nothing was set; a changed one is confirmed by one
 * sign-in with the new password. That check is made only when the change most likely landed, so it cannot add to the
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

    private final Auth0Management management;
    private final Auth0Authentication authentication;
    private final PortalSessions sessions;

    public PasswordWriter(Auth0Management management, Auth0Authentication authentication, PortalSessions sessions) {
        this.management = management;
        this.authentication = authentication;
        this.sessions = sessions;
    }

    /** The user's {@code updated_at} before a write, to compare with after it. */
    public String updatedAt(String userId) throws Refusal {
        try {
            return Objects.toString(management.user(userId).updatedAt(), "");
        } catch (Auth0Exception e) {
            throw refusal(e);
        }
    }

    /**
     * Sets the password of {@code userId} (AD username {@code username}), whose {@code updated_at} was
     * {@code updatedAtBefore}. Ends the user's portal sessions once it is set, or may be. Throws
     * {@link Reason#DIRECTORY_REFUSED} or an Auth0 refusal when nothing was set, and
     * {@link Reason#PASSWORD_NOT_CONFIRMED} when it cannot be told.
     */
    public Written set(String userId, String username, String updatedAtBefore, String newPassword, String endUserIp)
            throws Refusal {
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
            if (lost instanceof Auth0Exception.Failed) {
                LOG.warnf("password: Auth0 failed to set the password of %s (%s); nothing changed", userId, lost.error());
                throw refusal(lost);
            }
            // no answer: the write may still be on its way, so an unchanged user proves nothing yet
            return unknown(userId, lost);
        }
        try {
            PasswordCheck check = authentication.checkPassword(username, newPassword, ip);
            if (check == PasswordCheck.WRONG) {
                // the user changed for another reason; the password did not
                throw refusal(lost);
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
        throw new Refusal(Reason.PASSWORD_NOT_CONFIRMED);
    }

    private static Refusal refusal(Auth0Exception e) {
        LOG.warnf("password: Auth0 refused a call: %s %s", e.status(), e.error());
        return Refusal.auth0(e.rateLimited());
    }
}
