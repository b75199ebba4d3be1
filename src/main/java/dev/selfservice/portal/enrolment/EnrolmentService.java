package dev.selfservice.portal.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.notice.NoticeKind;
import dev.selfservice.portal.notice.Notices;
import dev.selfservice.portal.auth0.Auth0Authentication;
import dev.selfservice.portal.auth0.Auth0Exception;
import dev.selfservice.portal.auth0.Auth0Identity;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.auth0.VerifiedIdentity;
import dev.selfservice.portal.contact.Contact;
import dev.selfservice.portal.contact.ContactAddress;
import dev.selfservice.portal.contact.LinkedContacts;
import dev.selfservice.portal.signin.SignedInEmployee;
import dev.selfservice.portal.state.EmployeeLock;
import dev.selfservice.portal.state.Limit;
import dev.selfservice.portal.state.Limits;
import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;

/**
 * Enrolment of a personal email address or phone number: Auth0's passwordless sign-up proves control of the
 * address, then the portal links that passwordless identity to the employee's AD account.
 * <p>
 * The rules that keep it safe: the AD user is the session's; the identity linked is the one whose code was verified
 * now, for the address the employee entered in this session, verified, and a standalone passwordless user (an
 * address already linked to an AD account signs in as that account: {@code ad|...}, and is refused without saying
 * whose it is); a contact is removed only if it is one of the employee's own identities.
 * <p>
 * Linking and removing hold the employee's lock (on every replica): the contact limit is checked and the enrolment
 * dates are read and written by one writer at a time, so parallel confirmations cannot pass the limit or lose a date.
 */
@ApplicationScoped
public class EnrolmentService {

    private static final Logger LOG = Logger.getLogger(EnrolmentService.class);

    private final Auth0Authentication authentication;
    private final Auth0Management management;
    private final Limits limits;
    private final EmployeeLock lock;
    private final Leftovers leftovers;
    private final PortalConfig.Enrolment config;
    private final Clock clock;
    private final Notices notices;
    private final StateStore store;

    public EnrolmentService(Auth0Authentication authentication, Auth0Management management, Limits limits,
            EmployeeLock lock, Leftovers leftovers, PortalConfig config, Clock clock, Notices notices, StateStore store) {
        this.notices = notices;
        this.store = store;
        this.leftovers = leftovers;
        this.authentication = authentication;
        this.management = management;
        this.limits = limits;
        this.lock = lock;
        this.config = config.enrolment();
        this.clock = clock;
    }

