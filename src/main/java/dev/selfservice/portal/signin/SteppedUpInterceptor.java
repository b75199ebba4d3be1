package dev.selfservice.portal.signin;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.web.Html;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The one check behind {@link SteppedUp}: the method runs only when this session stepped up recently enough, else the
 * answer is the "sign in again" page. It runs where the method would, after the security check and the session-bound
 * form check, so a refused request has had no other effect.
 */
@SteppedUp(then = "")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class SteppedUpInterceptor {

    @CheckedTemplate(basePath = "signin")
    static class Templates {
        static native TemplateInstance again(SignedInEmployee employee, String then);
    }

    private final CurrentEmployee current;
    private final PortalSessions sessions;
    private final PortalConfig config;

    public SteppedUpInterceptor(CurrentEmployee current, PortalSessions sessions, PortalConfig config) {
        this.current = current;
        this.sessions = sessions;
        this.config = config;
    }

    @AroundInvoke
    Object requireStepUp(InvocationContext ctx) throws Exception {
        if (sessions.steppedUpWithin(current.sessionBinding(), config.enrolment().recentSignIn())) {
            return ctx.proceed();
        }
        if (!Response.class.isAssignableFrom(ctx.getMethod().getReturnType())) {
            throw new IllegalStateException("@SteppedUp on " + ctx.getMethod() + ", which does not answer a Response");
        }
        SteppedUp declared = ctx.getInterceptorBinding(SteppedUp.class);
        return Html.page(401, Templates.again(current.get(), declared.then()));
    }
}
