package dev.selfservice.localtenant;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * What the tenant was asked, counted per endpoint template ({@code GET /api/v2/users/:id}), and the tokens it issued
 * per grant: Auth0's rate limits are per endpoint, so the benchmark and the tests count the portal's calls where
 * Auth0 would ({@code GET /test-controls/calls}). The test controls and the outbox are not Auth0 and not counted.
 */
@ApplicationScoped
class TenantCalls {

    /** Set by the token endpoint on the request, so that a token answered 200 is counted under its grant. */
    static final String GRANT = "tenant.grant-type";

    private final ConcurrentMap<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> tokens = new ConcurrentHashMap<>();

    void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!path.startsWith("/test-controls/") && !path.startsWith("/outbox/")) {
            ctx.addEndHandler(v -> count(ctx));
        }
        ctx.next();
    }

    private void count(RoutingContext ctx) {
        Route route = ctx.currentRoute();
        String template = route != null && route.getPath() != null ? route.getPath() : ctx.normalizedPath();
        requests.computeIfAbsent(ctx.request().method().name() + " " + template, k -> new LongAdder()).increment();
        String grant = ctx.get(GRANT);
        if (grant != null && ctx.response().getStatusCode() == 200) {
            tokens.computeIfAbsent(grant, k -> new LongAdder()).increment();
        }
    }

    Map<String, Object> snapshot() {
        return Map.of("requests", sums(requests), "tokens", sums(tokens));
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> sums = new TreeMap<>();
        counters.forEach((k, v) -> sums.put(k, v.sum()));
        return sums;
    }

    void reset() {
        requests.clear();
        tokens.clear();
    }
}
