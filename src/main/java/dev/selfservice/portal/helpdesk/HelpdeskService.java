package dev.selfservice.portal.helpdesk;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.auth0.Auth0Authentication;
import dev.selfservice.portal.auth0.Auth0Exception;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.portal.auth0.VerifiedIdentity;
import dev.selfservice.portal.contact.Contact;
import dev.selfservice.portal.contact.LinkedContacts;
import dev.selfservice.portal.enrolment.EnrolmentService;
import dev.selfservice.portal.notice.NoticeKind;
import dev.selfservice.portal.notice.Notices;
import dev.selfservice.portal.signin.AdUsername;
import dev.selfservice.portal.signin.StaffSettings;
import dev.selfservice.portal.state.Limit;
import dev.selfservice.portal.state.Limits;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;

/**
 * The helpdesk's side: find an employee by exact username or work email, verify the caller by a code sent to one of
 * the employee's own contacts (the helpdesk sees neither the contact in full nor the code: the caller reads it out),
 * and only then act for them, each action with a reason. The helpdesk never sets or sees a password.
 * <p>
 * Verification codes count against the same ceilings as recovery's ({@link Limit#RECOVERY_SENDS_PER_CONTACT}), so
 * that the helpdesk cannot be used to flood a contact, plus a small per-employee try limit of their own.
 */
@ApplicationScoped
public class HelpdeskService {

    private static final Logger LOG = Logger.getLogger(HelpdeskService.class);

    private final Auth0Management management;
    private final Auth0Authentication authentication;
    private final EnrolmentService enrolment;
    private final AdUsername usernames;
    private final Limits limits;
    private final Notices notices;
    private final StaffSettings staff;
    private final PortalConfig config;
    private final Clock clock;

    public HelpdeskService(Auth0Management management, Auth0Authentication authentication, EnrolmentService enrolment,
            AdUsername usernames, Limits limits, Notices notices, StaffSettings staff, PortalConfig config,
            Clock clock) {
        this.management = management;
        this.authentication = authentication;
        this.enrolment = enrolment;
        this.usernames = usernames;
        this.limits = limits;
        this.notices = notices;
        this.staff = staff;
        this.config = config;
        this.clock = clock;
    }

