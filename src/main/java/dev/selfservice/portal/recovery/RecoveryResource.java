package dev.selfservice.portal.recovery;

import java.net.URI;
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
import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.audit.AuditAction;
import dev.selfservice.portal.audit.AuditLog;
import dev.selfservice.portal.audit.AuditOutcome;
import dev.selfservice.portal.contact.ContactAddress;
import dev.selfservice.portal.password.PasswordPolicy;
import dev.selfservice.portal.password.PasswordPostLimit;
import dev.selfservice.portal.signin.UsernameHint;
import dev.selfservice.portal.web.ClientAddress;
import dev.selfservice.portal.web.DoneNotices;
import dev.selfservice.portal.web.Html;
import dev.selfservice.portal.web.Messages;
import dev.selfservice.portal.web.Problem;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;
import dev.selfservice.portal.web.Refusals;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code /recovery}: forgot password or locked out, without signing in. Username and enrolled contact, then the code
 * sent there, then, once and for a short time, a new password or the lifting of Auth0's brute-force pause. No
 * request names the account acted on: it is the one the verified code resolved to, carried in a sealed proof.
 */
@Path("/recovery")
@Produces(MediaType.TEXT_HTML)
public class RecoveryResource {

    /** The pages a refused form of recovery comes back to (post/redirect/get). */
    private static final String START = "/recovery";
    private static final String CODE = "/recovery/code";
    /** The code page's word after "Send a new code" ({@code ?sent=again}), said with a {@link DoneNotices} cookie. */
    private static final String RESENT = "again";
    private static final String RESET = "/recovery/reset";

    @CheckedTemplate(basePath = "recovery")
    static class Templates {
        static native TemplateInstance start(String helpdesk, String username, String contact, Problem problem);

        static native TemplateInstance code(String contact, boolean sms, String helpdesk, String notice, Problem problem);

        static native TemplateInstance reset(int minLength, int maxLength, String words, boolean offerUnblock,
                boolean directoryLocked, Problem problem);

        static native TemplateInstance done(String title, String detail, boolean remark);
    }

    private final RecoveryService recovery;
    private final RecoveryCookies cookies;
    private final PasswordPolicy policy;
    private final Refusals refusals;
    private final Messages msg;
    private final PortalConfig config;
    private final HttpServerRequest request;
    private final UsernameHint hint;
    private final AuditLog audit;
    private final PasswordPostLimit limit;
    private final dev.selfservice.portal.web.RefusedForm refused;
    private final DoneNotices doneNotices;

    public RecoveryResource(RecoveryService recovery, RecoveryCookies cookies, PasswordPolicy policy,
            Refusals refusals, @dev.selfservice.portal.web.PageLanguage.Current Messages msg, PortalConfig config, HttpServerRequest request,
            UsernameHint hint, AuditLog audit, PasswordPostLimit limit, dev.selfservice.portal.web.RefusedForm refused,
            DoneNotices doneNotices) {
        this.doneNotices = doneNotices;
        this.refused = refused;
        this.limit = limit;
        this.hint = hint;
        this.audit = audit;
        this.recovery = recovery;
        this.cookies = cookies;
        this.policy = policy;
        this.refusals = refusals;
        this.msg = msg;
        this.config = config;
        this.request = request;
    }

