package dev.selfservice.portal.recovery;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.notice.NoticeKind;
import dev.selfservice.portal.notice.Notices;
import dev.selfservice.portal.notice.SecurityEvent;
import dev.selfservice.portal.notice.SecurityNotices;
import dev.selfservice.portal.auth0.Auth0Authentication;
import dev.selfservice.portal.auth0.Auth0Exception;
import dev.selfservice.portal.auth0.Auth0Identity;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.auth0.VerifiedIdentity;
import dev.selfservice.portal.contact.ContactAddress;
import dev.selfservice.portal.contact.PhoneRegion;
import dev.selfservice.portal.password.PasswordPolicy;
import dev.selfservice.portal.password.PasswordWriter;
import dev.selfservice.portal.signin.AdUsername;
import dev.selfservice.portal.state.EmployeeLock;
import dev.selfservice.portal.state.Limit;
import dev.selfservice.portal.state.Limits;
import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.portal.web.ClientAddress;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;

/**
 * Recovery through an enrolled contact: a code sent to the contact (only if it is enrolled for that username, and
 * without the page telling), exchanged for tokens whose subject must be that username's AD user, gives a proof that
 * lets the employee, once and for a short time, set a new password (which unlocks AD through the connector's
 * auto-unlock) or clear Auth0's brute-force blocks.
 * <p>
 * What must hold across requests and replicas lives in the {@link StateStore}: a proof is claimed before the action it
 * allows, so of parallel requests with one proof exactly one acts; counters are taken before the Auth0 call they
 * guard. Wrong codes count per attempt (one browser's start, kept across its resends); the ceilings on codes sent
 * (per username, per contact) count only codes really sent to an enrolled contact, decided after the page answered, so that a stranger who types a username with an address of their own can neither learn anything nor
 * lock the owner out of recovery.
 * <p>
 * A stranger who knows a username and its enrolled contact must not be able to take the employee's recovery away
 * either. Auth0 keeps one code per contact, which a new {@code /passwordless/start} replaces and three wrong tries end,
 * so the portal cannot keep two attempts' codes apart at Auth0. Instead: while a code sent to a contact is still valid
 * (not expired, not used, fewer than Auth0's three wrong tries seen), a start from another attempt sends nothing and
 * the page (the same for everyone) says to use the code already received; the employee reads that mailbox, so the
 * employee's attempt works with whatever code is in it, and a stranger's start neither replaces it nor spends a send.
 * Only the attempt that sent the valid code may replace it (its own resend). Wrong codes end only the attempt that
 * typed them (ten each); a much higher ceiling per username and contact bounds all guesses at its code and tells the security mailbox. A
 * stranger can still end a code at Auth0 with three wrong tries; then it no longer holds the contact, and the
 * employee's next start or resend is sent a new one. What is left: whoever repeats "start, three wrong codes" spends a
 * send each time, so the contact's send limit can still be met for the rest of its window; each round costs a fresh
 * start (bounded per address) and meets the contact's ceiling, which the security mailbox hears of.
 * <p>
 * The only password tried is the one just set, once, while the employee's lock keeps any other change out, so nothing
 * here can add to AD's bad-password count.
 */
@ApplicationScoped
public class RecoveryService {

    private static final Logger LOG = Logger.getLogger(RecoveryService.class);

    private final Notices notices;

    /** What a reset came to. */
    public enum Outcome {
        /** The new password is set and signs in. */
        DONE,
        /**
         * As {@link #DONE}, for an account the directory had said was locked (this browser's sign-in was refused so):
         * the new password unlocked it. Only then does the page say "unlocked"; the portal cannot read AD's lockout.
         */
        DONE_UNLOCKED,
        /** Set, but the account still cannot sign in (disabled, expired, still locked): the helpdesk can help. */
        SET_BUT_ACCOUNT_REFUSED,
        /**
         * Set, but the one sign-in that checks it got no answer (or was not accepted): whether the account can be used
         * now is not known, and the page must not say that it works.
         */
        SET_NOT_CHECKED,
        /** Set, but Auth0's brute-force pause could not be lifted: Auth0 did not answer. */
        SET_BUT_PAUSED,
        /** Auth0's brute-force blocks were cleared; the password is unchanged. */
        UNBLOCKED
    }

