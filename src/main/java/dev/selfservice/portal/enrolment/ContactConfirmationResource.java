package dev.selfservice.portal.enrolment;

import java.net.URI;
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

import dev.selfservice.portal.audit.AuditAction;
import dev.selfservice.portal.audit.AuditLog;
import dev.selfservice.portal.audit.AuditOutcome;
import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.contact.Contact;
import dev.selfservice.portal.signin.CurrentEmployee;
import dev.selfservice.portal.signin.SignedInEmployee;
import dev.selfservice.portal.web.Html;
import dev.selfservice.portal.web.Messages;
import dev.selfservice.portal.web.Problem;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.DoneNotices;
import dev.selfservice.portal.web.Refusals;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * {@code /enrolment/confirm}: "is this still yours?" for one of the signed-in employee's contacts (a button on the
 * contacts page, then a code page). No password is asked again: nothing about the account changes but a date, and the
 * code proves the contact reaches the employee.
 */
@Path("/enrolment/confirm")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ContactConfirmationResource {

    @CheckedTemplate(basePath = "enrolment")
    static class Templates {
        static native TemplateInstance confirm(SignedInEmployee employee, String address, boolean sms, boolean ended,
                String notice, Problem problem);
    }

    private static final String CODE = "/enrolment/confirm/code";
    /** The code page's word after "Send a new code" ({@code ?sent=again}), said with a {@link DoneNotices} cookie. */
    private static final String RESENT = "again";

    private final CurrentEmployee current;
    private final ContactConfirmation confirmation;
    private final PendingConfirmationCookie cookie;
    private final Messages msg;
    private final Refusals refusals;
    private final AuditLog audit;
    private final DoneNotices doneNotices;

    public ContactConfirmationResource(CurrentEmployee current, ContactConfirmation confirmation,
            PendingConfirmationCookie cookie, @dev.selfservice.portal.web.PageLanguage.Current Messages msg,
            Refusals refusals, AuditLog audit, DoneNotices doneNotices) {
        this.doneNotices = doneNotices;
        this.current = current;
        this.confirmation = confirmation;
        this.cookie = cookie;
        this.msg = msg;
        this.refusals = refusals;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm String contact) {
        try {
            PendingConfirmation pending = confirmation.start(employee(), current.sessionBinding(), Html.echo(contact));
            audit.record(AuditAction.ENROLMENT_RECONFIRM_START, AuditOutcome.SUCCESS, null, employee().userId(),
                    Map.of("channel", pending.channel().connection(), "contact", pending.contact().masked()));
            return Response.seeOther(URI.create(CODE)).cookie(cookie.write(pending)).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_RECONFIRM_START, employee().userId(), e);
            return ended(e);
        }
    }

    @GET
    @Path("code")
    public Response codePage(@CookieParam(PendingConfirmationCookie.NAME) String pending, @QueryParam("sent") String sent,
            @CookieParam(DoneNotices.NAME) String doneCookie) {
        Optional<PendingConfirmation> p = ours(pending);
        if (p.isEmpty()) {
            return Response.seeOther(URI.create("/enrolment")).build();
        }
        // "a new code was sent" only after the resend's own redirect, not from a link that says so
        boolean resent = doneNotices.said(doneCookie, CODE, sent).isPresent();
        return doneNotices.once(codePage(200, p.get(), resent ? msg.verify_resent() : null, Problem.NONE), doneCookie);
    }

    @POST
    @Path("code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@RestForm String code, @CookieParam(PendingConfirmationCookie.NAME) String pending) {
        Optional<PendingConfirmation> p = cookie.read(pending);
        try {
            Contact confirmed = confirmation.verify(employee(), current.sessionBinding(), p, code);
            audit.record(AuditAction.ENROLMENT_RECONFIRM, AuditOutcome.SUCCESS, null, employee().userId(),
                    Map.of("channel", confirmed.channel().connection(), "contact", confirmed.masked()));
            return Response.seeOther(URI.create("/enrolment?done=confirmed"))
                    .cookie(cookie.clear(), doneNotices.after("/enrolment", "confirmed")).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_RECONFIRM, employee().userId(), e);
            return p.isPresent() && e.reason().staysOnTheStep()
                    ? codePage(e.status(), p.get(), null, refusals.problem(e)) : ended(e);
        }
    }

    @POST
    @Path("resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@CookieParam(PendingConfirmationCookie.NAME) String pending) {
        Optional<PendingConfirmation> p = cookie.read(pending);
        try {
            PendingConfirmation renewed = confirmation.resend(employee(), current.sessionBinding(), p);
            audit.success(AuditAction.ENROLMENT_RECONFIRM_RESEND, employee().userId());
            return Response.seeOther(URI.create(CODE + "?sent=" + RESENT))
                    .cookie(cookie.write(renewed), doneNotices.after(CODE, RESENT)).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_RECONFIRM_RESEND, employee().userId(), e);
            return p.isPresent() && e.reason().staysOnTheStep()
                    ? codePage(e.status(), p.get(), null, refusals.problem(e)) : ended(e);
        }
    }

    private Optional<PendingConfirmation> ours(String pending) {
        return cookie.read(pending).filter(c -> c.userId().equals(employee().userId())
                && c.sessionBinding().equals(current.sessionBinding()));
    }

    private Response codePage(int status, PendingConfirmation p, String notice, Problem problem) {
        return Html.page(status, Templates.confirm(employee(), p.contact().masked(),
                p.channel() == PasswordlessChannel.SMS, false, notice, problem));
    }

    /** The confirmation cannot go on: the page says why, with the way back to the contacts, and its cookie goes. */
    private Response ended(Refusal e) {
        return Response.fromResponse(Html.page(e.status(), Templates.confirm(employee(), null, false, true, null,
                refusals.problem(e)))).cookie(cookie.clear()).build();
    }

    private SignedInEmployee employee() {
        return current.get();
    }
}
