package dev.selfservice.localtenant;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.RoutingContext;

/**
 * The Management API's rate limit: a tenant-wide budget of requests per second, announced on every answer with
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (epoch seconds), and a 429
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
        ctx.response().putHeader("X-RateLimit-Limit", String.valueOf(limit))
                .putHeader("X-RateLimit-Remaining", String.valueOf(remaining))
                .putHeader("X-RateLimit-Reset", String.valueOf(second + 1));
        if (allowed) {
            ctx.next();
        } else {
            ctx.response().putHeader("Retry-After", "1");
            ManagementHttp.error(ctx, new ManagementError(429, "Global limit has been reached", "too_many_requests"));
        }
    }

    /** For tests: a new budget, from the next request on. */
    synchronized void setLimit(int perSecond) {
        this.limit = perSecond;
        this.used = 0;
    }
}
