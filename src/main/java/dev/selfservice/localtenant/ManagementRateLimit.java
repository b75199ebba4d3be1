package dev.selfservice.localtenant;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.RoutingContext;

/**
 * The Management API's rate limit: a tenant-wide budget of requests per second, announced on every answer with
 * {@code x-ratelimit-limit}, {@code x-ratelimit-remaining} and {@code x-ratelimit-reset} (epoch seconds; lower case, as
 * Auth0 sends them over HTTP/2 and as the SDK looks them up), and a 429
 * in Auth0's envelope once it is spent.
 */
@ApplicationScoped
class ManagementRateLimit {

    private final Clock clock = Clock.systemUTC();
    private volatile int limit;
    private long window;
    private int used;

    ManagementRateLimit(LocalTenantConfig config) {
        this.limit = config.managementRateLimit();
    }

    void handle(RoutingContext ctx) {
        long second;
        int remaining;
        boolean allowed;
        synchronized (this) {
            second = clock.millis() / 1000;
            if (second != window) {
                window = second;
                used = 0;
            }
            allowed = used < limit;
            if (allowed) {
                used++;
            }
            remaining = Math.max(0, limit - used);
        }
        ctx.response().putHeader("x-ratelimit-limit", String.valueOf(limit))
                .putHeader("x-ratelimit-remaining", String.valueOf(remaining))
                .putHeader("x-ratelimit-reset", String.valueOf(second + 1));
        if (allowed) {
            ctx.next();
        } else {
            ctx.response().putHeader("retry-after", "1");
            ManagementHttp.error(ctx, new ManagementError(429, "Global limit has been reached", "too_many_requests"));
        }
    }

    /** For tests: a new budget, from the next request on. */
    synchronized void setLimit(int perSecond) {
        this.limit = perSecond;
        this.used = 0;
    }
}
