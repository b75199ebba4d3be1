package dev.selfservice.portal.password;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.auth0.Auth0Authentication;
import dev.selfservice.portal.auth0.Auth0Authentication.PasswordCheck;
import dev.selfservice.portal.auth0.Auth0Exception;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.portal.password.PasswordRefused.Reason;
import dev.selfservice.portal.signin.PortalSessions;
import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.portal.signin.SignedInEmployee;

/**
 * Changing an AD password through Auth0: the current password is proven with the password-realm grant (Auth0 sets
 * passwords by an administrator's reset, which checks no old password), then the new one is set on the user with
 * the Management API, which writes it back to AD. The user is the session's, or, on the expired-password page, the
 * one whose correct current password AD answered with "expired" or "must change".
 */
@ApplicationScoped
public class PasswordService {

    private static final Logger LOG = Logger.getLogger(PasswordService.class);

    private final PortalSessions sessions;
    private final StateStore store;
    private final PortalConfig.Password passwordConfig;
    private final Auth0Authentication authentication;
    private final Auth0Management management;
    private final PasswordPolicy policy;
    private final String adConnection;

    public PasswordService(PortalSessions sessions, Auth0Authentication authentication, Auth0Management management,
            PasswordPolicy policy, PortalConfig config, StateStore store) {
        this.sessions = sessions;
        this.store = store;
        this.passwordConfig = config.password();
        this.authentication = authentication;
        this.management = management;
        this.policy = policy;
        this.adConnection = config.auth0().adConnection();
    }

    /** The signed-in employee's change: user id and username from the session, never from the form. */
    public void change(SignedInEmployee employee, String endUserIp, String current, String newPassword,
            String confirmation) throws PasswordRefused {
        checkPolicy(newPassword, confirmation, current, List.of(employee.username(), employee.name(), employee.email()));
        PasswordCheck check = checkCurrent(employee.username(), current, endUserIp);
        switch (check) {
            case RIGHT, EXPIRED, MUST_CHANGE -> {
                // the current password is proven: AD answers 532 and 773 only to the right one
            }
            case WRONG -> throw new PasswordRefused(Reason.WRONG_CURRENT);
            case LOCKED -> throw new PasswordRefused(Reason.LOCKED);
            default -> throw new PasswordRefused(Reason.ACCOUNT_REFUSED);
        }
        set(employee.userId(), newPassword);
        LOG.infof("password: %s changed the password", employee.userId());
    }

    /**
     * The change of an expired or must-change password without signing in. Only AD's "expired" or "must change"
     * answer to the current password lets it on; every other outcome is the same {@link Reason#NOT_CHANGED}, so the
     * page tells nobody whether an account exists or what its password is.
     */
    public void changeExpired(String username, String endUserIp, String current, String newPassword,
            String confirmation) throws PasswordRefused {
        String user = username == null ? "" : username.trim();
        if (user.isEmpty() || user.length() > 256 || current == null || current.isEmpty()) {
            throw new PasswordRefused(Reason.NOT_CHANGED);
        }
        checkPolicy(newPassword, confirmation, current, List.of(user));
        // counted per username before the directory sees the try, whether or not the account exists (so the answer
        // tells nothing), and kept below AD's lockout threshold
        if (!store.tryAcquire(StateKeys.of("password:expired-tries", user), passwordConfig.expiredTries(),
                passwordConfig.expiredTriesWindow())) {
            throw new PasswordRefused(Reason.TOO_MANY_TRIES);
        }
        PasswordCheck check = checkCurrent(user, current, endUserIp);
        if (check != PasswordCheck.EXPIRED && check != PasswordCheck.MUST_CHANGE) {
            throw new PasswordRefused(Reason.NOT_CHANGED);
        }
        Optional<Auth0User> found;
        try {
            found = management.adUser(adConnection, user);
        } catch (Auth0Exception e) {
            throw auth0Refusal(e);
        }
        if (found.isEmpty()) {
            LOG.warnf("password: AD says the password of a user is expired, but Auth0 has no such user on %s", adConnection);
            throw new PasswordRefused(Reason.NOT_CHANGED);
        }
        Auth0User account = found.get();
        checkPolicy(newPassword, confirmation, current, List.of(user, String.valueOf(account.name()),
                String.valueOf(account.email())));
        set(account.userId(), newPassword);
        LOG.infof("password: %s changed an expired password", account.userId());
    }

    private void checkPolicy(String newPassword, String confirmation, String current, List<String> names)
            throws PasswordRefused {
        Optional<PasswordPolicy.Rejection> rejection = policy.check(newPassword, confirmation, current, names);
        if (rejection.isPresent()) {
            throw new PasswordRefused(Reason.POLICY, rejection.get());
        }
    }

    private PasswordCheck checkCurrent(String username, String current, String endUserIp) throws PasswordRefused {
        try {
            return authentication.checkPassword(username, current == null ? "" : current, endUserIp);
        } catch (Auth0Exception e) {
            throw auth0Refusal(e);
        }
    }

    private void set(String userId, String newPassword) throws PasswordRefused {
        try {
            management.setPassword(userId, newPassword);
        } catch (Auth0Exception e) {
            if (e.status() == 400) {
                // the connector's refusal: complexity, history, length or minimum age of the directory
                throw new PasswordRefused(Reason.DIRECTORY_REFUSED);
            }
            throw auth0Refusal(e);
        }
        sessions.endAll(userId);
    }

    private static PasswordRefused auth0Refusal(Auth0Exception e) {
        LOG.warnf("password: Auth0 refused a call: %s %s", e.status(), e.error());
        return new PasswordRefused(e.rateLimited() ? Reason.RATE_LIMITED : Reason.UNAVAILABLE);
    }
}
