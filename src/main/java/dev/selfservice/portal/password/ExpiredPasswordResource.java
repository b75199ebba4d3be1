package dev.selfservice.portal.password;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import dev.selfservice.portal.audit.AuditAction;
import dev.selfservice.portal.audit.AuditLog;
import dev.selfservice.portal.signin.UsernameHint;
import dev.selfservice.portal.web.ClientAddress;
import dev.selfservice.portal.web.Html;
import dev.selfservice.portal.web.Problem;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusals;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code /password/expired}: an employee whose AD password expired (or must change) sets a new one without signing
 * in, with the username and the current password. Every outcome but success gets the same page, after the same time.
 */
@Path("/password/expired")
@Produces(MediaType.TEXT_HTML)
public class ExpiredPasswordResource {

    private static final String PATH = "/password/expired";

    @CheckedTemplate(basePath = "password")
    static class Templates {
        static native TemplateInstance expired(int minLength, int maxLength, String username, Problem problem);
    }

    private final PasswordService passwords;
    private final PasswordPolicy policy;
    private final Refusals refusals;
    private final HttpServerRequest request;
    private final UsernameHint hint;

    private final AuditLog audit;

    private final ChangeResult result;
    private final PasswordPostLimit limit;
    private final dev.selfservice.portal.web.RefusedForm refused;

    public ExpiredPasswordResource(PasswordService passwords, PasswordPolicy policy, Refusals refusals,
            HttpServerRequest request, UsernameHint hint, AuditLog audit, ChangeResult result, PasswordPostLimit limit,
            dev.selfservice.portal.web.RefusedForm refused) {
        this.refused = refused;
        this.limit = limit;
        this.result = result;
        this.audit = audit;
        this.hint = hint;
        this.passwords = passwords;
        this.policy = policy;
        this.refusals = refusals;
        this.request = request;
    }

    @GET
    public Response form(@jakarta.ws.rs.CookieParam(UsernameHint.COOKIE) String typed) {
        // a refused change comes back here (post/redirect/get) with the username, never a password
        return refused.at(PATH, null).map(r -> Html.page(r.status(),
                Templates.expired(policy.minLength(), policy.maxLength(), r.value("username"), r.problem())))
                .orElseGet(() -> Html.page(200, Templates.expired(policy.minLength(), policy.maxLength(),
                        hint.usernameFrom(typed), Problem.NONE)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestForm String username, @RestForm String current, @RestForm String password,
            @RestForm String confirm) {
        try {
            limit.admit("expired", request);
        } catch (Refusal e) {
            // at once: the refusal depends on the address alone, and a padded answer would hold a thread for nothing
            audit.refused(AuditAction.PASSWORD_EXPIRED_CHANGE, null, e);
            return refused.redirect(PATH, null, e, java.util.Map.of("username", Html.echo(username))).build();
        }
        long deadline = System.nanoTime() + passwords.answerFloor().toNanos();
        try {
            audit.success(AuditAction.PASSWORD_EXPIRED_CHANGE,
                    passwords.changeExpired(username, ClientAddress.of(request), current, password, confirm));
        } catch (Refusal e) {
            // no user id: the page does not tell whether the account exists, and neither does the trail's reason
            audit.refused(AuditAction.PASSWORD_EXPIRED_CHANGE, null, e);
            waitUntil(deadline);
            return refused.redirect(PATH, null, e, java.util.Map.of("username", Html.echo(username))).build();
        }
        waitUntil(deadline);
        // post/redirect/get: a reload shows the result, it does not post the passwords again
        // and the sign-in it offers starts with the username
        return Response.seeOther(java.net.URI.create(ChangedResource.PATH)).cookie(result.changed(),
                hint.rememberForSignIn(username)).build();
    }

    /**
     * Pads the answer to the floor. A pause on this worker thread, not the event loop; the real clock, because it is
     * the time an observer measures. Written here because no library pads a blocking answer.
     */
    private static void waitUntil(long deadline) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
