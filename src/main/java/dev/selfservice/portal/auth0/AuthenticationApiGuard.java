package dev.selfservice.portal.auth0;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.smallrye.faulttolerance.api.CircuitBreakerName;

/**
 * Every call to Auth0's Authentication API passes here: one timeout and one circuit breaker for the whole API, so
 * that while Auth0 fails, employees get "try again in a minute" at once instead of a wait per request, and Auth0 is
 * not pressed harder. Only failures count (5xx, no answer, a timeout); Auth0's refusals (a wrong code or password,
 * 429 for one user's brute-force block) say the API is well. Values: set here only. Nothing here is
 * retried: each of these calls acts once (sends a code, uses a code, counts a login attempt).
 */
@ApplicationScoped
class AuthenticationApiGuard {

    static final String BREAKER = "auth0-authentication-api";

    @Timeout(value = 10_000, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, delayUnit = ChronoUnit.MILLIS,
            successThreshold = 2, failOn = { Auth0Exception.Failed.class, Auth0Exception.NoAnswer.class,
                    TimeoutException.class })
    @CircuitBreakerName(BREAKER)
    public <T> T call(Supplier<T> call) {
        return Auth0Failures.typed(call);
    }
}