    @GET
    public Response page(@CookieParam(UsernameHint.COOKIE) String typed) {
        // a refused form comes back here (post/redirect/get) with what was typed
        return refused.at(START, null).map(r -> Html.page(r.status(), Templates.start(dev.selfservice.portal.web.Helpdesk.here(config),
                r.value("username"), r.value("contact"), r.problem())))
                .orElseGet(() -> Html.page(200, Templates.start(dev.selfservice.portal.web.Helpdesk.here(config),
                        hint.usernameFrom(typed), "", Problem.NONE)));
    }

    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm String username, @RestForm String contact,
            @CookieParam(RecoveryCookies.PENDING) String earlier) {
        try {
            RecoveryState.Pending pending = recovery.start(username, contact, ClientAddress.of(request),
                    cookies.pending(earlier));
            // no user id: the answer is the same whether the username and contact belong together
            audit.success(AuditAction.RECOVERY_START, null);
            return Response.seeOther(URI.create("/recovery/code")).cookie(cookies.pending(pending)).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.RECOVERY_START, null, e);
            return refused.redirect(START, null, e, java.util.Map.of("username", Html.echo(username), "contact", Html.echo(contact)))
                    .build();
        }
    }

    @GET
    @Path("code")
    public Response codePage(@CookieParam(RecoveryCookies.PENDING) String pending, @QueryParam("sent") String sent,
            @CookieParam(RecoveryCookies.PROOF) String proof, @CookieParam(RecoveryCookies.RESULT) String result,
            @CookieParam(DoneNotices.NAME) String doneCookie) {
        Optional<RecoveryState.Pending> p = cookies.pending(pending);
        if (p.isEmpty()) {
            // Back from a later step: that step, not a blank start that reads as if the code had been lost
            return Response.seeOther(URI.create(cookies.proof(proof).isPresent() ? "/recovery/reset"
                    : cookies.result(result).isPresent() ? "/recovery/done" : "/recovery")).build();
        }
        // after "Send a new code", the page says it did (post/redirect/get: a reload posts nothing), but only after the
        // resend's own redirect: a link saying so could make a person trust a code that someone else had sent
        String notice = doneNotices.said(doneCookie, CODE, sent).isPresent() ? msg.recovery_code_resent() : null;
        Optional<dev.selfservice.portal.web.RefusedForm.Shown> r = refused.at(CODE, null);
        return doneNotices.once(Html.page(r.map(dev.selfservice.portal.web.RefusedForm.Shown::status).orElse(200),
                Templates.code(masked(p.get()), sms(p.get()), dev.selfservice.portal.web.Helpdesk.here(config), notice,
                        r.map(dev.selfservice.portal.web.RefusedForm.Shown::problem).orElse(Problem.NONE))), doneCookie);
    }

    @POST
    @Path("code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response code(@RestForm String code, @CookieParam(RecoveryCookies.PENDING) String pending) {
        Optional<RecoveryState.Pending> p = cookies.pending(pending);
        try {
            RecoveryState.Proof proof = recovery.verify(p, code);
            audit.success(AuditAction.RECOVERY_CODE, proof.userId());
            return Response.seeOther(URI.create("/recovery/reset")).cookie(cookies.proof(proof))
                    .cookie(cookies.clear(RecoveryCookies.PENDING)).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.RECOVERY_CODE, null, e);
            if (e.reason().staysOnTheStep() && p.isPresent()) {
                // a wrong code may be typed again; when Auth0 could not answer, the code is still good; an expired one
                // is said so here, with "Send a new code" at hand for what was typed
                return refused.redirect(CODE, null, e, java.util.Map.of()).build();
            }
            if (e.reason() == Reason.TOO_MANY_WRONG_CODES && p.isPresent()) {
                return waitPage(e, p.get());
            }
            return restart(e);
        }
    }

    @POST
    @Path("resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@CookieParam(RecoveryCookies.PENDING) String pending) {
        Optional<RecoveryState.Pending> p = cookies.pending(pending);
        try {
            RecoveryState.Pending renewed = recovery.resend(p, ClientAddress.of(request));
            // a code sent again is a code sent: the trail counts every one that reaches a contact
            audit.success(AuditAction.RECOVERY_RESEND, null);
            return Response.seeOther(URI.create(CODE + "?sent=" + RESENT))
                    .cookie(cookies.pending(renewed), doneNotices.after(CODE, RESENT)).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.RECOVERY_RESEND, null, e);
            if (p.isPresent() && e.reason().staysOnTheStep()) {
                return refused.redirect(CODE, null, e, java.util.Map.of()).build();
            }
            if (e.reason() == Reason.TOO_MANY_WRONG_CODES && p.isPresent()) {
                return waitPage(e, p.get());
            }
            return restart(e);
        }
    }

    @GET
    @Path("reset")
    public Response resetPage(@CookieParam(RecoveryCookies.PROOF) String proof,
            @CookieParam(UsernameHint.COOKIE) String typed, @CookieParam(RecoveryCookies.RESULT) String result) {
        try {
            Optional<RecoveryState.Proof> p = cookies.proof(proof);
            if (p.isEmpty() && cookies.result(result).isPresent()) {
                // Back from the result page: the proof was spent on that result, which is what this tab should show
                // again, not "this recovery has expired" in red as if it had failed
                return Response.seeOther(URI.create("/recovery/done")).build();
            }
            Optional<dev.selfservice.portal.web.RefusedForm.Shown> r = refused.at(RESET, null);
            if (r.isPresent()) {
                // a refused reset or unblock, as its answer showed it: no view of the proof is counted again
                return Html.page(r.get().status(), Templates.reset(policy.minLength(), policy.maxLength(),
                        r.get().value("words"), "unblock".equals(r.get().value("offer")), false, r.get().problem()));
            }
            boolean blocked = recovery.hasBruteForceBlocks(p);
            // Lifting Auth0's pause is offered only where it can be enough. The portal cannot ask AD whether the
            // account is locked (no call reads that without the password); but when this browser's own sign-in just
            // came back "locked" for this username, only a new password (which unlocks it) can help.
            boolean directoryLocked = p.isPresent() && hint.read(typed)
                    .filter(h -> h.directorySaysLocked(p.get().username())).isPresent();
            // the username is one of the words the strength hint keeps out, as the reset itself does
            return Html.page(200, Templates.reset(policy.minLength(), policy.maxLength(),
                    p.map(RecoveryState.Proof::username).orElse(""), blocked && !directoryLocked,
                    directoryLocked, Problem.NONE));
        } catch (Refusal e) {
            // the proof's views used up is a wait, as Auth0's own limit is: the proof still holds for the reset
            return e.reason().staysOnTheStep()
                    ? Html.page(e.status(), Templates.reset(policy.minLength(), policy.maxLength(), "", false, false,
                            problem(e)))
                    : restart(e);
        }
    }

    @POST
    @Path("reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@RestForm String password, @RestForm String confirm,
            @CookieParam(RecoveryCookies.PROOF) String proof, @CookieParam(UsernameHint.COOKIE) String typed) {
        Optional<RecoveryState.Proof> held = cookies.proof(proof);
        String userId = held.map(RecoveryState.Proof::userId).orElse(null);
        try {
            limit.admit("recovery-reset", request); // before the account is read and the password measured
            RecoveryService.Outcome outcome = recovery.reset(held, password, confirm, ClientAddress.of(request));
            // "unlocked" only where the directory said it was locked: said to anyone else it would be untrue
            boolean wasLocked = held.isPresent()
                    && hint.read(typed).filter(h -> h.directorySaysLocked(held.get().username())).isPresent();
            return outcome(AuditAction.RECOVERY_RESET, held,
                    outcome == RecoveryService.Outcome.DONE && wasLocked ? RecoveryService.Outcome.DONE_UNLOCKED : outcome);
        } catch (Refusal e) {
            audit.refused(AuditAction.RECOVERY_RESET, userId, e);
            // the proof still holds for these: the form again, to fix the password or to try once more
            if (e.reason().staysOnTheStep()) {
                return refused.redirect(RESET, null, e,
                        java.util.Map.of("words", held.map(RecoveryState.Proof::username).orElse(""))).build();
            }
            return restart(e);
        }
    }

    @POST
    @Path("unblock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unblock(@CookieParam(RecoveryCookies.PROOF) String proof) {
        Optional<RecoveryState.Proof> held = cookies.proof(proof);
        String userId = held.map(RecoveryState.Proof::userId).orElse(null);
        try {
            return outcome(AuditAction.RECOVERY_UNBLOCK, held, recovery.unblock(held));
        } catch (Refusal e) {
            audit.refused(AuditAction.RECOVERY_UNBLOCK, userId, e);
            return e.reason().staysOnTheStep()
                    ? refused.redirect(RESET, null, e, java.util.Map.of("offer", "unblock")).build()
                    : restart(e);
        }
    }

    // ---- helpers ----

    /**
     * The proof is spent: its cookie goes, and the browser is sent to the result page, so that a reload shows the
     * result again instead of posting the form twice. No session is opened: the employee signs in with the password,
     * on a sign-in page that starts with the username.
     */
    private Response outcome(AuditAction action, Optional<RecoveryState.Proof> held, RecoveryService.Outcome outcome) {
        String userId = held.map(RecoveryState.Proof::userId).orElse(null);
        // done, or done with a remark (set, but the account still refused, or still paused)
        audit.record(action, AuditOutcome.SUCCESS, outcome == RecoveryService.Outcome.DONE
                || outcome == RecoveryService.Outcome.DONE_UNLOCKED || outcome == RecoveryService.Outcome.UNBLOCKED
                ? null : outcome.name(), userId, java.util.Map.of());
        return Response.seeOther(URI.create("/recovery/done")).cookie(cookies.clear(RecoveryCookies.PROOF))
                .cookie(cookies.result(outcome), hint.rememberForSignIn(held.map(RecoveryState.Proof::username).orElse(null)))
                .build();
    }

    @GET
    @Path("done")
    public Response done(@CookieParam(RecoveryCookies.RESULT) String result) {
        Optional<RecoveryService.Outcome> outcome = cookies.result(result);
        if (outcome.isEmpty()) {
            return Response.seeOther(URI.create("/recovery")).build();
        }
        String title = switch (outcome.get()) {
            case DONE, DONE_UNLOCKED -> msg.recovery_set_title();
            case UNBLOCKED -> msg.recovery_unblocked_title();
            case SET_BUT_ACCOUNT_REFUSED, SET_BUT_PAUSED, SET_NOT_CHECKED -> msg.changed_title();
        };
        String detail = switch (outcome.get()) {
            case DONE -> msg.recovery_done_detail_not_locked();
            case DONE_UNLOCKED -> msg.recovery_done_detail();
            case UNBLOCKED -> msg.recovery_unblocked_detail();
            case SET_BUT_ACCOUNT_REFUSED -> msg.recovery_set_but_refused(dev.selfservice.portal.web.Helpdesk.here(config));
            case SET_BUT_PAUSED -> msg.recovery_set_but_paused(dev.selfservice.portal.web.Helpdesk.here(config));
            case SET_NOT_CHECKED -> msg.recovery_set_not_checked(dev.selfservice.portal.web.Helpdesk.here(config));
        };
        // done with a remark (set, but the account is still refused or paused, or the new password is unchecked) is a
        // warning to heed, not a plain success
        boolean remark = outcome.get() != RecoveryService.Outcome.DONE && outcome.get() != RecoveryService.Outcome.DONE_UNLOCKED
                && outcome.get() != RecoveryService.Outcome.UNBLOCKED;
        return Html.page(200, Templates.done(title, detail, remark));
    }

    /**
     * The code tries are used up: the first page again with what was typed and until when to wait. The pending step is
     * kept, so that starting again here for the same username and contact meets the same wait instead of a new code
     * that could not be used.
     */
    private Response waitPage(Refusal e, RecoveryState.Pending p) {
        return refused.redirect(START, null, e, java.util.Map.of("username", p.username(), "contact", p.address())).build();
    }

    /** Back to the start, with the reason, dropping what state there was. */
    private Response restart(Refusal e) {
        return refused.redirect(START, null, e, java.util.Map.of())
                .cookie(cookies.clear(RecoveryCookies.PENDING), cookies.clear(RecoveryCookies.PROOF)).build();
    }

    private Problem problem(Refusal e) {
        return refusals.problem(e);
    }

    /** A code sent by text message: its help speaks of signal, not of spam folders. */
    private static boolean sms(RecoveryState.Pending p) {
        return p.channel() == PasswordlessChannel.SMS;
    }

    private static String masked(RecoveryState.Pending p) {
        return ContactAddress.mask(p.channel(), p.address());
    }

}
