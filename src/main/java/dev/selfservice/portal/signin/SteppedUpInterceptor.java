package dev.selfservice.portal.signin;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

/**
 * Enforces {@link SteppedUp} with {@link StepUpGate}: the method runs only when this session stepped up recently
 * enough, else the answer is the "sign in again" page. It runs where the method would, after the security check and the session-bound
 * form check, so a refused request has had no other effect.
 */
@SteppedUp(then = "")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class SteppedUpInterceptor {

    private final StepUpGate gate;
    private final io.vertx.core.http.HttpServerRequest request;

    public SteppedUpInterceptor(StepUpGate gate, io.vertx.core.http.HttpServerRequest request) {
        this.gate = gate;
        this.request = request;
    }

    @AroundInvoke
    Object requireStepUp(InvocationContext ctx) throws Exception {
        if (gate.passed()) {
            return ctx.proceed();
        }
        if (!Response.class.isAssignableFrom(ctx.getMethod().getReturnType())) {
            throw new IllegalStateException("@SteppedUp on " + ctx.getMethod() + ", which does not answer a Response");
        }
        SteppedUp declared = ctx.getInterceptorBinding(SteppedUp.class);
        // a page asked for by GET (removing which contact) is where the employee was going: back there, not to a list
        // on which the same button must be found and pressed again; a form's answer goes to the declared page
        String asked = request.uri();
        return gate.signInAgain(request.method() == io.vertx.core.http.HttpMethod.GET
                && dev.selfservice.portal.web.LocalPath.isLocal(asked) ? asked : declared.then());
    }
}