    private final Auth0Authentication authentication;
    private final Auth0Management management;
    private final PasswordPolicy policy;
    private final ManagedExecutor executor;
    private final PortalConfig config;
    private final StateStore store;
    private final Limits limits;
    private final EmployeeLock lock;
    private final PasswordWriter writer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SecurityNotices security;
    private final AdUsername usernames;
    private final PhoneRegion phoneRegion;
    private final dev.selfservice.portal.audit.AuditLog audit;

    public RecoveryService(Auth0Authentication authentication, Auth0Management management, PasswordPolicy policy,
            ManagedExecutor executor, PortalConfig config, StateStore store, Limits limits, EmployeeLock lock, PasswordWriter writer,
            Clock clock, Notices notices, SecurityNotices security, AdUsername usernames, PhoneRegion phoneRegion,
            dev.selfservice.portal.audit.AuditLog audit) {
        this.audit = audit;
        this.phoneRegion = phoneRegion;
        this.usernames = usernames;
        this.security = security;
        this.notices = notices;
        this.writer = writer;
        this.authentication = authentication;
        this.management = management;
        this.policy = policy;
        this.executor = executor;
        this.config = config;
        this.store = store;
        this.limits = limits;
        this.lock = lock;
        this.clock = clock;
    }

    /**
     * Asks for a code. The answer is the same whether or not the username exists and the contact is enrolled: the
     * lookup and the sending happen after the answer, so not even its timing tells.
     */
    public RecoveryState.Pending start(String username, String contact, String ip,
            Optional<RecoveryState.Pending> earlier) throws Refusal {
        // every field's error at once, each about its own field (neither depends on any account)
        List<Reason> errors = new ArrayList<>();
        if (!AdUsername.wellFormed(username)) {
            errors.add(Reason.USERNAME_MISSING);
        } else if (usernames.personalEmail(username)) {
            errors.add(Reason.USERNAME_PERSONAL_EMAIL);
        }
        Optional<ContactAddress> parsed = parse(contact, errors);
        if (!errors.isEmpty()) {
            throw Refusal.all(errors).withUsernameForms(usernames.examples());
        }
        // erin, erin@corp.example and CORP\erin are one username, counted and looked up as one; a form of another
        // domain goes on as typed, and is never looked up (see adUser): an unknown username, whatever it names
        String user = usernames.signInName(username).orElse(username.strip());
        ContactAddress address = parsed.orElseThrow();
        // starting again in this browser for the same username and contact goes on with the same attempt and its wrong
        // codes, so that the wait its limit ends with is a wait, not a button away
        String attempt = earlier.filter(e -> e.username().equals(user) && e.channel() == address.channel()
                && e.address().equals(address.value())).map(RecoveryState.Pending::attempt).orElseGet(this::newAttempt);
        // a code that could not be used is not sent: the same page for every username and contact, since the counts
        // are kept alike whether or not they belong together
        refuseWhileTriesAreUsedUp(user, address.channel(), address.value(), attempt);
        throttleStarts(ip);
        // the code's end counts from before it is sent, so that the portal's end comes first and says "expired"
        Instant now = clock.instant();
        sendLater(user, address, attempt, false);
        return new RecoveryState.Pending(user, address.channel(), address.value(), now.plus(config.recovery().codeLifetime()), now,
                attempt);
    }

    /** A new code for the same request; the wrong codes counted so far still count. */
    public RecoveryState.Pending resend(Optional<RecoveryState.Pending> pending, String ip) throws Refusal {
        RecoveryState.Pending p = pending.orElseThrow(() -> new Refusal(Reason.NO_RECOVERY_CODE_WAITING));
        Instant now = clock.instant();
        refuseWhileTriesAreUsedUp(p.username(), p.channel(), p.address(), p.attempt());
        if (now.isBefore(p.sentAt().plus(config.recovery().resendInterval()))) {
            throw new Refusal(Reason.RESEND_TOO_SOON);
        }
        ContactAddress address = new ContactAddress(p.channel(), p.address());
        throttleStarts(ip);
        sendLater(p.username(), address, p.attempt(), true); // its end counts from before it is sent, as a start's
        // the step now has an earlier code that no longer works: a wrong code is answered as possibly that one
        store.claim(replacingKey(p.attempt(), now), config.recovery().codeLifetime().plus(Duration.ofHours(1)));
        return new RecoveryState.Pending(p.username(), p.channel(), p.address(), now.plus(config.recovery().codeLifetime()), now,
                p.attempt());
    }