    /** Whether the address is at the work address's domain or below it. */
    static boolean atTheWorkDomain(String address, String workEmail) {
        if (workEmail == null || workEmail.indexOf('@') < 0) {
            return false;
        }
        String work = workEmail.substring(workEmail.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
        return domain.equals(work) || domain.endsWith("." + work);
    }

    /**
     * Refuses an address of the work domain: every mailbox there (the employee's own, its plus-addresses and aliases,
     * a colleague's) is behind the directory's passwords, the very thing the contact is there to recover. Judged from
     * the address and the session alone, so the page says it before asking for the password again.
     */
    public void refuseWorkAddress(SignedInEmployee employee, ContactAddress address) throws Refusal {
        if (address.channel() == PasswordlessChannel.EMAIL && atTheWorkDomain(address.value(), employee.email())) {
            // every mailbox of the work domain (the employee's own, its plus-addresses and aliases, a colleague's) is
            // behind the directory's passwords, the very thing the contact is there to recover
            throw new Refusal(Reason.WORK_ADDRESS);
        }
    }

    /**
     * Refuses what no password entered again could make right, judged from the address, the session and her own
     * contacts alone: the work address, and a contact that is already hers. Asked before the step-up, so that the
     * page says it before asking for the password. Answers the contacts it judged from, read now, so that a start in
     * the same request judges from them too rather than reading the account a second time.
     */
    public List<Contact> refuseBeforeTheStepUp(SignedInEmployee employee, ContactAddress address) throws Refusal {
        refuseWorkAddress(employee, address);
        List<Contact> contacts = contacts(employee);
        refuseAlreadyHers(contacts, address);
        return contacts;
    }

    private static void refuseAlreadyHers(List<Contact> contacts, ContactAddress address) throws Refusal {
        if (contacts.stream().anyMatch(c -> c.channel() == address.channel() && c.address().equalsIgnoreCase(address.value()))) {
            throw new Refusal(Reason.ALREADY_YOURS);
        }
    }

    /** The employee's contacts, each marked when it is time to ask "is this still yours?". */
    public List<Contact> contacts(SignedInEmployee employee) throws Refusal {
        return LinkedContacts.of(user(employee)).stream().map(c -> c.withConfirmationDue(confirmationDue(c))).toList();
    }

    /** A contact not shown to be the employee's for {@code reconfirm-after} (or never, as far as the portal knows). */
    private boolean confirmationDue(Contact contact) {
        if (config.reconfirmAfter().isZero() || config.reconfirmAfter().isNegative()) {
            return false;
        }
        Instant shown = contact.lastShownTheirs();
        return shown == null || !clock.instant().isBefore(shown.plus(config.reconfirmAfter()));
    }

    /** Sends a code to a new address and returns the enrolment that waits for it. */
    public PendingEnrolment start(SignedInEmployee employee, String sessionBinding, ContactAddress address)
            throws Refusal {
        return start(employee, sessionBinding, address, contacts(employee));
    }

    /**
     * The same, judged from the employee's contacts as this request has just read them ({@link #refuseBeforeTheStepUp}):
     * a second read microseconds later would tell nothing more. Neither judgement is the last word: the number of
     * contacts is checked again under the employee's lock, from a fresh read, before a contact is linked.
     */
    public PendingEnrolment start(SignedInEmployee employee, String sessionBinding, ContactAddress address,
            List<Contact> contacts) throws Refusal {
        if (contacts.size() >= config.maxContacts()) {
            throw new Refusal(Reason.TOO_MANY_CONTACTS);
        }
        refuseAlreadyHers(contacts, address);
        refuseWorkAddress(employee, address);
        refuseWhileTriesAreUsedUp(employee);
        takeSend(employee);
        // the code's end counts from before it is sent, so that the portal's end comes before Auth0's and the page says
        // "expired" (Auth0 tells an expired code from a wrong one only in words, which the portal does not read)
        Instant now = clock.instant();
        // an address that is another account's contact is answered as any other, with a code: refusing it here, before
        // any proof of control, would tell any signed-in employee whose address is whose recovery contact. Only the
        // one who holds the code learns it, at confirmation (the exchange signs in as the other account)
        startPasswordless(address, dev.selfservice.portal.auth0.CodePurpose.ENROLMENT);
        return new PendingEnrolment(employee.userId(), sessionBinding, address.channel(), address.value(),
                now.plus(config.codeLifetime()), now);
    }

    /** A new code for the same enrolment, which replaces the first at Auth0; also once the first has expired. */
    public PendingEnrolment resend(SignedInEmployee employee, String sessionBinding, Optional<PendingEnrolment> pending)
            throws Refusal {
        PendingEnrolment p = ours(employee, sessionBinding, pending);
        Instant now = clock.instant();
        if (now.isBefore(p.lastSentAt().plus(config.resendInterval()))) {
            throw new Refusal(Reason.RESEND_TOO_SOON);
        }
        refuseWhileTriesAreUsedUp(employee);
        takeSend(employee);
        startPasswordless(p.contact(), dev.selfservice.portal.auth0.CodePurpose.ENROLMENT);
        // the step now has an earlier code that no longer works: a wrong code is answered as possibly that one
        store.claim(replacingKey(p.userId(), now), config.codeLifetime().plus(java.time.Duration.ofHours(1)));
        return new PendingEnrolment(p.userId(), p.sessionBinding(), p.channel(), p.address(),
                now.plus(config.codeLifetime()), now);
    }

    /** Checks the code with Auth0 and links the address's identity to the employee's AD account. */
    public Contact verify(SignedInEmployee employee, String sessionBinding, Optional<PendingEnrolment> pending, String code)
            throws Refusal {
        PendingEnrolment p = current(employee, sessionBinding, pending);
        String otp = dev.selfservice.portal.contact.OneTimeCode.digits(code);
        // taken before the exchange, so that parallel posts cannot pass together
        if (!limits.take(Limit.ENROLMENT_CODE_TRIES_PER_EMPLOYEE, employee.userId())) {
            throw triesUsedUp(employee);
        }
        // and one of the code's own three at Auth0, so that the page can say when the code no longer works
        boolean onTheCode = limits.take(Limit.ENROLMENT_TRIES_PER_CODE, employee.userId(), sentAt(p));
        VerifiedIdentity identity;
        // before the exchange, so that a user it makes is found even if its answer is lost
        leftovers.noteExchange(p.channel(), p.address());
        try {
            identity = authentication.exchangeOtp(p.channel(), p.address(), otp,
                    dev.selfservice.portal.auth0.CodePurpose.ENROLMENT);
        } catch (Auth0Exception e) {
            if (!(e instanceof Auth0Exception.Refused) && !e.mayHaveActed() && !e.rateLimited()) {
                limits.giveBack(Limit.ENROLMENT_CODE_TRIES_PER_EMPLOYEE, employee.userId()); // Auth0 never looked
                if (onTheCode) {
                    limits.giveBack(Limit.ENROLMENT_TRIES_PER_CODE, employee.userId(), sentAt(p));
                }
            }
            Refusal refusal = codeRefusal(e);
            throw refusal.reason() == Reason.WRONG_CODE ? wrongCode(employee, p) : refusal;
        }
        String prefix = p.channel().connection() + "|";
        if (!identity.subject().startsWith(prefix)) {
            // the address signs in as another user: it is linked to an AD account already (whose, we do not say)
            throw new Refusal(Reason.LINKED_ELSEWHERE);
        }
        // the exchange made (or found) a standalone passwordless user: until it is linked, it is a leftover to remove
        String contactId = identity.subject();
        leftovers.note(contactId);
        boolean sameAddress = p.channel() == PasswordlessChannel.EMAIL
                ? identity.emailVerified() && p.address().equalsIgnoreCase(identity.email())
                : identity.phoneVerified() && p.address().equals(identity.phoneNumber());
        if (!sameAddress) {
            leftovers.remove(contactId);
            throw new Refusal(Reason.ADDRESS_MISMATCH);
        }
        return lock.holding(employee.userId(), () -> {
            Auth0User user;
            try {
                user = management.user(employee.userId());
            } catch (Auth0Exception e) {
                // the code is spent already: "nothing was changed, try again" would send the employee back with a code
                // that no longer works. The standalone user the exchange made goes now (or with the sweep).
                LOG.warnf("enrolment: reading %s after a used code failed: %s %s", employee.userId(), e.status(), e.error());
                leftovers.remove(contactId);
                throw new Refusal(Reason.CONTACT_NOT_ADDED);
            }
            if (LinkedContacts.of(user).size() >= config.maxContacts()) {
                leftovers.remove(contactId);
                throw new Refusal(Reason.TOO_MANY_CONTACTS);
            }
            Optional<List<Auth0Identity>> linked = link(employee, contactId, prefix);
            leftovers.forget(contactId);
            Instant now = clock.instant();
            noteEnrolledAt(user, linked, contactId, now);
            LOG.infof("enrolment: %s linked a %s contact (%s)", employee.userId(), p.channel().connection(),
                    ContactAddress.mask(p.channel(), p.address()));
            Contact added = new Contact(contactId, p.channel(), p.address(), now);
            // the account as read before the link: its other contacts are told, the new one is not
            notices.tell(NoticeKind.CONTACT_ADDED, user, added);
            return added;
        });
    }

    /**
     * Links the contact, or finds out whether a link whose answer was lost was made. When it surely was not, the
     * standalone user goes at once; when that cannot be told, it stays on the leftovers' agenda, which removes it
     * later only if it is still standalone.
     */
    private Optional<List<Auth0Identity>> link(SignedInEmployee employee, String contactId, String prefix) throws Refusal {
        try {
            return Optional.of(management.link(employee.userId(), prefix.substring(0, prefix.length() - 1),
                    contactId.substring(prefix.length())));
        } catch (Auth0Exception e) {
            LOG.warnf("enrolment: linking a contact of %s failed: %s %s", employee.userId(), e.status(), e.error());
            if (!e.mayHaveActed()) {
                if (e instanceof Auth0Exception.Refused && e.status() == 409) {
                    // linked to another account in the meantime: not ours to remove
                    leftovers.forget(contactId);
                    throw new Refusal(Reason.LINKED_ELSEWHERE);
                }
                leftovers.remove(contactId);
                throw new Refusal(Reason.CONTACT_NOT_ADDED);
            }
            Optional<Boolean> linked = isLinked(employee.userId(), contactId);
            if (linked.orElse(false)) {
                LOG.infof("enrolment: the link of %s was made although its answer was lost", employee.userId());
                return Optional.empty();
            }
            // not linked yet, or not known: the lost link may still land, so the leftover is removed later, and only
            // if it is then still standalone
            throw new Refusal(Reason.CONTACT_NOT_CONFIRMED);
        }
    }

    /** Whether the identity is linked to the user now; empty when Auth0 cannot say. */
    private Optional<Boolean> isLinked(String userId, String contactId) {
        try {
            return Optional.of(management.user(userId).identities().stream().anyMatch(i -> i.fullUserId().equals(contactId)));
        } catch (Auth0Exception e) {
            return Optional.empty();
        }
    }

    /** Finds one of the employee's own contacts; any other id is not found. */
    public Contact own(SignedInEmployee employee, String contactId) throws Refusal {
        return contacts(employee).stream().filter(c -> c.id().equals(contactId)).findFirst()
                .orElseThrow(() -> new Refusal(Reason.NOT_YOURS));
    }

    /** Unlinks one of the employee's own contacts, then deletes the standalone user that unlinking leaves. */
    public Contact remove(SignedInEmployee employee, String contactId) throws Refusal {
        return lock.holding(employee.userId(), () -> removeHoldingTheLock(employee.userId(), contactId,
                NoticeKind.CONTACT_REMOVED));
    }

    /**
     * The same for the employee of that user id, which the caller must have from a verified token or its own session
     * (the helpdesk's case, after the caller was verified by a code).
     */
    public Contact removeByHelpdesk(String userId, String contactId) throws Refusal {
        return lock.holding(userId, () -> removeHoldingTheLock(userId, contactId, NoticeKind.CONTACT_REMOVED_BY_HELPDESK));
    }

    private Contact removeHoldingTheLock(String userId, String contactId, NoticeKind told) throws Refusal {
        Auth0User user;
        try {
            user = management.user(userId);
        } catch (Auth0Exception e) {
            throw auth0Refusal(e);
        }
        Contact contact = LinkedContacts.of(user).stream().filter(c -> c.id().equals(contactId)).findFirst()
                .orElseThrow(() -> new Refusal(Reason.NOT_YOURS));
        int bar = contact.id().indexOf('|');
        try {
            management.unlink(userId, contact.id().substring(0, bar), contact.id().substring(bar + 1));
        } catch (Auth0Exception e) {
            LOG.warnf("enrolment: unlinking a contact of %s failed: %s %s", userId, e.status(), e.error());
            if (!e.mayHaveActed()) {
                throw auth0Refusal(e); // Auth0 answered: the contact is still there, still listed
            }
            Optional<Boolean> linked = isLinked(userId, contact.id());
            if (linked.orElse(true)) {
                // the unlink may still land and leave a standalone user: the agenda removes it if so
                leftovers.note(contact.id());
                throw new Refusal(Reason.CONTACT_NOT_CONFIRMED);
            }
            LOG.infof("enrolment: the unlink of %s was made although its answer was lost", userId);
        }
        // unlinking leaves a standalone passwordless user, which can do nothing but is not the employee's any more
        leftovers.remove(contact.id());
        forgetEnrolledAt(userId, contact.id());
        LOG.infof("enrolment: %s removed a %s contact (%s)", userId, contact.channel().connection(),
                contact.masked());
        notices.tell(told, user, contact);
        return contact;
    }

    // ---- helpers ----

    /** The pending enrolment of this employee's sign-in session, whose code has not expired. */
    private PendingEnrolment current(SignedInEmployee employee, String sessionBinding, Optional<PendingEnrolment> pending)
            throws Refusal {
        PendingEnrolment p = ours(employee, sessionBinding, pending);
        if (!clock.instant().isBefore(p.expiresAt())) {
            throw new Refusal(Reason.CODE_EXPIRED);
        }
        return p;
    }

    /** The pending enrolment of this employee's sign-in session, its code expired or not. */
    private static PendingEnrolment ours(SignedInEmployee employee, String sessionBinding,
            Optional<PendingEnrolment> pending) throws Refusal {
        PendingEnrolment p = pending.orElseThrow(() -> new Refusal(Reason.NO_PENDING));
        if (!p.userId().equals(employee.userId()) || !p.sessionBinding().equals(sessionBinding)) {
            throw new Refusal(Reason.NO_PENDING);
        }
        return p;
    }

    /** A code that could not be used is not sent: while the employee's code tries are used up, none is. */
    void refuseWhileTriesAreUsedUp(SignedInEmployee employee) throws Refusal {
        if (limits.left(Limit.ENROLMENT_CODE_TRIES_PER_EMPLOYEE, employee.userId()) == 0) {
            throw triesUsedUp(employee);
        }
    }

    Refusal triesUsedUp(SignedInEmployee employee) {
        return Refusal.until(Reason.TOO_MANY_WRONG_CODES,
                limits.roomAgainAt(Limit.ENROLMENT_CODE_TRIES_PER_EMPLOYEE, employee.userId()));
    }

    /**
     * A wrong code of a step that does not count its code's own tries at Auth0 (confirming a contact is still the
     * employee's): the tries the employee has before the wait.
     */
    Refusal wrongCode(SignedInEmployee employee) {
        int left = limits.left(Limit.ENROLMENT_CODE_TRIES_PER_EMPLOYEE, employee.userId());
        return Refusal.wrongCode(left, left, false,
                left > 0 ? Optional.empty() : limits.roomAgainAt(Limit.ENROLMENT_CODE_TRIES_PER_EMPLOYEE, employee.userId()));
    }

    /**
     * A wrong code, said as what it leaves: the tries the employee has before the wait, or the code's own at Auth0 when
     * fewer; and whether a newer code sent in this step may be why.
     */
    private Refusal wrongCode(SignedInEmployee employee, PendingEnrolment p) {
        int left = limits.left(Limit.ENROLMENT_CODE_TRIES_PER_EMPLOYEE, employee.userId());
        return Refusal.wrongCode(left, limits.left(Limit.ENROLMENT_TRIES_PER_CODE, employee.userId(), sentAt(p)),
                store.isClaimed(replacingKey(employee.userId(), p.lastSentAt())),
                left > 0 ? Optional.empty() : limits.roomAgainAt(Limit.ENROLMENT_CODE_TRIES_PER_EMPLOYEE, employee.userId()));
    }

    /** The code of a pending enrolment, by the instant it was sent (in seconds, as its cookie keeps it). */
    private static String sentAt(PendingEnrolment p) {
        return String.valueOf(p.lastSentAt().getEpochSecond());
    }

    /** Held while the code sent at {@code sentAt} is one that replaced an earlier code of the same step. */
    private static String replacingKey(String userId, Instant sentAt) {
        return StateKeys.of("enrolment:replacing-code", userId, String.valueOf(sentAt.getEpochSecond()));
    }

    /** One of the employee's sends in the window, taken before the call it guards. */
    void takeSend(SignedInEmployee employee) throws Refusal {
        if (!limits.take(Limit.ENROLMENT_SENDS_PER_EMPLOYEE, employee.userId())) {
            throw new Refusal(Reason.TOO_MANY_CODES);
        }
    }

    void startPasswordless(ContactAddress address, dev.selfservice.portal.auth0.CodePurpose purpose) throws Refusal {
        try {
            authentication.startPasswordless(address.channel(), address.value(), purpose);
        } catch (Auth0Exception e) {
            if (e.status() == 400 && (e.error().startsWith("bad.email") || e.error().startsWith("bad.phone"))) {
                throw new Refusal(Reason.ADDRESS_REFUSED_BY_AUTH0);
            }
            throw auth0Refusal(e);
        }
    }

    Auth0User user(SignedInEmployee employee) throws Refusal {
        try {
            return management.user(employee.userId());
        } catch (Auth0Exception e) {
            throw auth0Refusal(e);
        }
    }

    /**
     * Notes when a contact was added, keeping the dates of the contacts linked now only, so that a date left by a
     * removal whose write failed does not stay for ever. The dates are those of the user read before the link (under
     * the employee's lock, which every change of them holds), and the identities those the link answered with; only
     * a link whose answer was lost makes a second read.
     */
    private void noteEnrolledAt(Auth0User before, Optional<List<Auth0Identity>> linked, String contactId, Instant when) {
        String userId = before.userId();
        try {
            Auth0User user = linked.isPresent() ? before : management.user(userId);
            List<Auth0Identity> identities = linked.orElse(user.identities());
            Map<String, Object> dates = new LinkedHashMap<>();
            LinkedContacts.enrolledAt(user).forEach((k, v) -> {
                if (identities.stream().anyMatch(i -> i.fullUserId().equals(k))) {
                    dates.put(k, v.toString());
                }
            });
            dates.put(contactId, when.toString());
            writeEnrolledAt(userId, dates);
        } catch (Auth0Exception e) {
            LOG.warnf("enrolment: could not note the enrolment date of %s (%s)", userId, e.error());
        }
    }

    private void forgetEnrolledAt(String userId, String contactId) {
        try {
            Auth0User user = management.user(userId);
            Map<String, Object> dates = new LinkedHashMap<>();
            LinkedContacts.enrolledAt(user).forEach((k, v) -> dates.put(k, v.toString()));
            if (dates.remove(contactId) != null) {
                writeEnrolledAt(userId, dates);
            }
        } catch (Auth0Exception e) {
            LOG.warnf("enrolment: could not forget the enrolment date of %s (%s)", userId, e.error());
        }
    }

    private void writeEnrolledAt(String userId, Map<String, Object> dates) {
        try {
            management.mergeAppMetadata(userId, Map.of(LinkedContacts.ENROLLED_AT, dates));
        } catch (Auth0Exception e) {
            // the link stands; only the date shown next to it is missing
            LOG.warnf("enrolment: could not note the enrolment date of %s (%s)", userId, e.error());
        }
    }

    static Refusal codeRefusal(Auth0Exception e) {
        if (e.mayHaveActed()) {
            // the code reached Auth0 and no answer came back: it may be used up, and a standalone user made
            LOG.warnf("enrolment: a code exchange got no answer (%s)", e.error());
            return new Refusal(Reason.CODE_NOT_CONFIRMED);
        }
        if (e instanceof Auth0Exception.Refused && "invalid_grant".equals(e.error())) {
            // wrong, expired at Auth0 or tried too often: Auth0 tells these apart only in words (unverified), and the
            // portal checks its own expiry first, so each is "not right; send a new code"
            return new Refusal(Reason.WRONG_CODE);
        }
        return auth0Refusal(e);
    }

    static Refusal auth0Refusal(Auth0Exception e) {
        LOG.warnf("enrolment: Auth0 refused a call: %s %s", e.status(), e.error());
        return Refusal.auth0(e.rateLimited());
    }
}
