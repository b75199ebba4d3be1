package dev.selfservice.portal.password;

import java.net.URI;

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
import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.signin.TenantLogout;
import dev.selfservice.portal.signin.CurrentEmployee;
import dev.selfservice.portal.signin.SignedInEmployee;
import dev.selfservice.portal.web.ClientAddress;
import dev.selfservice.portal.web.ErrorPages;
import dev.selfservice.portal.web.Html;
import dev.selfservice.portal.web.Problem;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusals;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code /password/change}: the signed-in employee changes the AD password with the current one. After a change the
 * portal session ends and so does the tenant's, so that the next sign-in asks for the new password.
 */
@Path("/password/change")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PasswordChangeResource {

    private static final String PATH = "/password/change";

    @CheckedTemplate(basePath = "password")
    static class Templates {
        static native TemplateInstance change(SignedInEmployee employee, int minLength, int maxLength, String words,
                Problem problem);
    }

    private final CurrentEmployee current;
    private final PasswordService passwords;
    private final PasswordPolicy policy;
    private final Refusals refusals;
    private final OidcSession session;
    private final HttpServerRequest request;
    private final PasswordPostLimit limit;
    private final URI signOutAfterChange;

    private final AuditLog audit;

    private final ChangeResult result;
    private final dev.selfservice.portal.signin.UsernameHint hint;
    private final dev.selfservice.portal.web.RefusedForm refused;

    public PasswordChangeResource(CurrentEmployee current, PasswordService passwords, PasswordPolicy policy,
            Refusals refusals, OidcSession session, HttpServerRequest request, PortalConfig config, AuditLog audit, ChangeResult result,
            PasswordPostLimit limit, dev.selfservice.portal.signin.UsernameHint hint,
            dev.selfservice.portal.web.RefusedForm refused) {
        this.refused = refused;
        this.hint = hint;
        this.limit = limit;
        this.result = result;
        this.audit = audit;
        this.current = current;
        this.passwords = passwords;
        this.policy = policy;
        this.refusals = refusals;
        this.session = session;
        this.request = request;
        this.signOutAfterChange = TenantLogout.returningTo(config, ChangedResource.PATH);
    }

    @GET
    public Response form() {
        // a refused change comes back here (post/redirect/get); it keeps nothing typed: all three are passwords
        return refused.at(PATH, current.get().userId()).map(r -> page(r.status(), r.problem()))
                .orElseGet(() -> page(200, Problem.NONE));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestForm String current, @RestForm String password, @RestForm String confirm) {
        SignedInEmployee employee = this.current.get();
        try {
            limit.admit("change", request);
            passwords.change(employee, ClientAddress.of(request), current, password, confirm);
            audit.success(AuditAction.PASSWORD_CHANGE, employee.userId());
        } catch (Refusal e) {
            audit.refused(AuditAction.PASSWORD_CHANGE, employee.userId(), e);
            if (e.reason() == Refusal.Reason.PASSWORD_NOT_CONFIRMED) {
                // the password may have changed: this session has ended with the others; the page says so
                session.logout().await().indefinitely();
                return ErrorPages.page(e.status(), refusals.notConfirmedTitle(), refusals.explain(e));
            }
            return refused.redirect(PATH, employee.userId(), e, java.util.Map.of()).build();
        }
        session.logout().await().indefinitely();
        return Response.seeOther(signOutAfterChange).cookie(result.changed(), hint.rememberForSignIn(employee.username()))
                .build();
    }

    private Response page(int status, Problem problem) {
        SignedInEmployee employee = current.get();
        String words = String.join(" ", employee.username(), employee.name());
        return Html.page(status, Templates.change(employee, policy.minLength(), policy.maxLength(), words, problem));
    }
}
