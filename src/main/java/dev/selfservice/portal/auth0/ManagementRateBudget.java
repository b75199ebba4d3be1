package dev.selfservice.portal.auth0;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Singleton;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * What Auth0 last said of the Management API's rate limit ({@code x-ratelimit-remaining}, {@code x-ratelimit-reset}
 * in epoch seconds, {@code retry-after} on a 429), read from every answer, so that a long run of calls (the coverage
 * report's export) waits for the next window instead of meeting 429s. The limit is the tenant's, shared by every
 * replica: the headers, not a count of this replica's own calls, say what is left.
 */
@Singleton
class ManagementRateBudget implements ClientResponseFilter {

    /** The longest wait on Auth0's word: a reset further away than this is a clock apart, not a real window. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private volatile int remaining = Integer.MAX_VALUE;
    private volatile Instant reset = Instant.EPOCH;

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getHeaders() == null) {
            // no answer came (the connection failed): nothing was said of the limit, and the call's own failure
            // must reach the caller as it is, not as this filter's
            return;
        }
        String left = response.getHeaderString("x-ratelimit-remaining");
        String resetAt = response.getHeaderString("x-ratelimit-reset");
        String retryAfter = response.getHeaderString("retry-after");
        try {
            if (left != null) {
                remaining = Integer.parseInt(left.trim());
            }
            if (resetAt != null) {
                reset = Instant.ofEpochSecond(Long.parseLong(resetAt.trim()));
            }
            if (response.getStatus() == 429) {
                remaining = 0;
                if (retryAfter != null) {
                    reset = Instant.now().plusSeconds(Long.parseLong(retryAfter.trim()));
                }
            }
        } catch (NumberFormatException e) {
            // a header that is not a number says nothing: the last word stands
        }
    }

    /** How long to wait before the next call: until the reset when nothing is left of this window, else not at all. */
    Duration waitBeforeNextCall(Instant now) {
        if (remaining > 0 || !reset.isAfter(now)) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, reset);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** After a 429: until the window Auth0 named, or, without one, a growing pause (1 s, 2 s, 4 s ... 60 s). */
    Duration backOff(int attempt, Instant now) {
        Duration named = waitBeforeNextCall(now);
        if (!named.isZero()) {
            return named;
        }
        long seconds = Math.min(LONGEST_WAIT.toSeconds(), 1L << Math.min(attempt, 6));
        return Duration.ofSeconds(seconds);
    }
}
