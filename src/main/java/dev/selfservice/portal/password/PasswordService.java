package dev.selfservice.portal.password;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.notice.NoticeKind;
import dev.selfservice.portal.notice.Notices;
import dev.selfservice.portal.auth0.Auth0Authentication;
import dev.selfservice.portal.auth0.Auth0Authentication.PasswordCheck;
import dev.selfservice.portal.auth0.Auth0Exception;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.portal.signin.AdUsername;
import dev.selfservice.portal.signin.SignedInEmployee;
import dev.selfservice.portal.state.EmployeeLock;
import dev.selfservice.portal.state.Limit;
import dev.selfservice.portal.state.Limits;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;

/**
 * Changing an AD password through Auth0: the current password is proven with the password-realm grant (Auth0 sets
 * passwords by an administrator's reset, which checks no old password), then the new one is set on the user with
 * the Management API, which writes it back to AD ({@link PasswordWriter}). The user is the session's, or, on the
 * expired-password page, the one whose correct current password AD answered with "expired" or "must change".
 */
@ApplicationScoped
public class PasswordService {

    private static final Logger LOG = Logger.getLogger(PasswordService.class);

    private final Notices notices;

    private final Limits limits;
    private final EmployeeLock lock;
    private final PortalConfig.Password passwordConfig;
    private final Auth0Authentication authentication;
    private final Auth0Management management;
    private final PasswordWriter writer;
    private final PasswordPolicy policy;
    private final String adConnection;
    private final AdUsername usernames;

    public PasswordService(Auth0Authentication authentication, Auth0Management management, PasswordWriter writer,
            PasswordPolicy policy, PortalConfig config, Limits limits, EmployeeLock lock, Notices notices, AdUsername usernames) {
        this.usernames = usernames;
        this.notices = notices;
        this.limits = limits;
        this.lock = lock;
        this.passwordConfig = config.password();
        this.authentication = authentication;
        this.management = management;
        this.writer = writer;
        this.policy = policy;
        this.adConnection = config.auth0().adConnection();
    }

    /** The signed-in employee's change: user id and username from the session, never from the form. */
    public void change(SignedInEmployee employee, String endUserIp, String current, String newPassword,
            String confirmation) throws Refusal {
        // every field's error at once: a missing current password is said before the directory is asked with it
        List<Reason> errors = new ArrayList<>();
        if (current == null || current.isEmpty()) {
            errors.add(Reason.CURRENT_PASSWORD_MISSING);
        }
        errors.addAll(PasswordPolicy.reasons(policy.rejections(newPassword, confirmation, current,
                List.of(employee.username(), employee.name(), employee.email()))));
        if (!errors.isEmpty()) {
            throw Refusal.all(errors);
        }
        // The same count as the expired-password page's, per username, taken before the directory sees the try: a
        // current password typed wrong again and again must not lock the AD account from either page.
        String tries = triesKey(employee.username());
        if (!limits.take(Limit.CURRENT_PASSWORD_TRIES, tries)) {
            throw new Refusal(Reason.TOO_MANY_PASSWORD_TRIES);
        }
        PasswordCheck check;
        try {
            check = authentication.checkPassword(employee.username(), current == null ? "" : current, endUserIp);
        } catch (Auth0Exception e) {
            if (!e.mayHaveActed()) {
                limits.giveBack(Limit.CURRENT_PASSWORD_TRIES, tries); // the directory never saw this try
            }
            throw refusal(e);
        }
        switch (check) {
            case RIGHT, EXPIRED, MUST_CHANGE -> {
                // the current password is proven (AD answers 532 and 773 only to the right one), and a right password
                // adds nothing to AD's bad-password count: the try is given back, so that a new password the
                // directory or the breach screening then refuses does not use up the employee's tries
                limits.giveBack(Limit.CURRENT_PASSWORD_TRIES, tries);
            }
            // the tries left before the portal's stop, so that nobody meets it unwarned
            case WRONG -> throw triesLeft(Reason.WRONG_CURRENT_PASSWORD, tries);
            case LOCKED -> throw new Refusal(Reason.ACCOUNT_LOCKED);
            default -> throw new Refusal(Reason.ACCOUNT_REFUSED);
        }
        // one change of an employee's password at a time, on every replica, as recovery does
        // the account read under the lock, before the write, addresses the notice too: every change of contacts takes
        // the same lock, so no contact came or went since, and the write changes none (no second read of the account)
        Auth0User account = lock.holding(employee.userId(), () -> {
            Auth0User before = writer.account(employee.userId());
            writer.set(employee.userId(), employee.username(), PasswordWriter.updatedAt(before), newPassword, endUserIp);
            return before;
        });
        LOG.infof("password: %s changed the password", employee.userId());
        notices.tell(NoticeKind.PASSWORD_CHANGED, account);
    }

