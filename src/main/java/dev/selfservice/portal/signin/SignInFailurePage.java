package dev.selfservice.portal.signin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.selfservice.portal.web.Messages;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A sign-in that fails inside quarkus-oidc, before any resource runs (the code exchange at {@code /callback} when
 * Auth0 is failing or busy, a state cookie the portal can no longer read), would end as an empty 401. It gets the
 * portal's page instead, saying that nothing was changed, with the way to try again. A Vert.x failure handler,
 * because proactive authentication fails before JAX-RS sees the request (the way Quarkus documents).
 */
@ApplicationScoped
public class SignInFailurePage {

    private static final Logger LOG = Logger.getLogger(SignInFailurePage.class);

    private final Messages msg;

    public SignInFailurePage(Messages msg) {
        this.msg = msg;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (!(ctx.failure() instanceof AuthenticationFailedException
                || ctx.failure() instanceof AuthenticationCompletionException) || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        // the exception's message can quote the token endpoint's answer; only its kind goes to the log
        LOG.warnf("sign-in: could not complete the sign-in at %s (%s)", ctx.request().path(),
                ctx.failure().getCause() == null ? "no cause" : ctx.failure().getCause().getClass().getSimpleName());
        String html = SignInResource.Templates.error(msg.signin_unavailable_title(),
                new dev.selfservice.portal.web.Problem.FieldError(null, msg.signin_unavailable_detail()),
                "SIGN_IN_NOT_COMPLETED", List.of(new SignInResource.Action("/signin", msg.action_sign_in_again()),
                        new SignInResource.Action("/", msg.action_home())),
                List.of(new SignInResource.Action("/recovery", msg.landing_recovery()),
                        new SignInResource.Action("/password/expired", msg.landing_expired())))
                .render();
        ctx.response().setStatusCode(503).putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("Cache-Control", "no-store").putHeader("Retry-After", "60").end(html);
    }
}
