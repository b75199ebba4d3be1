package dev.selfservice.portal.helpdesk;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
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

import dev.selfservice.portal.audit.AuditAction;
import dev.selfservice.portal.audit.AuditLog;
import dev.selfservice.portal.audit.AuditOutcome;
import dev.selfservice.portal.audit.EmployeeEvents;
import dev.selfservice.portal.audit.EventsSettings;
import dev.selfservice.portal.contact.Contact;
import dev.selfservice.portal.signin.CurrentEmployee;
import dev.selfservice.portal.signin.SignedInEmployee;
import dev.selfservice.portal.signin.StaffRoles;
import dev.selfservice.portal.signin.SteppedUp;
import dev.selfservice.portal.web.DoneNotices;
import dev.selfservice.portal.web.Html;
import dev.selfservice.portal.web.PageLanguage;
import dev.selfservice.portal.web.Problem;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusals;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code /helpdesk}: for members of the helpdesk groups only (checked on every request, {@link StaffRoles}); everyone
 * else gets 403. Find an employee, verify the caller by a code sent to one of their contacts, then act with a reason.
 * Every step that sends or changes anything needs the helpdesk person's password entered again ({@link SteppedUp}).
 * The employee acted on is the case's (its sealed cookie, bound to this helpdesk person and session), never a form's.
 */
@Path("/helpdesk")
@RolesAllowed(StaffRoles.HELPDESK)
@Produces(MediaType.TEXT_HTML)
public class HelpdeskResource {

    /** The page of the open case, where every step comes back to. */
    private static final String EMPLOYEE = "/helpdesk/employee";

    @CheckedTemplate(basePath = "helpdesk")
    static class Templates {
        // the staff member is "employee" to the layout, which shows who is signed in and the sign-out button
        static native TemplateInstance find(SignedInEmployee employee, String typed, Problem problem);

        static native TemplateInstance confirmRemove(SignedInEmployee employee, EmployeeCard card, Contact contact,
                String reason);

        static native TemplateInstance employee(SignedInEmployee employee, EmployeeCard card, boolean codeWaiting,
                String codeSentTo, boolean verified, String verifiedUntil, String otherVerification,
                java.util.List<EventRow> events, int eventDays, String notice, Problem problem);
    }

    /** One of the employee's recent portal events as the page lists it. */
    record EventRow(String when, String what, String outcome, String by) {
    }

    private final CurrentEmployee current;
    private final HelpdeskService helpdesk;
    private final HelpdeskCaseCookie cookie;
    private final Refusals refusals;
    /** This request's language's words of the helpdesk pages. */
    private HelpdeskMessages msg() {
        return PageLanguage.bundleIn(HelpdeskMessages.class, PageLanguage.currentLocale());
    }
    private final AuditLog audit;
    private final Clock clock;
    private final EmployeeEvents events;
    private final EventsSettings eventSettings;
    private final DoneNotices doneNotices;

    public HelpdeskResource(CurrentEmployee current, HelpdeskService helpdesk, HelpdeskCaseCookie cookie,
            Refusals refusals, AuditLog audit, Clock clock, EmployeeEvents events, EventsSettings eventSettings,
            DoneNotices doneNotices) {
        this.doneNotices = doneNotices;
        this.events = events;
        this.eventSettings = eventSettings;
        this.current = current;
        this.helpdesk = helpdesk;
        this.cookie = cookie;
        this.refusals = refusals;
        this.audit = audit;
        this.clock = clock;
    }

    @GET
    public Response findPage() {
        return Html.page(200, Templates.find(staff(), "", Problem.NONE));
    }

    @POST
    @Path("find")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response find(@RestForm String employee) {
        try {
            HelpdeskCase c = helpdesk.find(staff().userId(), current.sessionBinding(), employee);
            record(AuditAction.HELPDESK_FIND, c, Map.of());
            return Response.seeOther(URI.create("/helpdesk/employee")).cookie(cookie.write(c, clock.instant())).build();
        } catch (Refusal e) {
            audit.record(AuditAction.HELPDESK_FIND, AuditOutcome.of(e.reason()), e.reason().name(), null,
                    staff().asActingStaff());
            return Html.page(e.status(), Templates.find(staff(), Html.echo(employee), refusals.problem(e)));
        }
    }

