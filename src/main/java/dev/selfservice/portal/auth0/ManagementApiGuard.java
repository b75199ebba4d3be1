package dev.selfservice.portal.auth0;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.smallrye.faulttolerance.api.CircuitBreakerName;

/**
 * Every call to Auth0's Management API passes here (each try of a retried read too): one timeout and one circuit
 * breaker for the whole API, apart from the Authentication API's, because the two fail and are rate-limited apart.
 * Only failures count (5xx, no answer, a timeout), not refusals such as 404 or 409. Values: set here only.
 */
@ApplicationScoped
class ManagementApiGuard {

    static final String BREAKER = "auth0-management-api";

    @Timeout(value = 10_000, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, delayUnit = ChronoUnit.MILLIS,
            successThreshold = 2, failOn = { Auth0Exception.Failed.class, Auth0Exception.NoAnswer.class,
                    TimeoutException.class })
    @CircuitBreakerName(BREAKER)
    public <T> T call(Supplier<T> call) {
        return Auth0Failures.typed(call);
    }
}
