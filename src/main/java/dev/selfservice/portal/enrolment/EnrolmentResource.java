package dev.selfservice.portal.enrolment;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.audit.AuditAction;
import dev.selfservice.portal.audit.AuditLog;
import dev.selfservice.portal.audit.AuditOutcome;
import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.contact.Contact;
import dev.selfservice.portal.contact.ContactAddress;
import dev.selfservice.portal.contact.PhoneRegion;
import dev.selfservice.portal.signin.CurrentEmployee;
import dev.selfservice.portal.signin.SignedInEmployee;
import dev.selfservice.portal.signin.StepUpGate;
import dev.selfservice.portal.signin.SteppedUp;
import dev.selfservice.portal.web.DoneNotices;
import dev.selfservice.portal.web.Html;
import dev.selfservice.portal.web.Messages;
import dev.selfservice.portal.web.Problem;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;
import dev.selfservice.portal.web.Refusals;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * {@code /enrolment}: the signed-in employee's recovery contacts, and adding (address, then code) and removing one.
 * Every change needs the AD password entered again ({@link SteppedUp}). Nothing in a request names the employee: the
 * user id is the session's.
 */
@Path("/enrolment")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class EnrolmentResource {

    /** The pages a refused form of enrolment comes back to (post/redirect/get). */
    private static final String LIST = "/enrolment";
    private static final String VERIFY = "/enrolment/verify";
    /** The code page's word after "Send a new code" ({@code ?sent=again}), said with a {@link DoneNotices} cookie. */
    private static final String RESENT = "again";

    @CheckedTemplate(basePath = "enrolment")
    static class Templates {
        static native TemplateInstance contacts(SignedInEmployee employee, List<Contact> contacts, boolean canAdd,
                int maxContacts, String notice, Problem problem, String email, String phone, boolean asksPassword);

        static native TemplateInstance verify(SignedInEmployee employee, String address, boolean sms, String notice,
                Problem problem);

        static native TemplateInstance remove(SignedInEmployee employee, Contact contact);
    }

    private final CurrentEmployee current;
    private final EnrolmentService enrolment;
    private final PendingEnrolmentCookie cookie;
    private final Messages msg;
    private final Refusals refusals;
    private final PortalConfig config;

    private final AuditLog audit;
    private final StepUpGate gate;
    private final TypedContactCookie typedContact;
    private final PhoneRegion phoneRegion;
    private final dev.selfservice.portal.web.RefusedForm refused;
    private final DoneNotices doneNotices;

    public EnrolmentResource(CurrentEmployee current, EnrolmentService enrolment, PendingEnrolmentCookie cookie,
            @dev.selfservice.portal.web.PageLanguage.Current Messages msg, Refusals refusals, PortalConfig config, AuditLog audit,
            StepUpGate gate, TypedContactCookie typedContact, PhoneRegion phoneRegion,
            dev.selfservice.portal.web.RefusedForm refused, DoneNotices doneNotices) {
        this.doneNotices = doneNotices;
        this.refused = refused;
        this.phoneRegion = phoneRegion;
        this.gate = gate;
        this.typedContact = typedContact;
        this.audit = audit;
        this.refusals = refusals;
        this.current = current;
        this.enrolment = enrolment;
        this.cookie = cookie;
        this.msg = msg;
        this.config = config;
    }

    /**
     * The contacts and the forms to add one; after a step-up that adding asked for, the form is filled with what was
     * typed before it (once: the cookie goes).
     */
    @GET
    public Response list(@QueryParam("done") String doneParam, @CookieParam(TypedContactCookie.NAME) String typedCookie,
            @CookieParam(DoneNotices.NAME) String doneCookie) {
        String done = doneNotices.said(doneCookie, LIST, doneParam).orElse("");
        String notice = "added".equals(done) ? msg.enrolment_added() : "removed".equals(done) ? msg.enrolment_removed()
                : "confirmed".equals(done) ? msg.enrolment_reconfirmed() : null;
        Optional<TypedContactCookie.Typed> typed = typed(typedCookie);
        if (notice == null && typed.isPresent() && gate.passed()) {
            notice = msg.enrolment_typed_kept();
        }
        Optional<dev.selfservice.portal.web.RefusedForm.Shown> r = refused.at(LIST, employee().userId());
        if (r.isPresent()) {
            // a refused form comes back here (post/redirect/get) with what was typed
            return contactsPage(r.get().status(), null, r.get().problem(), r.get().value("email"), r.get().value("phone"));
        }
        Response page = contactsPage(200, notice, Problem.NONE,
                typed.filter(t -> t.channel() == PasswordlessChannel.EMAIL).map(TypedContactCookie.Typed::value).orElse(""),
                typed.filter(t -> t.channel() == PasswordlessChannel.SMS).map(TypedContactCookie.Typed::value).orElse(""));
        page = doneNotices.once(page, doneCookie);
        return typedCookie == null ? page : Response.fromResponse(page).cookie(typedContact.clear()).build();
    }

    // Not @SteppedUp: what was typed is judged first (a malformed address, the work address, one already hers), so that a refusal comes
    // before the password is asked for again; the gate is asked before anything is sent, and what was typed is kept
    // through the step-up.
    @POST
    @Path("email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addEmail(@RestForm String email) {
        return start(PasswordlessChannel.EMAIL, () -> ContactAddress.email(email),
                blank(email) ? Reason.EMAIL_MISSING : Reason.INVALID_EMAIL, "email",
                Html.echo(email), "");
    }

    @POST
    @Path("phone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addPhone(@RestForm String phone) {
        return start(PasswordlessChannel.SMS, () -> phoneRegion.read(phone),
                blank(phone) ? Reason.PHONE_MISSING : Reason.INVALID_PHONE, "phone", "",
                Html.echo(phone));
    }

    @GET
    @Path("verify")
    public Response verifyPage(@CookieParam(PendingEnrolmentCookie.NAME) String pending,
            @QueryParam("sent") String sent, @CookieParam(DoneNotices.NAME) String doneCookie) {
        Optional<PendingEnrolment> p = cookie.read(pending)
                .filter(e -> e.userId().equals(employee().userId()) && e.sessionBinding().equals(current.sessionBinding()));
        if (p.isEmpty()) {
            return Response.seeOther(URI.create("/enrolment")).build();
        }
        // after "Send a new code", the page says it did (post/redirect/get: a reload posts nothing), but only after the
        // resend's own redirect: a link saying so could make a person trust a code that an attacker sent
        boolean resent = doneNotices.said(doneCookie, VERIFY, sent).isPresent();
        Optional<dev.selfservice.portal.web.RefusedForm.Shown> r = refused.at(VERIFY, employee().userId());
        return doneNotices.once(Html.page(r.map(dev.selfservice.portal.web.RefusedForm.Shown::status).orElse(200),
                Templates.verify(employee(), p.get().contact().masked(), p.get().contact().channel() == PasswordlessChannel.SMS,
                        resent ? msg.verify_resent() : null,
                        r.map(dev.selfservice.portal.web.RefusedForm.Shown::problem).orElse(Problem.NONE))), doneCookie);
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SteppedUp(then = "/enrolment")
    public Response verify(@RestForm String code, @CookieParam(PendingEnrolmentCookie.NAME) String pending) {
        Optional<PendingEnrolment> p = cookie.read(pending);
        try {
            Contact added = enrolment.verify(employee(), current.sessionBinding(), p, code);
            audit.record(AuditAction.ENROLMENT_CONFIRM, AuditOutcome.SUCCESS, null, employee().userId(),
                    Map.of("channel", added.channel().connection(), "contact", added.masked()));
            // the pending enrolment is used: it goes, whatever a replay of this form might bring
            return Response.seeOther(URI.create(LIST + "?done=added")).cookie(cookie.clear(), doneNotices.after(LIST, "added"))
                    .build();
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_CONFIRM, employee().userId(), e);
            // the code page again while the enrolment can go on: the code may be typed again, or (after a link
            // that failed and was undone) a new one sent; otherwise the list, which shows what is true now
            if (p.isPresent() && e.reason().staysOnTheStep()) {
                return refused.redirect(VERIFY, employee().userId(), e, Map.of()).build();
            }
            return refusedList(e, null, "", "").cookie(cookie.clear()).build();
        }
    }

    @POST
    @Path("resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SteppedUp(then = "/enrolment")
    public Response resend(@CookieParam(PendingEnrolmentCookie.NAME) String pending) {
        Optional<PendingEnrolment> p = cookie.read(pending);
        try {
            PendingEnrolment renewed = enrolment.resend(employee(), current.sessionBinding(), p);
            audit.success(AuditAction.ENROLMENT_RESEND, employee().userId());
            return Response.seeOther(URI.create(VERIFY + "?sent=" + RESENT))
                    .cookie(cookie.write(renewed), doneNotices.after(VERIFY, RESENT)).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_RESEND, employee().userId(), e);
            if (p.isPresent() && e.reason().staysOnTheStep()) {
                return refused.redirect(VERIFY, employee().userId(), e, Map.of()).build();
            }
            return refusedList(e, null, "", "").cookie(cookie.clear()).build();
        }
    }

    @GET
    @Path("remove")
    @SteppedUp(then = "/enrolment")
    public Response confirmRemove(@QueryParam("contact") String contactId) {
        try {
            return Html.page(200, Templates.remove(employee(), enrolment.own(employee(), Html.echo(contactId))));
        } catch (Refusal e) {
            return contactsPage(e.status(), null, problem(e), "", "");
        }
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SteppedUp(then = "/enrolment")
    public Response remove(@RestForm String contact) {
        try {
            Contact removed = enrolment.remove(employee(), Html.echo(contact));
            audit.record(AuditAction.ENROLMENT_REMOVE, AuditOutcome.SUCCESS, null, employee().userId(),
                    Map.of("channel", removed.channel().connection(), "contact", removed.masked()));
            return Response.seeOther(URI.create(LIST + "?done=removed")).cookie(doneNotices.after(LIST, "removed")).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_REMOVE, employee().userId(), e);
            return refusedList(e, null, "", "").build();
        }
    }

    // ---- helpers ----

    private interface AddressParser {
        ContactAddress parse() throws ContactAddress.Invalid;
    }

    /** Refusals about the address typed, which the page marks on whichever of its two forms posted it. */
    private static final java.util.Set<Reason> ABOUT_THE_ADDRESS = java.util.EnumSet.of(Reason.ALREADY_YOURS,
            Reason.WORK_ADDRESS, Reason.ADDRESS_REFUSED_BY_AUTH0);

    private Response start(PasswordlessChannel channel, AddressParser parser, Reason invalid, String field,
            String email, String phone) {
        ContactAddress address;
        List<Contact> contacts;
        try {
            address = parser.parse();
            contacts = enrolment.refuseBeforeTheStepUp(employee(), address);
        } catch (ContactAddress.Invalid e) {
            return refusedList(new Refusal(invalid), null, email, phone).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_START, employee().userId(), e);
            return refusedList(e, ABOUT_THE_ADDRESS.contains(e.reason()) ? field : null, email, phone).build();
        }
        if (!gate.passed()) {
            return Response.fromResponse(gate.signInAgain("/enrolment"))
                    .cookie(typedContact.write(employee().userId(), channel, channel == PasswordlessChannel.EMAIL ? email : phone))
                    .build();
        }
        try {
            PendingEnrolment pending = enrolment.start(employee(), current.sessionBinding(), address, contacts);
            audit.record(AuditAction.ENROLMENT_START, AuditOutcome.SUCCESS, null, employee().userId(),
                    Map.of("channel", address.channel().connection(), "contact", address.masked()));
            return Response.seeOther(URI.create("/enrolment/verify")).cookie(cookie.write(pending)).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_START, employee().userId(), e);
            return refusedList(e, ABOUT_THE_ADDRESS.contains(e.reason()) ? field : null, email, phone).build();
        }
    }

    /**
     * A refused form of this feature: back to the contacts page (post/redirect/get), with the address typed and, when
     * {@code about} names a field, every error shown on it.
     */
    private Response.ResponseBuilder refusedList(Refusal e, String about, String email, String phone) {
        return refused.redirect(LIST, employee().userId(), e, about, Map.of("email", email, "phone", phone));
    }

    /** Nothing typed: the field asks for the address, rather than calling it malformed. */
    private static boolean blank(String typed) {
        return typed == null || typed.isBlank();
    }

    private Optional<TypedContactCookie.Typed> typed(String value) {
        return typedContact.read(value, employee().userId());
    }

    private SignedInEmployee employee() {
        return current.get();
    }

    private Response contactsPage(int status, String notice, Problem problem, String email, String phone) {
        List<Contact> contacts;
        try {
            contacts = enrolment.contacts(employee());
        } catch (Refusal e) {
            return Html.page(e.status(), Templates.contacts(employee(), List.of(), false,
                    config.enrolment().maxContacts(), null, problem(e), "", "", false));
        }
        return Html.page(status, Templates.contacts(employee(), contacts, contacts.size() < config.enrolment().maxContacts(),
                config.enrolment().maxContacts(), notice, problem, email, phone, !gate.passed()));
    }

    private Problem problem(Refusal refusal) {
        return refusals.problem(refusal);
    }
}