    /** Opens a case for the employee of exactly that username (in any form it takes) or work email. */
    public HelpdeskCase find(String staffUserId, String sessionBinding, String typed) throws Refusal {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty() || t.length() > 254) {
            throw new Refusal(Reason.NO_SUCH_EMPLOYEE);
        }
        Optional<Auth0User> found;
        try {
            Optional<String> name = usernames.signInName(t);
            found = name.isPresent() ? management.adUser(config.auth0().adConnection(), name.get()) : Optional.empty();
            if (found.isEmpty() && t.indexOf('@') > 0) {
                found = management.adUserByEmail(config.auth0().adConnection(), t);
            }
        } catch (Auth0Exception e) {
            throw Refusal.auth0(e.rateLimited());
        }
        Auth0User user = found.orElseThrow(() -> new Refusal(Reason.NO_SUCH_EMPLOYEE));
        if (user.userId().equals(staffUserId)) {
            throw new Refusal(Reason.HELPDESK_OWN_ACCOUNT);
        }
        // a staff account holds the helpdesk's or the reports' powers: a colleague who could remove its contacts or
        // lift its pause on a caller's word could take it over, so staff are helped by IT's administrators instead
        if (staff.helpdeskIn(user.groups()) || staff.reportsIn(user.groups())) {
            throw new Refusal(Reason.HELPDESK_STAFF_ACCOUNT);
        }
        return HelpdeskCase.opened(staffUserId, sessionBinding, user.userId(), user.nickname());
    }

    /** The employee of the case as the helpdesk sees them, read now. */
    public EmployeeCard card(HelpdeskCase c) throws Refusal {
        try {
            Auth0User user = management.user(c.employeeUserId());
            boolean paused = management.hasBruteForceBlocks(user.userId());
            return new EmployeeCard(user.nickname(), user.name(), user.email(), LinkedContacts.of(user),
                    user.isBlocked(), paused, lastSignIn(user.lastLogin()));
        } catch (Auth0Exception e) {
            throw Refusal.auth0(e.rateLimited());
        }
    }

    /** Sends a verification code to one of the employee's own contacts. */
    public HelpdeskCase sendCode(HelpdeskCase c, String contactId) throws Refusal {
        Contact contact = ownContact(c, contactId);
        if (!limits.take(Limit.RECOVERY_SENDS_PER_CONTACT, contact.channel().connection(), contact.address())) {
            throw Refusal.until(Reason.TOO_MANY_CODES, limits.roomAgainAt(Limit.RECOVERY_SENDS_PER_CONTACT,
                    contact.channel().connection(), contact.address()));
        }
        // the code's end counts from before it is sent, so that the portal's end comes before Auth0's
        Instant now = clock.instant();
        try {
            authentication.startPasswordless(contact.channel(), contact.address(),
                    dev.selfservice.portal.auth0.CodePurpose.HELPDESK);
        } catch (Auth0Exception e) {
            throw Refusal.auth0(e.rateLimited());
        }
        LOG.infof("helpdesk: %s sent a verification code to a contact of %s (%s)", c.staffUserId(),
                c.employeeUserId(), contact.masked());
        return c.codeSent(contact.id(), contact.channel(), contact.address(), now.plus(config.recovery().codeLifetime()));
    }

    /** Checks the code the caller read out: the exchange must sign in as the employee of the case. */
    public HelpdeskCase verifyCode(HelpdeskCase c, String code) throws Refusal {
        if (!c.codeWaiting()) {
            throw new Refusal(Reason.NO_PENDING);
        }
        if (!clock.instant().isBefore(c.codeExpiresAt())) {
            throw new Refusal(Reason.CODE_EXPIRED);
        }
        String otp = dev.selfservice.portal.contact.OneTimeCode.digits(code);
        // taken before the exchange, so that parallel posts cannot pass together
        if (!limits.take(Limit.HELPDESK_CODE_TRIES_PER_EMPLOYEE, c.employeeUserId())) {
            throw Refusal.until(Reason.TOO_MANY_WRONG_CODES,
                    limits.roomAgainAt(Limit.HELPDESK_CODE_TRIES_PER_EMPLOYEE, c.employeeUserId()));
        }
        VerifiedIdentity identity;
        try {
            identity = authentication.exchangeOtp(c.codeChannel(), c.codeAddress(), otp,
                    dev.selfservice.portal.auth0.CodePurpose.HELPDESK);
        } catch (Auth0Exception.Refused e) {
            throw wrongCode(c);
        } catch (Auth0Exception e) {
            throw Refusal.auth0(e.rateLimited());
        }
        if (!identity.subject().equals(c.employeeUserId())) {
            // the contact is no longer linked to the employee (removed meanwhile): no verification
            LOG.warnf("helpdesk: a verification code of a contact of %s signed in as another user", c.employeeUserId());
            throw new Refusal(Reason.NOT_YOURS);
        }
        // the limit is on wrong codes: a right one gives its try back, so that a later call of the same employee
        // does not start with fewer tries (the attack review's finding)
        limits.giveBack(Limit.HELPDESK_CODE_TRIES_PER_EMPLOYEE, c.employeeUserId());
        LOG.infof("helpdesk: %s verified the caller for %s", c.staffUserId(), c.employeeUserId());
        return c.verified(clock.instant().plus(staff.verifiedFor()));
    }

    /** What removing would remove, for the question before it: refused as the removal itself would be. */
    public Contact checkRemoval(HelpdeskCase c, String contactId, String reason) throws Refusal {
        requireVerifiedWithReason(c, reason);
        return ownContact(c, contactId);
    }

    /** Removes one of the employee's contacts (a lost phone), for a verified caller, with a reason. */
    public Contact removeContact(HelpdeskCase c, String contactId, String reason) throws Refusal {
        requireVerifiedWithReason(c, reason);
        // EnrolmentService tells the work address and the removed contact
        return enrolment.removeByHelpdesk(c.employeeUserId(), contactId);
    }

    /** Lifts Auth0's pause on sign-in after wrong passwords, for a verified caller, with a reason. */
    public void liftPause(HelpdeskCase c, String reason) throws Refusal {
        requireVerifiedWithReason(c, reason);
        try {
            management.clearBruteForceBlocks(c.employeeUserId());
        } catch (Auth0Exception e) {
            throw Refusal.auth0(e.rateLimited());
        }
        notices.tell(NoticeKind.PAUSE_LIFTED_BY_HELPDESK, c.employeeUserId());
    }

    /**
     * Sends the employee an invitation to enrol, to the work address only, with a reason. It needs no verified caller,
     * on purpose: it is what helps an employee without a contact, whom no code can verify; it goes only to the
     * employee's own work mailbox, where whoever asked for it has no say; it carries no secret and no sign-in link, and
     * changes nothing on the account. So a caller who is not the employee gains nothing by it. It still needs the
     * helpdesk person's password entered again (as every step that sends something does), a reason for the audit
     * trail, and is limited to one per employee per day ({@link Limit#HELPDESK_INVITATIONS_PER_EMPLOYEE}).
     */
    public void invite(HelpdeskCase c, String reason) throws Refusal {
        if (reason == null || reason.isBlank()) {
            throw new Refusal(Reason.INVITATION_REASON_MISSING);
        }
        // counted before the mail is composed, so that parallel posts send one
        if (!limits.take(Limit.HELPDESK_INVITATIONS_PER_EMPLOYEE, c.employeeUserId())) {
            throw new Refusal(Reason.INVITATION_ALREADY_SENT);
        }
        Auth0User user;
        try {
            user = management.user(c.employeeUserId());
        } catch (Auth0Exception e) {
            limits.giveBack(Limit.HELPDESK_INVITATIONS_PER_EMPLOYEE, c.employeeUserId()); // nothing was sent
            throw Refusal.auth0(e.rateLimited());
        }
        // in the helpdesk page's language: the portal does not know the employee's (the AD profile carries none), and
        // the helpdesk person chooses the language they speak with the employee in
        notices.tell(NoticeKind.ENROLMENT_INVITATION, user);
        LOG.infof("helpdesk: %s sent %s an invitation to enrol", c.staffUserId(), c.employeeUserId());
    }

    /** The last sign-in as the page's language writes a date and time (UTC, said so); null when never. */
    private static String lastSignIn(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                    .withLocale(dev.selfservice.portal.web.PageLanguage.currentLocale())
                    .withZone(java.time.ZoneOffset.UTC).format(Instant.parse(iso)) + " UTC";
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    private void requireVerifiedWithReason(HelpdeskCase c, String reason) throws Refusal {
        if (!c.verifiedAt(clock.instant())) {
            throw new Refusal(Reason.CALLER_NOT_VERIFIED);
        }
        if (reason == null || reason.isBlank()) {
            throw new Refusal(Reason.HELPDESK_REASON_MISSING);
        }
    }

    private Contact ownContact(HelpdeskCase c, String contactId) throws Refusal {
        try {
            return LinkedContacts.of(management.user(c.employeeUserId())).stream()
                    .filter(k -> k.id().equals(contactId)).findFirst()
                    .orElseThrow(() -> new Refusal(Reason.NOT_YOURS));
        } catch (Auth0Exception e) {
            throw Refusal.auth0(e.rateLimited());
        }
    }

    private Refusal wrongCode(HelpdeskCase c) {
        int left = limits.left(Limit.HELPDESK_CODE_TRIES_PER_EMPLOYEE, c.employeeUserId());
        return Refusal.wrongCode(left, left, false,
                left > 0 ? Optional.empty() : limits.roomAgainAt(Limit.HELPDESK_CODE_TRIES_PER_EMPLOYEE, c.employeeUserId()));
    }

    /** Whether the case may still act, for the page to show the actions. */
    public boolean verified(HelpdeskCase c) {
        return c.verifiedAt(clock.instant());
    }

    /** The organisation's other way to verify a caller, when the employee has no contact. */
    public Optional<String> otherVerification() {
        return staff.otherVerification().filter(s -> !s.isBlank());
    }
}