    /** Exchanges the code; only a code that signs in as that username's AD user gives a proof. */
    public RecoveryState.Proof verify(Optional<RecoveryState.Pending> pending, String code) throws Refusal {
        RecoveryState.Pending p = pending.orElseThrow(() -> new Refusal(Reason.NO_RECOVERY_CODE_WAITING));
        if (!clock.instant().isBefore(p.expiresAt())) {
            throw new Refusal(Reason.CODE_EXPIRED);
        }
        String otp = dev.selfservice.portal.contact.OneTimeCode.digits(code);
        // the try is counted before anything is asked of Auth0, so that a pending cookie posted again and again costs
        // the Management API (whose rate limit the whole tenant shares) no more than the attempt's tries
        takeAttempt(p);
        // and one of the code's own three at Auth0, so that the page can say when the code no longer works
        boolean onTheCode = limits.take(Limit.RECOVERY_TRIES_PER_CODE, p.attempt(), sentAt(p));
        // the username's user is looked up before the code is used: when Auth0 cannot answer that, the code is still
        // good and the try is given back. It is looked up whether or not it exists, and the code exchanged either
        // way, so that the answer's timing does not tell whether the username exists.
        Optional<Auth0User> account;
        try {
            account = lookUp(p.username());
        } catch (Auth0Exception e) {
            if (!e.rateLimited()) {
                // Auth0 could not answer: the code is still good, and the try is not used. Not when it declined for
                // its rate limit, though: a try given back there would let each post add to the overload
                giveBackAttempt(p, onTheCode);
            }
            throw auth0Refusal(e);
        }
        VerifiedIdentity identity;
        try {
            identity = authentication.exchangeOtp(p.channel(), p.address(), otp,
                    dev.selfservice.portal.auth0.CodePurpose.RECOVERY);
        } catch (Auth0Exception.Refused e) {
            if (e.status() == 401 && "unauthorized".equals(e.error())) {
                store.release(validCodeKey(p.channel(), p.address())); // the code was right, so it is used
                throw new Refusal(Reason.HELPDESK_ONLY);
            }
            // every invalid_grant (wrong, expired, too many tries) is a wrong code here: the portal's own expiry was
            // checked above, and Auth0's would only tell that a code was sent to this contact earlier, which is not
            // for a stranger to learn
            countWrongTryOnTheValidCode(p);
            Refusal wrong = wrongCode(p);
            // the helpdesk of the account the username names sees the try (the page answers alike either way)
            account.ifPresent(u -> audit.keepForEmployee(u.userId(), dev.selfservice.portal.audit.AuditAction.RECOVERY_CODE,
                    dev.selfservice.portal.audit.AuditOutcome.REFUSED, wrong.reason().name()));
            throw wrong;
        } catch (Auth0Exception e) {
            if (e.mayHaveActed()) {
                LOG.warnf("recovery: a code exchange got no answer (%s)", e.error());
                store.release(validCodeKey(p.channel(), p.address())); // it may be used up: the next start sends one
                throw new Refusal(Reason.CODE_NOT_CONFIRMED); // the code may be used up: a new one is needed
            }
            giveBackAttempt(p, onTheCode); // Auth0 did not look at the code: the try does not count
            throw auth0Refusal(e);
        }
        store.release(validCodeKey(p.channel(), p.address())); // used: it no longer holds the contact
        Auth0User user = account.filter(u -> u.userId().equals(identity.subject()))
                .orElseThrow(() -> wrongCode(p));
        if (user.isBlocked() || isProtected(user)) {
            if (isProtected(user)) {
                security.report(SecurityEvent.PROTECTED_ACCOUNT_RECOVERY, "account " + user.userId() + " (username "
                        + p.username() + ") proved a code of its enrolled contact " + ContactAddress.mask(p.channel(), p.address()));
            }
            throw new Refusal(Reason.HELPDESK_ONLY);
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        LOG.infof("recovery: %s proved control of an enrolled %s contact", user.userId(), p.channel().connection());
        return new RecoveryState.Proof(user.userId(), user.nickname(), Objects.toString(user.updatedAt(), ""),
                clock.instant().plus(config.recovery().proofLifetime()), HexFormat.of().formatHex(id));
    }

    /**
     * Whether Auth0's brute-force protection blocks the account of an unexpired, unused proof. The account itself is
     * not read again for the page: the proof was made from it moments before (the code's step reads it), and a view
     * decides nothing; the reset and the unblock read it afresh ({@link #holder}) before they act.
     */
    public boolean hasBruteForceBlocks(Optional<RecoveryState.Proof> proof) throws Refusal {
        // each view reads the blocks from the Management API, whose rate limit the whole tenant shares: one proof may
        // show the page a bounded number of times (reloads and a few failed resets)
        RecoveryState.Proof p = unexpired(proof);
        if (!limits.take(Limit.RECOVERY_PROOF_VIEWS, p.id())) {
            throw new Refusal(Reason.TOO_MANY_PROOF_VIEWS);
        }
        try {
            // the user id is the proof's, which the portal sealed from the verified code's token
            return management.hasBruteForceBlocks(p.userId());
        } catch (Auth0Exception e) {
            throw auth0Refusal(e);
        }
    }

    /**
     * Sets the new password, once; the connector's auto-unlock clears the AD lockout in the same change. When Auth0
     * answered that nothing was set, or its answer was lost and the change could not be confirmed, the proof stays
     * usable for a retry (an unconfirmed one is marked, so that the retry can say why the proof no longer holds if
     * the change did land).
     */
    public Outcome reset(Optional<RecoveryState.Proof> proof, String newPassword, String confirmation, String ip)
            throws Refusal {
        // what needs neither the account nor CPU time is judged before the account is read: a stranger's stream of
        // refused passwords on one proof costs Auth0's Management API nothing (its rate limit is low and shared)
        unexpired(proof);
        policy.requireForm(newPassword, confirmation);
        Auth0User user = holder(proof);
        policy.require(newPassword, confirmation, null, List.of(Objects.toString(user.nickname(), ""),
                Objects.toString(user.name(), ""), Objects.toString(user.email(), "")));
        RecoveryState.Proof p = proof.orElseThrow();
        spend(p);
        try {
            return resetHoldingTheProof(user, p, newPassword, ip);
        } catch (dev.selfservice.portal.state.StateUnavailable e) {
            unspend(p); // the employee's lock could not be had: nothing was done with the proof
            throw e;
        }
    }

    private Outcome resetHoldingTheProof(Auth0User user, RecoveryState.Proof p, String newPassword, String ip)
            throws Refusal {
        return lock.holding(user.userId(), () -> {
            try {
                writer.set(user.userId(), user.nickname(), p.updatedAt(), newPassword, ip);
            } catch (Refusal e) {
                if (e.reason() == Reason.PASSWORD_NOT_CONFIRMED) {
                    // kept for a retry, which the password writer holds back until the lost write has settled, and
                    // which is told so if that write did land
                    store.claim(unconfirmedKey(p), Duration.between(clock.instant(), p.expiresAt()).plusMinutes(1));
                }
                unspend(p);
                throw e;
            }
            LOG.infof("recovery: %s reset the password", user.userId());
            notices.tell(NoticeKind.PASSWORD_RESET, user);
            try {
                management.clearBruteForceBlocks(user.userId());
            } catch (Auth0Exception e) {
                LOG.warnf("recovery: could not clear the brute-force blocks of %s (%s)", user.userId(), e.error());
                return Outcome.SET_BUT_PAUSED;
            }
            // one sign-in with exactly the password just set, while the lock keeps every other change of this
            // employee out, tells whether the account can now be used (disabled, expired, locked); it cannot add to
            // AD's bad-password count, because the password is right
            return switch (writer.signsIn(user.nickname(), newPassword, ip)) {
                case SIGNS_IN -> Outcome.DONE;
                case SET_BUT_ACCOUNT_REFUSED -> Outcome.SET_BUT_ACCOUNT_REFUSED;
                case SET -> Outcome.SET_NOT_CHECKED; // no check ran: say so, not "it works"
            };
        });
    }

    /** Clears Auth0's brute-force blocks without changing the password, once. */
    public Outcome unblock(Optional<RecoveryState.Proof> proof) throws Refusal {
        Auth0User user = holder(proof);
        RecoveryState.Proof p = proof.orElseThrow();
        spend(p);
        try {
            management.clearBruteForceBlocks(user.userId());
        } catch (Auth0Exception e) {
            unspend(p); // clearing is idempotent: the proof may be used again
            throw auth0Refusal(e);
        }
        LOG.infof("recovery: %s cleared the brute-force blocks", user.userId());
        notices.tell(NoticeKind.PAUSE_LIFTED, user);
        return Outcome.UNBLOCKED;
    }

    // ---- helpers ----

    /** The user a proof holds for: unexpired, unused, and no reset since it was given. */
    private Auth0User holder(Optional<RecoveryState.Proof> proof) throws Refusal {
        RecoveryState.Proof p = unexpired(proof);
        Auth0User user;
        try {
            user = management.user(p.userId());
        } catch (Auth0Exception e) {
            if (e instanceof Auth0Exception.Refused && e.status() == 404) {
                throw new Refusal(Reason.PROOF_INVALID);
            }
            throw auth0Refusal(e);
        }
        if (!Objects.toString(user.updatedAt(), "").equals(p.updatedAt())) {
            throw new Refusal(store.isClaimed(unconfirmedKey(p)) ? Reason.PROOF_USED_BY_AN_UNCONFIRMED_RESET
                    : Reason.PROOF_INVALID);
        }
        if (user.isBlocked()) {
            throw new Refusal(Reason.HELPDESK_ONLY);
        }
        return user;
    }

    /** A proof that has neither expired nor been used, judged from the portal's own state alone. */
    private RecoveryState.Proof unexpired(Optional<RecoveryState.Proof> proof) throws Refusal {
        RecoveryState.Proof p = proof.orElseThrow(() -> new Refusal(Reason.PROOF_INVALID));
        if (!clock.instant().isBefore(p.expiresAt()) || store.isClaimed(proofKey(p))) {
            throw new Refusal(Reason.PROOF_INVALID);
        }
        return p;
    }

    /** The contact as typed, an email address or a phone number, or the error about it added to {@code errors}. */
    private Optional<ContactAddress> parse(String contact, List<Reason> errors) {
        String c = contact == null ? "" : contact.trim();
        if (c.isEmpty()) {
            errors.add(Reason.RECOVERY_CONTACT_MISSING);
            return Optional.empty();
        }
        try {
            return Optional.of(c.contains("@") ? ContactAddress.email(c) : phoneRegion.read(c));
        } catch (ContactAddress.Invalid e) {
            errors.add(Reason.RECOVERY_CONTACT_INVALID);
            return Optional.empty();
        }
    }

    /**
     * The one limit the page may show: starts and resends per IP, which says nothing about an account. The per-contact
     * and per-username limits count codes really sent, after the answer, for enrolled contacts only
     * ({@link #sendLater}): a stranger's starts that sent nothing (a code was still valid) spend none of them.
     */
    private void throttleStarts(String ip) throws Refusal {
        Limit byIp = Limit.RECOVERY_STARTS_PER_ADDRESS;
        String network = Objects.toString(ClientAddress.network(ip), "");
        if (!limits.take(byIp, network)) {
            security.report(SecurityEvent.RECOVERY_STARTS_FROM_ONE_ADDRESS, "address " + ip + ": "
                    + limits.counted(byIp, network) + " recovery starts in " + limits.window(byIp).toMinutes()
                    + " minutes (limit " + limits.ceiling(byIp) + ")");
            throw new Refusal(Reason.TOO_MANY_RECOVERY_REQUESTS);
        }
    }

    private void sendLater(String username, ContactAddress address, String attempt, boolean resend) {
        PortalConfig.Recovery r = config.recovery();
        executor.runAsync(() -> {
            try {
                Optional<Auth0User> user = adUser(username);
                boolean enrolled = user.map(u -> u.identities().stream().anyMatch(i -> enrolledAs(i, address)))
                        .orElse(false);
                if (!enrolled) {
                    LOG.infof("recovery: no code sent: the contact is not enrolled for that username");
                    return;
                }
                if (isProtected(user.get())) {
                    // a code would be a way in for whoever reads that contact, which is what protecting the account
                    // (administrators, service accounts) is to rule out; the page answered as for any other account
                    LOG.infof("recovery: no code sent: %s is protected from self-service", user.get().userId());
                    return;
                }
                // marked before the code exists, so that the security mailbox hears of the guesses at it
                store.claim(enrolledKey(username, address.channel(), address.value()), Duration.ofHours(1));
                String valid = validCodeKey(address.channel(), address.value());
                if (resend) {
                    store.release(valid, attempt); // the attempt that sent the valid code may replace it, no other
                } else if (!authentication.newestWasSentFor(dev.selfservice.portal.auth0.CodePurpose.RECOVERY,
                        address.channel(), address.value())) {
                    store.release(valid); // another step's newer code (the helpdesk's) has ended it at Auth0
                }
                if (!store.claim(valid, attempt, r.codeLifetime())) {
                    // a new code would end the one already in the employee's mailbox, perhaps the employee's own
                    LOG.infof("recovery: no code sent: a code sent to that contact of %s is still valid",
                            user.get().userId());
                    return;
                }
                if (!limits.take(Limit.RECOVERY_SENDS_PER_CONTACT, address.channel().name(), address.value())) {
                    store.release(valid, attempt);
                    security.report(SecurityEvent.SEND_LIMIT, "contact " + address.masked() + " of account "
                            + user.get().userId() + ": " + limits.ceiling(Limit.RECOVERY_SENDS_PER_CONTACT)
                            + " recovery codes sent in " + limits.window(Limit.RECOVERY_SENDS_PER_CONTACT).toMinutes()
                            + " minutes, the limit");
                    LOG.infof("recovery: no code sent: the contact had the most codes in the window");
                    return;
                }
                if (!limits.take(Limit.RECOVERY_SENDS_PER_USERNAME, username)) {
                    store.release(valid, attempt);
                    security.report(SecurityEvent.SEND_LIMIT, "account " + user.get().userId() + " (username "
                            + username + "): " + limits.ceiling(Limit.RECOVERY_SENDS_PER_USERNAME)
                            + " recovery codes sent in " + limits.window(Limit.RECOVERY_SENDS_PER_USERNAME).toMinutes()
                            + " minutes, the limit");
                    LOG.infof("recovery: no code sent: %s had the most codes in the window", user.get().userId());
                    return;
                }
                // the wrong tries Auth0 takes on this code are counted under the instant it was sent
                store.putInstant(sentKey(address.channel(), address.value()), clock.instant(), r.codeLifetime());
                try {
                    authentication.startPasswordless(address.channel(), address.value(),
                            dev.selfservice.portal.auth0.CodePurpose.RECOVERY);
                } catch (Auth0Exception e) {
                    if (!e.mayHaveActed()) {
                        store.release(valid, attempt); // no code was made: it holds nothing
                    }
                    throw e;
                }
                LOG.infof("recovery: code sent to an enrolled contact of %s", user.get().userId());
                // the trail's line for the start names nobody (its answer is the same for any username); the helpdesk
                // of this employee sees that a code really went to one of their contacts
                audit.keepForEmployee(user.get().userId(), dev.selfservice.portal.audit.AuditAction.RECOVERY_START,
                        dev.selfservice.portal.audit.AuditOutcome.SUCCESS, null);
            } catch (RuntimeException e) {
                LOG.warnf("recovery: could not send a code (%s)", e instanceof Auth0Exception a ? a.error() : e.getClass().getSimpleName());
            }
        });
    }

    private static boolean enrolledAs(Auth0Identity identity, ContactAddress address) {
        if (!identity.provider().equals(address.channel().connection())) {
            return false;
        }
        Object value = identity.profileData().get(address.channel() == PasswordlessChannel.EMAIL ? "email" : "phone_number");
        return value instanceof String s && s.equalsIgnoreCase(address.value());
    }

    /** For the sending after the answer, where a failure can only be logged: no code is sent then. */
    private Optional<Auth0User> adUser(String username) {
        try {
            return lookUp(username);
        } catch (Auth0Exception e) {
            LOG.warnf("recovery: no code sent: Auth0 could not look the username up (%s)", e.error());
            return Optional.empty();
        }
    }

    /** The AD user of a username; none for a form of another domain, which is not asked about. */
    private Optional<Auth0User> lookUp(String username) {
        Optional<String> name = usernames.signInName(username);
        return name.isEmpty() ? Optional.empty() : management.adUser(config.auth0().adConnection(), name.get());
    }

    private boolean isProtected(Auth0User user) {
        PortalConfig.Recovery r = config.recovery();
        boolean byName = r.protectedUsernames().orElse(List.of()).stream()
                .anyMatch(n -> n.trim().equalsIgnoreCase(Objects.toString(user.nickname(), "")));
        boolean byGroup = r.protectedGroups().orElse(List.of()).stream()
                .anyMatch(g -> user.groups().stream().anyMatch(ug -> ug.equalsIgnoreCase(g.trim())));
        return byName || byGroup;
    }

    /**
     * Takes one code attempt before the code goes to Auth0: per attempt (this browser's start), and per username and
     * contact, under a much higher ceiling. A stranger's wrong codes thus end only the stranger's attempt; the ceiling
     * bounds what many attempts together may guess at one contact's code, and tells the security mailbox when met on an
     * enrolled one. Parallel guesses cannot pass together.
     */
    private void takeAttempt(RecoveryState.Pending p) throws Refusal {
        Limit perAttempt = Limit.RECOVERY_CODE_TRIES_PER_ATTEMPT;
        Limit perContact = Limit.RECOVERY_CODE_TRIES_PER_CONTACT;
        if (!limits.take(perAttempt, p.attempt())) {
            // this attempt's own end, the audit trail has it
            throw triesUsedUp(p.username(), p.channel(), p.address(), p.attempt());
        }
        // counted for every contact typed with the username, enrolled or not, and meeting it holds for that contact
        // only: so that neither when it is met nor for which contacts tells anyone which contacts are enrolled (round
        // five: counting enrolled contacts alone, and then refusing every contact, told it in about 56 requests), and a
        // stranger who meets it with an address of their own takes nothing from the employee's contact
        String[] contact = { p.username(), p.channel().name(), p.address() };
        if (!limits.take(perContact, contact)) {
            if (store.isClaimed(enrolledKey(p.username(), p.channel(), p.address()))) {
                // only the security mailbox hears which of them were enrolled: it is not the attacker's to read
                security.report(SecurityEvent.WRONG_CODE_LIMIT, "username " + p.username() + ", contact "
                        + ContactAddress.mask(p.channel(), p.address()) + ": " + limits.counted(perContact, contact)
                        + " code attempts on the contact in the last hour (limit " + limits.ceiling(perContact)
                        + "), " + limits.counted(perAttempt, p.attempt()) + " on this attempt (limit "
                        + limits.ceiling(perAttempt) + ")");
            }
            throw triesUsedUp(p.username(), p.channel(), p.address(), p.attempt());
        }
    }

    private String newAttempt() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private void refuseWhileTriesAreUsedUp(String username, PasswordlessChannel channel, String address,
            String attempt) throws Refusal {
        if (limits.left(Limit.RECOVERY_CODE_TRIES_PER_ATTEMPT, attempt) == 0
                || limits.left(Limit.RECOVERY_CODE_TRIES_PER_CONTACT, username, channel.name(), address) == 0) {
            throw triesUsedUp(username, channel, address, attempt);
        }
    }

    /** The refusal of a try while the tries are used up, saying until when. */
    private Refusal triesUsedUp(String username, PasswordlessChannel channel, String address, String attempt) {
        Optional<Instant> until = java.util.stream.Stream.of(
                limits.roomAgainAt(Limit.RECOVERY_CODE_TRIES_PER_ATTEMPT, attempt),
                limits.roomAgainAt(Limit.RECOVERY_CODE_TRIES_PER_CONTACT, username, channel.name(), address))
                .flatMap(Optional::stream).max(Instant::compareTo);
        return Refusal.until(Reason.TOO_MANY_WRONG_CODES, until);
    }

    /**
     * A wrong code, with the tries this attempt has before it must wait: its own, or the username and contact's if
     * fewer (counted alike for every contact, so the number tells nothing about an account); or the code's own three
     * at Auth0 when fewer still; and whether a newer code sent in this attempt may be why.
     */
    private Refusal wrongCode(RecoveryState.Pending p) {
        int left = Math.min(limits.left(Limit.RECOVERY_CODE_TRIES_PER_ATTEMPT, p.attempt()),
                limits.left(Limit.RECOVERY_CODE_TRIES_PER_CONTACT, p.username(), p.channel().name(), p.address()));
        return Refusal.wrongCode(left, limits.left(Limit.RECOVERY_TRIES_PER_CODE, p.attempt(), sentAt(p)),
                store.isClaimed(replacingKey(p.attempt(), p.sentAt())),
                left > 0 ? Optional.empty() : triesUsedUp(p.username(), p.channel(), p.address(), p.attempt()).until());
    }

    private void giveBackAttempt(RecoveryState.Pending p, boolean onTheCode) {
        limits.giveBack(Limit.RECOVERY_CODE_TRIES_PER_ATTEMPT, p.attempt());
        limits.giveBack(Limit.RECOVERY_CODE_TRIES_PER_CONTACT, p.username(), p.channel().name(), p.address());
        if (onTheCode) {
            limits.giveBack(Limit.RECOVERY_TRIES_PER_CODE, p.attempt(), sentAt(p));
        }
    }

    /** The attempt's code, by the instant it was sent (in seconds, as its cookie keeps it). */
    private static String sentAt(RecoveryState.Pending p) {
        return String.valueOf(p.sentAt().getEpochSecond());
    }

    /** Held while the attempt's code sent at {@code sentAt} is one that replaced an earlier code of the attempt. */
    private static String replacingKey(String attempt, Instant sentAt) {
        return StateKeys.of("recovery:replacing-code", attempt, String.valueOf(sentAt.getEpochSecond()));
    }

    /**
     * A wrong answer from Auth0 for a contact with a valid code: after Auth0's three, the code is ended there, so it no
     * longer holds the contact and the next start or resend is sent a new one.
     */
    private void countWrongTryOnTheValidCode(RecoveryState.Pending p) {
        store.instant(sentKey(p.channel(), p.address())).ifPresent(sent -> {
            if (!limits.take(Limit.AUTH0_WRONG_TRIES_PER_CODE, p.channel().name(), p.address(),
                    String.valueOf(sent.toEpochMilli()))) {
                store.release(validCodeKey(p.channel(), p.address()));
            }
        });
    }

    /** Held, by the attempt that sent it, while a code sent to the contact is valid. */
    private static String validCodeKey(PasswordlessChannel channel, String address) {
        return StateKeys.of("recovery:valid-code", channel.name(), address);
    }

    private static String sentKey(PasswordlessChannel channel, String address) {
        return StateKeys.of("recovery:code-sent", channel.name(), address);
    }

    private static String enrolledKey(String username, PasswordlessChannel channel, String address) {
        return StateKeys.of("recovery:enrolled", username, channel.name(), address);
    }

    private static String proofKey(RecoveryState.Proof p) {
        return StateKeys.of("recovery:proof", p.id());
    }

    /** Marks a proof whose reset was not confirmed: if the change landed after all, a retry is told so. */
    private static String unconfirmedKey(RecoveryState.Proof p) {
        return StateKeys.of("recovery:unconfirmed", p.id());
    }

    /** Claims the proof before the action it allows: of parallel requests with one proof, exactly one goes on. */
    private void spend(RecoveryState.Proof p) throws Refusal {
        Duration left = Duration.between(clock.instant(), p.expiresAt());
        if (left.isNegative() || left.isZero() || !store.claim(proofKey(p), left.plusMinutes(1))) {
            throw new Refusal(Reason.PROOF_INVALID);
        }
    }

    private void unspend(RecoveryState.Proof p) {
        store.release(proofKey(p));
    }

    private static Refusal auth0Refusal(Auth0Exception e) {
        LOG.warnf("recovery: Auth0 refused a call: %s %s", e.status(), e.error());
        return Refusal.auth0(e.rateLimited());
    }
}
