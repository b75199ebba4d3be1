package dev.selfservice.portal.recovery;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.enrolment.ContactAddress;
import dev.selfservice.portal.password.PasswordPages;
import dev.selfservice.portal.password.PasswordPolicy;
import dev.selfservice.portal.recovery.RecoveryRefused.Reason;
import dev.selfservice.portal.web.ClientAddress;
import dev.selfservice.portal.web.Html;
import dev.selfservice.portal.web.Messages;
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

    @CheckedTemplate(basePath = "recovery")
    static class Templates {
        static native TemplateInstance start(String helpdesk, String username, String contact, String problem);

        static native TemplateInstance code(String contact, String problem);

        static native TemplateInstance reset(int minLength, int maxLength, String words, boolean bruteForceBlocked,
                String problem);

        static native TemplateInstance done(String title, String detail);
    }

    private final RecoveryService recovery;
    private final RecoveryCookies cookies;
    private final PasswordPolicy policy;
    private final PasswordPages passwordPages;
    private final Messages msg;
    private final PortalConfig config;
    private final HttpServerRequest request;

    public RecoveryResource(RecoveryService recovery, RecoveryCookies cookies, PasswordPolicy policy,
            PasswordPages passwordPages, Messages msg, PortalConfig config, HttpServerRequest request) {
        this.recovery = recovery;
        this.cookies = cookies;
        this.policy = policy;
        this.passwordPages = passwordPages;
        this.msg = msg;
        this.config = config;
        this.request = request;
    }

    @GET
    public TemplateInstance page() {
        return Templates.start(config.helpdesk(), "", "", null);
    }

    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm String username, @RestForm String contact) {
        try {
            RecoveryState.Pending pending = recovery.start(username, contact, ClientAddress.of(request));
            return Response.seeOther(URI.create("/recovery/code")).cookie(cookies.pending(pending)).build();
        } catch (RecoveryRefused e) {
            return Html.page(e.reason().status(), Templates.start(config.helpdesk(), Html.echo(username), Html.echo(contact),
                    problem(e)));
        }
    }

    @GET
    @Path("code")
    public Response codePage(@CookieParam(RecoveryCookies.PENDING) String pending) {
        Optional<RecoveryState.Pending> p = cookies.pending(pending);
        if (p.isEmpty()) {
            return Response.seeOther(URI.create("/recovery")).build();
        }
        return Html.page(200, Templates.code(masked(p.get()), null));
    }

    @POST
    @Path("code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response code(@RestForm String code, @CookieParam(RecoveryCookies.PENDING) String pending) {
        Optional<RecoveryState.Pending> p = cookies.pending(pending);
        try {
            RecoveryState.Proof proof = recovery.verify(p, code);
            return Response.seeOther(URI.create("/recovery/reset")).cookie(cookies.proof(proof))
                    .cookie(cookies.clear(RecoveryCookies.PENDING)).build();
        } catch (RecoveryRefused e) {
            if (e.reason() == Reason.WRONG_CODE && p.isPresent()) {
                return Html.page(400, Templates.code(masked(p.get()), problem(e)));
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
            return Response.seeOther(URI.create("/recovery/code")).cookie(cookies.pending(renewed)).build();
        } catch (RecoveryRefused e) {
            if (p.isPresent() && e.reason() == Reason.RESEND_TOO_SOON) {
                return Html.page(e.reason().status(), Templates.code(masked(p.get()), problem(e)));
            }
            return restart(e);
        }
    }

    @GET
    @Path("reset")
    public Response resetPage(@CookieParam(RecoveryCookies.PROOF) String proof) {
        try {
            boolean blocked = recovery.hasBruteForceBlocks(cookies.proof(proof));
            return Html.page(200, Templates.reset(policy.minLength(), policy.maxLength(), "", blocked, null));
        } catch (RecoveryRefused e) {
            return retryable(e) ? Html.page(e.reason().status(), Templates.reset(policy.minLength(), policy.maxLength(), "",
                    false, problem(e))) : restart(e);
        }
    }

    @POST
    @Path("reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@RestForm String password, @RestForm String confirm,
            @CookieParam(RecoveryCookies.PROOF) String proof) {
        try {
            return outcome(recovery.reset(cookies.proof(proof), password, confirm, ClientAddress.of(request)));
        } catch (RecoveryRefused e) {
            if (e.reason() == Reason.POLICY || e.reason() == Reason.DIRECTORY_REFUSED || e.reason() == Reason.UNAVAILABLE
                    || e.reason() == Reason.RATE_LIMITED) {
                return Html.page(e.reason().status(), Templates.reset(policy.minLength(), policy.maxLength(), "", false,
                        problem(e)));
            }
            return restart(e);
        }
    }

    @POST
    @Path("unblock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unblock(@CookieParam(RecoveryCookies.PROOF) String proof) {
        try {
            return outcome(recovery.unblock(cookies.proof(proof)));
        } catch (RecoveryRefused e) {
            return retryable(e) ? Html.page(e.reason().status(), Templates.reset(policy.minLength(), policy.maxLength(), "",
                    true, problem(e))) : restart(e);
        }
    }

    // ---- helpers ----

    private Response outcome(RecoveryService.Outcome outcome) {
        String detail = switch (outcome) {
            case DONE -> msg.recovery_done_detail();
            case UNBLOCKED -> msg.recovery_unblocked_detail();
            case SET_BUT_ACCOUNT_REFUSED -> msg.recovery_set_but_refused(config.helpdesk());
        };
        // the proof is spent: the cookie goes, and no session is opened (the employee signs in with the password)
        String title = outcome == RecoveryService.Outcome.SET_BUT_ACCOUNT_REFUSED ? msg.changed_title()
                : msg.recovery_done_title();
        return Response.ok(Templates.done(title, detail).render(), MediaType.TEXT_HTML_TYPE)
                .cookie(cookies.clear(RecoveryCookies.PROOF)).build();
    }

    /** Auth0 was busy or did not answer: the proof is still good (nothing was done with it), so it is kept. */
    private static boolean retryable(RecoveryRefused e) {
        return e.reason() == Reason.UNAVAILABLE || e.reason() == Reason.RATE_LIMITED;
    }

    /** Back to the start, with the reason, dropping what state there was. */
    private Response restart(RecoveryRefused e) {
        return Response.fromResponse(Html.page(e.reason().status(), Templates.start(config.helpdesk(), "", "", problem(e))))
                .cookie(cookies.clear(RecoveryCookies.PENDING), cookies.clear(RecoveryCookies.PROOF)).build();
    }

    private String problem(RecoveryRefused e) {
        return switch (e.reason()) {
            case INVALID_INPUT -> msg.recovery_invalid_input();
            case TOO_MANY_REQUESTS -> msg.recovery_too_many_requests();
            case NO_PENDING -> msg.refused_no_pending();
            case WRONG_CODE -> msg.refused_wrong_code();
            case CODE_EXPIRED -> msg.refused_code_expired();
            case TOO_MANY_WRONG_CODES -> msg.recovery_too_many_wrong();
            case RESEND_TOO_SOON -> msg.refused_resend_too_soon();
            case BLOCKED, PROTECTED -> msg.recovery_helpdesk(config.helpdesk());
            case PROOF_INVALID -> msg.recovery_proof_invalid();
            case POLICY -> passwordPages.problem(e.policy());
            case DIRECTORY_REFUSED -> msg.password_directory_refused(config.password().directoryRules());
            case RATE_LIMITED -> msg.refused_rate_limited();
            case UNAVAILABLE -> msg.refused_unavailable();
        };
    }

    private static String masked(RecoveryState.Pending p) {
        return ContactAddress.mask(p.channel(), p.address());
    }

}
