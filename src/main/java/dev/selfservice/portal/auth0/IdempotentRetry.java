package dev.selfservice.portal.auth0;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Retries a call that gives the same result however often it runs (a read, deleting a user, clearing blocks, merging
 * the same metadata), as Auth0's SDKs do: on 429, 5xx and no answer, with a growing pause, never once the circuit
 * breaker is open. Each try goes through the API's guard, so each is timed and counted there: twice, after 250 then
 * 500 ms (±100), 15 s at most in all. The values are set here only (application.properties may override them).
 */
@ApplicationScoped
class IdempotentRetry {

    @Retry(maxRetries = 2, delay = 250, delayUnit = ChronoUnit.MILLIS, jitter = 100, maxDuration = 15_000,
            durationUnit = ChronoUnit.MILLIS, retryOn = { Auth0Exception.Failed.class, Auth0Exception.NoAnswer.class,
                    Auth0Exception.RateLimited.class, TimeoutException.class },
            abortOn = CircuitBreakerOpenException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 2_000, maxDelayUnit = ChronoUnit.MILLIS)
    public <T> T call(Supplier<T> call) {
        return call.get();
    }
}
