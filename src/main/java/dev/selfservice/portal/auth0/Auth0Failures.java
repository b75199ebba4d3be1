package dev.selfservice.portal.auth0;

import java.net.ConnectException;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import dev.selfservice.portal.web.OutsideWait;
import dev.selfservice.portal.web.OutsideWait.Service;
import io.quarkus.oidc.client.OidcClientException;

/**
 * Every way an Auth0 call can fail, as one {@link Auth0Exception} type per kind: inside the guards, so that the
 * circuit breaker and the retries decide on types; and around them, for the strategies' own exceptions.
 */
final class Auth0Failures {

    private Auth0Failures() {
    }

    /** The call, with an HTTP failure turned into its typed exception. */
    static <T> T typed(Supplier<T> call) {
        try {
            return call.get();
        } catch (Auth0Exception e) {
            throw e;
        } catch (RuntimeException e) {
            throw typed(e);
        }
    }

    private static Auth0Exception typed(RuntimeException e) {
        if (causedBy(e, OidcClientException.class)) {
            // the Management API token could not be had (ManagementTokenFilter): the call itself was never sent. The
            // oidc-client's message can name the token endpoint, never the secret; only the kind is kept
            return new Auth0Exception.NoAnswer("no_management_token", false);
        }
        if (e instanceof WebApplicationException w) {
            return Auth0Exception.of(w.getResponse().getStatus(), "http_" + w.getResponse().getStatus());
        }
        if (e instanceof ProcessingException) {
            // a refused connection never reached Auth0; a read that failed may have been carried out. The message can
            // hold the URL but never a body, and is not kept.
            boolean neverSent = e.getCause() instanceof ConnectException;
            return new Auth0Exception.NoAnswer(neverSent ? "no_connection" : "no_answer", !neverSent);
        }
        throw e;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The call through its guards, with the timeout's and the circuit breaker's exceptions typed too. */
    static <T> T guarded(Supplier<T> call) {
        try {
            return OutsideWait.timed(Service.AUTH0, call);
        } catch (TimeoutException e) {
            throw new Auth0Exception.NoAnswer("timeout", true);
        } catch (CircuitBreakerOpenException e) {
            // the breaker is open: Auth0 failed often just now, and this call was not even tried
            throw new Auth0Exception.NoAnswer("circuit_open", false);
        }
    }
}
