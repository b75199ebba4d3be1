package dev.selfservice.portal.auth0;

import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/**
 * How the facades call Auth0: every failure becomes an {@link Auth0Exception}, and calls that are safe to repeat are
 * retried on 429, 5xx and timeouts, as the Auth0 SDKs do (at most twice, with a short exponential backoff). A call
 * that changes something in a way a repeat would not (sending a code, exchanging one, linking, setting a password)
 * is never retried.
 */
final class Auth0Calls {

    static final int MAX_RETRIES = 2;
    private static final long FIRST_BACKOFF_MS = 250;

    private Auth0Calls() {
    }

    static <T> T once(Supplier<T> call) {
        try {
            return call.get();
        } catch (Auth0Exception e) {
            throw e;
        } catch (WebApplicationException e) {
            throw new Auth0Exception(e.getResponse().getStatus(), "http_" + e.getResponse().getStatus(), null);
        } catch (ProcessingException e) {
            // a timeout or a refused connection; its message can hold the URL but never a body
            throw new Auth0Exception(Auth0Exception.UNAVAILABLE, "unavailable", e.getClass().getSimpleName());
        }
    }

    static <T> T retried(Supplier<T> call) {
        for (int attempt = 0;; attempt++) {
            try {
                return once(call);
            } catch (Auth0Exception e) {
                if (attempt >= MAX_RETRIES || !(e.rateLimited() || e.unavailable())) {
                    throw e;
                }
                sleep(FIRST_BACKOFF_MS << attempt);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Auth0Exception(Auth0Exception.UNAVAILABLE, "interrupted", null);
        }
    }
}
