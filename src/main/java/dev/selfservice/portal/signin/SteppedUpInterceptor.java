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

    public SteppedUpInterceptor(StepUpGate gate) {
        this.gate = gate;
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
        return gate.signInAgain(declared.then());
    }
}