    /**
     * The change of an expired or must-change password without signing in. Only AD's "expired" or "must change"
     * answer to the current password lets it on; every other outcome is the same {@link Reason#PASSWORD_NOT_CHANGED},
     * and takes the same time ({@link #answerFloor}), so the page tells nobody whether an account exists or what its
     * password is.
     */
    public String changeExpired(String username, String endUserIp, String current, String newPassword,
            String confirmation) throws Refusal {
        // every field's error at once, each about its own field: none of them depends on an account
        List<Reason> errors = new ArrayList<>();
        if (!AdUsername.wellFormed(username)) {
            errors.add(Reason.USERNAME_MISSING);
        } else if (usernames.personalEmail(username)) {
            errors.add(Reason.USERNAME_PERSONAL_EMAIL);
        }
        if (current == null || current.isEmpty()) {
            errors.add(Reason.CURRENT_PASSWORD_MISSING);
        }
        // erin, erin@corp.example and CORP\erin are one username with one count of tries; a form of another domain is
        // counted as typed and, like an unknown username, refused, without asking the directory
        Optional<String> signInName = errors.contains(Reason.USERNAME_MISSING) ? Optional.empty()
                : usernames.signInName(username);
        String user = signInName.orElse(username == null ? "" : username.strip());
        errors.addAll(PasswordPolicy.reasons(policy.rejections(newPassword, confirmation, current, List.of(user))));
        if (!errors.isEmpty()) {
            throw Refusal.all(errors).withUsernameForms(usernames.examples());
        }
        // counted per username before the directory sees the try, whether or not the account exists (so the answer
        // tells nothing), and kept below AD's lockout threshold
        if (!limits.take(Limit.CURRENT_PASSWORD_TRIES, triesKey(user))) {
            throw new Refusal(Reason.TOO_MANY_PASSWORD_TRIES);
        }
        if (signInName.isEmpty()) {
            // counted and said as for any account, so that the tries left tell nothing of whether it exists
            throw triesLeft(Reason.PASSWORD_NOT_CHANGED, triesKey(user));
        }
        PasswordCheck check;
        try {
            check = authentication.checkPassword(user, current, endUserIp);
        } catch (Auth0Exception e) {
            if (!e.mayHaveActed()) {
                limits.giveBack(Limit.CURRENT_PASSWORD_TRIES, triesKey(user)); // the directory never saw this try
            }
            throw refusal(e);
        }
        if (check != PasswordCheck.EXPIRED && check != PasswordCheck.MUST_CHANGE) {
            throw triesLeft(Reason.PASSWORD_NOT_CHANGED, triesKey(user));
        }
        // proven, as on the signed-in page: a later refusal of the new password does not use up a try
        limits.giveBack(Limit.CURRENT_PASSWORD_TRIES, triesKey(user));
        Optional<Auth0User> found;
        try {
            found = management.adUser(adConnection, user);
        } catch (Auth0Exception e) {
            throw refusal(e);
        }
        if (found.isEmpty()) {
            LOG.warnf("password: AD says the password of a user is expired, but Auth0 has no such user on %s", adConnection);
            throw new Refusal(Reason.PASSWORD_NOT_CHANGED);
        }
        Auth0User account = found.get();
        policy.require(newPassword, confirmation, current, List.of(user, String.valueOf(account.name()),
                String.valueOf(account.email())));
        // updated_at read by id: the search that found the user is eventually consistent
        lock.holding(account.userId(), () -> writer.set(account.userId(), user, writer.updatedAt(account.userId()),
                newPassword, endUserIp));
        LOG.infof("password: %s changed an expired password", account.userId());
        notices.tell(NoticeKind.EXPIRED_PASSWORD_CHANGED, account);
        return account.userId();
    }

    /** A try of the current password refused, with the tries left before the portal stops (none said at the last). */
    private Refusal triesLeft(Reason reason, String triesKey) {
        int left = limits.left(Limit.CURRENT_PASSWORD_TRIES, triesKey);
        return left > 0 ? Refusal.triesLeft(reason, left) : new Refusal(reason);
    }

    /** One count per AD username, whatever its case (AD matches names without case, so must the count). */
    private static String triesKey(String username) {
        return username.toLowerCase(java.util.Locale.ROOT);
    }

    /** How long every answer of the expired-password page takes at least, so that its timing tells nothing. */
    public Duration answerFloor() {
        return passwordConfig.expiredAnswerFloor();
    }


    private static Refusal refusal(Auth0Exception e) {
        LOG.warnf("password: Auth0 refused a call: %s %s", e.status(), e.error());
        return Refusal.auth0(e.rateLimited());
    }
}