    @GET
    @Path("employee")
    public Response employeePage(@CookieParam(HelpdeskCaseCookie.NAME) String value, @QueryParam("done") String doneParam,
            @CookieParam(DoneNotices.NAME) String doneCookie) {
        Optional<HelpdeskCase> c = ours(value);
        if (c.isEmpty()) {
            return Response.seeOther(URI.create("/helpdesk")).build();
        }
        String notice = switch (doneNotices.said(doneCookie, EMPLOYEE, doneParam).orElse("")) {
            case "sent" -> msg().helpdesk_code_sent();
            case "verified" -> msg().helpdesk_verified();
            case "removed" -> msg().helpdesk_contact_removed();
            case "lifted" -> msg().helpdesk_pause_lifted();
            case "invited" -> msg().helpdesk_invited();
            default -> null;
        };
        return doneNotices.once(page(200, c.get(), notice, Problem.NONE), doneCookie);
    }

    @POST
    @Path("employee/send-code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SteppedUp(then = "/helpdesk/employee")
    public Response sendCode(@CookieParam(HelpdeskCaseCookie.NAME) String value, @RestForm("for") String forEmployee,
            @RestForm String contact) {
        return step(value, forEmployee, AuditAction.HELPDESK_CODE_SENT, "sent", c -> helpdesk.sendCode(c, Html.echo(contact)));
    }

    @POST
    @Path("employee/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SteppedUp(then = "/helpdesk/employee")
    public Response verify(@CookieParam(HelpdeskCaseCookie.NAME) String value, @RestForm("for") String forEmployee,
            @RestForm String code) {
        return step(value, forEmployee, AuditAction.HELPDESK_VERIFY, "verified", c -> helpdesk.verifyCode(c, code));
    }

    @POST
    @Path("employee/remove-contact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SteppedUp(then = "/helpdesk/employee")
    public Response removeContact(@CookieParam(HelpdeskCaseCookie.NAME) String value, @RestForm("for") String forEmployee,
            @RestForm String contact, @RestForm String reason, @RestForm String confirm) {
        if (!"yes".equals(confirm)) {
            // asked first, as an employee removing their own contact is: a caller's only contact may be the one
            return confirmRemoval(value, forEmployee, Html.echo(contact), reason);
        }
        return action(value, forEmployee, AuditAction.HELPDESK_REMOVE_CONTACT, "removed", reason, c -> {
            Contact removed = helpdesk.removeContact(c, Html.echo(contact), reason);
            return Map.of("channel", removed.channel().connection(), "contact", removed.masked());
        });
    }

    @POST
    @Path("employee/lift-pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SteppedUp(then = "/helpdesk/employee")
    public Response liftPause(@CookieParam(HelpdeskCaseCookie.NAME) String value, @RestForm("for") String forEmployee,
            @RestForm String reason) {
        return action(value, forEmployee, AuditAction.HELPDESK_LIFT_PAUSE, "lifted", reason, c -> {
            helpdesk.liftPause(c, reason);
            return Map.of();
        });
    }

    @POST
    @Path("employee/invite")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SteppedUp(then = "/helpdesk/employee")
    public Response invite(@CookieParam(HelpdeskCaseCookie.NAME) String value, @RestForm("for") String forEmployee,
            @RestForm String reason) {
        // no verified caller needed (see HelpdeskService#invite): the invitation only reaches the employee's own mailbox
        return action(value, forEmployee, AuditAction.HELPDESK_INVITE, "invited", reason, c -> {
            helpdesk.invite(c, reason);
            return Map.of();
        });
    }

    /** "Remove this contact of NAME?", with the reason given, before anything is removed. */
    private Response confirmRemoval(String value, String forEmployee, String contactId, String reason) {
        Optional<HelpdeskCase> c = ours(value);
        if (c.isEmpty()) {
            return Response.seeOther(URI.create("/helpdesk")).build();
        }
        try {
            requireSameCase(c.get(), forEmployee);
            Contact contact = helpdesk.checkRemoval(c.get(), contactId, reason);
            return Html.page(200, Templates.confirmRemove(staff(), helpdesk.card(c.get()), contact, oneLine(reason)));
        } catch (Refusal e) {
            return page(e.status(), c.get(), null, refusals.problem(e));
        }
    }

    // ---- helpers ----

    private interface CaseStep {
        HelpdeskCase apply(HelpdeskCase c) throws Refusal;
    }

    private interface CaseAction {
        Map<String, String> apply(HelpdeskCase c) throws Refusal;
    }

    /** A verification step: it changes the case, which the cookie then holds. */
    private Response step(String value, String forEmployee, AuditAction action, String done, CaseStep step) {
        Optional<HelpdeskCase> c = ours(value);
        if (c.isEmpty()) {
            return Response.seeOther(URI.create("/helpdesk")).build();
        }
        try {
            requireSameCase(c.get(), forEmployee);
            HelpdeskCase next = step.apply(c.get());
            record(action, next, Map.of());
            return Response.seeOther(URI.create(EMPLOYEE + "?done=" + done))
                    .cookie(cookie.write(next, clock.instant()), doneNotices.after(EMPLOYEE, done)).build();
        } catch (Refusal e) {
            audit.record(action, AuditOutcome.of(e.reason()), e.reason().name(), c.get().employeeUserId(),
                    staff().asActingStaff());
            return page(e.status(), c.get(), null, refusals.problem(e));
        }
    }

    /** An action for a verified caller: audited with the helpdesk person and the reason given. */
    private Response action(String value, String forEmployee, AuditAction auditAction, String done, String reason,
            CaseAction act) {
        Optional<HelpdeskCase> c = ours(value);
        if (c.isEmpty()) {
            return Response.seeOther(URI.create("/helpdesk")).build();
        }
        try {
            requireSameCase(c.get(), forEmployee);
            Map<String, String> details = new HashMap<>(act.apply(c.get()));
            details.put("stated_reason", oneLine(reason));
            record(auditAction, c.get(), details);
            return Response.seeOther(URI.create(EMPLOYEE + "?done=" + done)).cookie(doneNotices.after(EMPLOYEE, done))
                    .build();
        } catch (Refusal e) {
            audit.record(auditAction, AuditOutcome.of(e.reason()), e.reason().name(), c.get().employeeUserId(),
                    staff().asActingStaff());
            return page(e.status(), c.get(), null, refusals.problem(e));
        }
    }

    /**
     * The form was made for the case's employee. The case alone names whom a step acts on; the form's name only has to
     * agree, so that a tab left open on one employee while another was found acts on nobody.
     */
    private static void requireSameCase(HelpdeskCase c, String forEmployee) throws Refusal {
        if (!c.employeeUsername().equals(forEmployee)) {
            throw new Refusal(Refusal.Reason.HELPDESK_OTHER_CASE);
        }
    }

    private void record(AuditAction action, HelpdeskCase c, Map<String, String> details) {
        Map<String, String> all = new HashMap<>(details);
        all.put("staff", c.staffUserId());
        all.putAll(staff().asActingStaff());
        audit.record(action, AuditOutcome.SUCCESS, null, c.employeeUserId(), all);
    }

    /** A reason as one short line for the audit log: no line breaks to forge entries with, and a bounded length. */
    private static String oneLine(String reason) {
        String r = reason == null ? "" : reason.replaceAll("\\p{Cntrl}", " ").strip();
        return r.length() > 200 ? r.substring(0, 200) : r;
    }

    private Response page(int status, HelpdeskCase c, String notice, Problem problem) {
        EmployeeCard card;
        try {
            card = helpdesk.card(c);
        } catch (Refusal e) {
            return Html.page(e.status(), Templates.find(staff(), "", refusals.problem(e)));
        }
        boolean verified = helpdesk.verified(c);
        String until = verified ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(PageLanguage.currentLocale()).withZone(ZoneOffset.UTC).format(c.verifiedUntil()) + " UTC"
                : null;
        String sentTo = c.codeWaiting() ? card.contacts().stream().filter(k -> k.id().equals(c.codeContactId()))
                .map(Contact::masked).findFirst().orElse("") : null;
        return Html.page(status, Templates.employee(staff(), card, c.codeWaiting(), sentTo, verified, until,
                helpdesk.otherVerification().orElse(msg().helpdesk_other_verification_default()), eventRows(c),
                (int) eventSettings.keptFor().toDays(), notice, problem));
    }

    /** The employee's recent portal events, newest first, in the page's language; none when the store cannot answer. */
    private java.util.List<EventRow> eventRows(HelpdeskCase c) {
        HelpdeskMessages m = msg();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(PageLanguage.currentLocale()).withZone(ZoneOffset.UTC);
        try {
            return events.of(c.employeeUserId()).stream().map(e -> new EventRow(when.format(e.at()), what(m, e.action()),
                    outcome(m, e.outcome()), e.staffUserId().map(m::helpdesk_event_by).orElse(null))).toList();
        } catch (dev.selfservice.portal.state.StateUnavailable e) {
            return java.util.List.of();
        }
    }

    private static String what(HelpdeskMessages m, AuditAction action) {
        return switch (action) {
            case SIGNIN -> m.helpdesk_event_signin();
            case ENROLMENT_START, ENROLMENT_RESEND -> m.helpdesk_event_enrolment_code();
            case ENROLMENT_CONFIRM -> m.helpdesk_event_enrolment_added();
            case ENROLMENT_REMOVE -> m.helpdesk_event_enrolment_removed();
            case ENROLMENT_RECONFIRM_START, ENROLMENT_RECONFIRM_RESEND -> m.helpdesk_event_reconfirm_code();
            case ENROLMENT_RECONFIRM -> m.helpdesk_event_reconfirmed();
            case PASSWORD_CHANGE -> m.helpdesk_event_password_changed();
            case PASSWORD_EXPIRED_CHANGE -> m.helpdesk_event_expired_changed();
            case PASSWORD_SCREEN -> m.helpdesk_event_password_screen();
            case RECOVERY_START, RECOVERY_RESEND -> m.helpdesk_event_recovery_code_sent();
            case RECOVERY_CODE -> m.helpdesk_event_recovery_code();
            case RECOVERY_RESET -> m.helpdesk_event_recovery_reset();
            case RECOVERY_UNBLOCK -> m.helpdesk_event_recovery_unblock();
            case NOTICE -> m.helpdesk_event_notice();
            case NUDGE_SHOWN -> m.helpdesk_event_nudge_shown();
            case NUDGE_SNOOZED -> m.helpdesk_event_nudge_snoozed();
            case NUDGE_ENROLLED -> m.helpdesk_event_nudge_enrolled();
            case NUDGE_CONFIRMED -> m.helpdesk_event_nudge_confirmed();
            case HELPDESK_FIND -> m.helpdesk_event_helpdesk_find();
            case HELPDESK_CODE_SENT -> m.helpdesk_event_helpdesk_code_sent();
            case HELPDESK_VERIFY -> m.helpdesk_event_helpdesk_verify();
            case HELPDESK_REMOVE_CONTACT -> m.helpdesk_event_helpdesk_remove_contact();
            case HELPDESK_LIFT_PAUSE -> m.helpdesk_event_helpdesk_lift_pause();
            case HELPDESK_INVITE -> m.helpdesk_event_helpdesk_invite();
            // staff steps naming no employee: never among an employee's events, named all the same
            case REPORT_READING, REPORT_INVITATIONS -> m.helpdesk_event_report();
        };
    }

    private static String outcome(HelpdeskMessages m, AuditOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> m.helpdesk_outcome_success();
            case REFUSED -> m.helpdesk_outcome_refused();
            case THROTTLED -> m.helpdesk_outcome_throttled();
            case HELPDESK_ONLY -> m.helpdesk_outcome_helpdesk_only();
            case FAILED -> m.helpdesk_outcome_failed();
        };
    }

    /**
     * The case of this helpdesk person (another person's is none), in this sign-in session: it outlives their "sign
     * in again", but a verification made in an earlier session does not hold.
     */
    private Optional<HelpdeskCase> ours(String value) {
        return cookie.read(value).filter(c -> c.staffUserId().equals(staff().userId()))
                .map(c -> c.in(current.sessionBinding()));
    }

    private SignedInEmployee staff() {
        return current.get();
    }
}
