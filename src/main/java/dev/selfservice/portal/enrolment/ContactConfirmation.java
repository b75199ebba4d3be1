package dev.selfservice.portal.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
import dev.selfservice.portal.signin.SignedInEmployee;
import dev.selfservice.portal.state.EmployeeLock;
import dev.selfservice.portal.state.Limit;
import dev.selfservice.portal.state.Limits;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;

/**
 * "Is this still yours?": an employee proves, by a code sent to one of their contacts, that it still reaches them,
 * and the portal notes the date. A contact that is never confirmed stays as it is: removing it silently would take
 * away an employee's only way back because they did not answer a question.
 * <p>
 * A code of a linked contact signs in as the AD account it is linked to, so the proof is that the exchange's subject
 * is the signed-in employee. The sends and code tries are those of adding a contact ({@link EnrolmentService}'s
 * limits), so the two together can send no more codes, nor try more, than adding alone.
 */
@ApplicationScoped
public class ContactConfirmation {

    private static final Logger LOG = Logger.getLogger(ContactConfirmation.class);

    private final EnrolmentService enrolment;
    private final Auth0Authentication authentication;
    private final Auth0Management management;
    private final Limits limits;
    private final EmployeeLock lock;
    private final Leftovers leftovers;
    private final PortalConfig.Enrolment config;
    private final Clock clock;

    public ContactConfirmation(EnrolmentService enrolment, Auth0Authentication authentication,
            Auth0Management management, Limits limits, EmployeeLock lock, Leftovers leftovers, PortalConfig config,
            Clock clock) {
        this.enrolment = enrolment;
        this.authentication = authentication;
        this.management = management;
        this.limits = limits;
        this.lock = lock;
        this.leftovers = leftovers;
        this.config = config.enrolment();
        this.clock = clock;
    }

    /** Sends a code to one of the employee's own contacts and returns the confirmation that waits for it. */
    public PendingConfirmation start(SignedInEmployee employee, String sessionBinding, String contactId)
            throws Refusal {
        Contact contact = enrolment.own(employee, contactId);
        enrolment.refuseWhileTriesAreUsedUp(employee);
        enrolment.takeSend(employee);
        Instant now = clock.instant();
        enrolment.startPasswordless(new dev.selfservice.portal.contact.ContactAddress(contact.channel(),
                contact.address()), dev.selfservice.portal.auth0.CodePurpose.RECONFIRMATION);
        return new PendingConfirmation(employee.userId(), sessionBinding, contact.id(), contact.channel(),
                contact.address(), now.plus(config.codeLifetime()), now);
    }

    /** A new code for the same confirmation, which replaces the first at Auth0. */
    public PendingConfirmation resend(SignedInEmployee employee, String sessionBinding,
            Optional<PendingConfirmation> pending) throws Refusal {
        PendingConfirmation p = ours(employee, sessionBinding, pending);
        Instant now = clock.instant();
        if (now.isBefore(p.lastSentAt().plus(config.resendInterval()))) {
            throw new Refusal(Reason.RESEND_TOO_SOON);
        }
        enrolment.refuseWhileTriesAreUsedUp(employee);
        enrolment.takeSend(employee);
        enrolment.startPasswordless(p.contact(), dev.selfservice.portal.auth0.CodePurpose.RECONFIRMATION);
        return new PendingConfirmation(p.userId(), p.sessionBinding(), p.contactId(), p.channel(), p.address(),
                now.plus(config.codeLifetime()), now);
    }

    /** Checks the code with Auth0 and notes that the contact was confirmed now. */
    public Contact verify(SignedInEmployee employee, String sessionBinding, Optional<PendingConfirmation> pending,
            String code) throws Refusal {
        PendingConfirmation p = ours(employee, sessionBinding, pending);
        if (!clock.instant().isBefore(p.expiresAt())) {
            throw new Refusal(Reason.CODE_EXPIRED);
        }
        String otp = dev.selfservice.portal.contact.OneTimeCode.digits(code);
        // taken before the exchange, so that parallel posts cannot pass together
        if (!limits.take(Limit.ENROLMENT_CODE_TRIES_PER_EMPLOYEE, employee.userId())) {
            throw enrolment.triesUsedUp(employee);
        }
        // an address no longer linked (removed meanwhile) makes a standalone user at the exchange: noted first, so
        // that it is found even if the answer is lost
        leftovers.noteExchange(p.channel(), p.address());
        VerifiedIdentity identity;
        try {
            identity = authentication.exchangeOtp(p.channel(), p.address(), otp,
                    dev.selfservice.portal.auth0.CodePurpose.RECONFIRMATION);
        } catch (Auth0Exception e) {
            if (!(e instanceof Auth0Exception.Refused) && !e.mayHaveActed() && !e.rateLimited()) {
                limits.giveBack(Limit.ENROLMENT_CODE_TRIES_PER_EMPLOYEE, employee.userId()); // Auth0 never looked
            }
            Refusal refusal = EnrolmentService.codeRefusal(e);
            throw refusal.reason() == Reason.WRONG_CODE ? enrolment.wrongCode(employee) : refusal;
        }
        if (!identity.subject().equals(employee.userId())) {
            if (identity.subject().startsWith(p.channel().connection() + "|")) {
                leftovers.remove(identity.subject());
            }
            LOG.infof("enrolment: a contact %s was confirming is no longer linked to it", employee.userId());
            throw new Refusal(Reason.NOT_YOURS);
        }
        return lock.holding(employee.userId(), () -> noteConfirmed(employee, p.contactId()));
    }

    /**
     * Notes the date under the employee's lock, which every change of the contacts' dates holds, keeping only the
     * dates of contacts linked now.
     */
    private Contact noteConfirmed(SignedInEmployee employee, String contactId) throws Refusal {
        Auth0User user = enrolment.user(employee);
        Contact contact = LinkedContacts.of(user).stream().filter(c -> c.id().equals(contactId)).findFirst()
                .orElseThrow(() -> new Refusal(Reason.NOT_YOURS));
        Instant now = clock.instant();
        Map<String, Object> dates = new LinkedHashMap<>();
        LinkedContacts.confirmedAt(user).forEach((k, v) -> {
            if (LinkedContacts.of(user).stream().anyMatch(c -> c.id().equals(k))) {
                dates.put(k, v.toString());
            }
        });
        dates.put(contactId, now.toString());
        try {
            management.mergeAppMetadata(employee.userId(), Map.of(LinkedContacts.CONFIRMED_AT, dates));
        } catch (Auth0Exception e) {
            LOG.warnf("enrolment: could not note the confirmation of a contact of %s (%s)", employee.userId(), e.error());
            throw EnrolmentService.auth0Refusal(e);
        }
        LOG.infof("enrolment: %s confirmed a %s contact (%s)", employee.userId(), contact.channel().connection(),
                contact.masked());
        return new Contact(contact.id(), contact.channel(), contact.address(), contact.addedAt(), now, false);
    }

    private static PendingConfirmation ours(SignedInEmployee employee, String sessionBinding,
            Optional<PendingConfirmation> pending) throws Refusal {
        PendingConfirmation p = pending.orElseThrow(() -> new Refusal(Reason.NO_PENDING));
        if (!p.userId().equals(employee.userId()) || !p.sessionBinding().equals(sessionBinding)) {
            throw new Refusal(Reason.NO_PENDING);
        }
        return p;
    }
}
