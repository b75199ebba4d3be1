package dev.selfservice.portal.breach;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.selfservice.portal.web.OutsideWait;
import dev.selfservice.portal.web.OutsideWait.Service;
import io.smallrye.faulttolerance.api.CircuitBreakerName;

/**
 * The range API behind a short timeout and a circuit breaker (settings in application.properties): a slow or failing
 * breach service must not hold up a password change for long, nor be asked again and again while it is down.
 */
@ApplicationScoped
class PwnedRange implements BreachList {

    static final String BREAKER = "pwned-passwords-range";

    private final Guard guard;

    PwnedRange(Guard guard) {
        this.guard = guard;
    }

    @Override
    public boolean contains(Sha1 hash) throws BreachListUnavailable {
        String lines;
        try {
            lines = OutsideWait.timed(Service.BREACH_LIST, () -> guard.suffixes(hash.prefix()));
        } catch (RuntimeException e) {
            throw new BreachListUnavailable("the range API did not answer: " + e.getClass().getSimpleName(), e);
        }
        return listed(lines, hash.suffix());
    }

    /** Whether the answer lists the suffix with a count above 0 (padding entries count 0). */
    static boolean listed(String lines, String suffix) {
        int at = 0;
        while (at < lines.length()) {
            int end = lines.indexOf('\n', at);
            if (end < 0) {
                end = lines.length();
            }
            String line = lines.substring(at, end).trim();
            int colon = line.indexOf(':');
            if (colon == 35 && line.regionMatches(true, 0, suffix, 0, 35)) {
                return !line.substring(colon + 1).trim().equals("0");
            }
            at = end + 1;
        }
        return false;
    }

    /** Every call to the range API passes here, so that the timeout and the breaker apply to it. */
    @ApplicationScoped
    static class Guard {

        private final RangeApi api;

        Guard(@RestClient RangeApi api) {
            this.api = api;
        }

        @Timeout(value = 3_000, unit = ChronoUnit.MILLIS)
        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000, delayUnit = ChronoUnit.MILLIS,
                successThreshold = 1)
        @CircuitBreakerName(BREAKER)
        String suffixes(String prefix) {
            return api.range(prefix);
        }
    }
}
