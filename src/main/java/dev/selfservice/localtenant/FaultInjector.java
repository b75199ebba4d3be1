package dev.selfservice.localtenant;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Test control: makes chosen requests slow or failing (5xx, 429), so that the portal's handling of a failing Auth0
 * can be tested against the real HTTP stack. Rules apply to a method (or any) and a path prefix, a number of times.
 */
@ApplicationScoped
class FaultInjector {

    /**
     * A rule: {@code status} 0 only delays. {@code times} below 1 applies until cleared. A {@code path} ending in
     * {@code $} matches exactly, otherwise as a prefix; {@code grantType}, when given, matches only token requests of
     * that grant (the token endpoint serves every grant at one path).
     */
    public record Fault(String method, String path, String grantType, int status, long delayMs, int times) {

        boolean matches(String requestMethod, String requestPath, String requestGrant) {
            boolean pathMatches = path.endsWith("$") ? requestPath.equals(path.substring(0, path.length() - 1))
                    : requestPath.startsWith(path);
            return (method == null || method.equalsIgnoreCase(requestMethod)) && pathMatches
                    && (grantType == null || grantType.equals(requestGrant));
        }
    }

    private static final class Rule {
        final Fault fault;
        int left;

        Rule(Fault fault) {
            this.fault = fault;
            this.left = fault.times();
        }
    }

    private final Vertx vertx;
    private final List<Rule> rules = new ArrayList<>();

    public FaultInjector(Vertx vertx) {
        this.vertx = vertx;
    }

    public synchronized void add(Fault fault) {
        rules.add(new Rule(fault));
    }

    public synchronized void clear() {
        rules.clear();
    }

    void handle(RoutingContext ctx) {
        // decoded, so that a rule can name a user id as Auth0 writes it (ad|corp-ad|...), however a client encodes it
        String path = java.net.URLDecoder.decode(ctx.request().path(), java.nio.charset.StandardCharsets.UTF_8);
        Fault fault = path.startsWith("/test-controls") || path.startsWith("/outbox") ? null
                : take(ctx.request().method().name(), path, grantType(ctx));
        if (fault == null) {
            ctx.next();
            return;
        }
        Runnable then = () -> {
            if (fault.status() <= 0) {
                ctx.next();
            } else {
                if (fault.status() == 429) {
                    long reset = System.currentTimeMillis() / 1000 + 1;
                    ctx.response().putHeader("x-ratelimit-limit", "1").putHeader("x-ratelimit-remaining", "0")
                            .putHeader("x-ratelimit-reset", String.valueOf(reset)).putHeader("retry-after", "1");
                }
                respond(ctx, path, fault);
            }
        };
        if (fault.delayMs() > 0) {
            vertx.setTimer(fault.delayMs(), id -> then.run());
        } else {
            then.run();
        }
    }

    private static void respond(RoutingContext ctx, String path, Fault fault) {
        boolean limited = fault.status() == 429;
        if (path.startsWith("/api/v2/")) {
            ManagementHttp.error(ctx, new ManagementError(fault.status(),
                    limited ? "Global limit has been reached" : "Injected failure",
                    limited ? "too_many_requests" : "injected_failure"));
        } else {
            TenantHttp.json(ctx, fault.status(), Map.of("error", limited ? "too_many_requests" : "server_error",
                    "error_description", "Injected failure"));
        }
    }

    private static String grantType(RoutingContext ctx) {
        String grant = ctx.request().getFormAttribute("grant_type");
        if (grant == null && ctx.body() != null && ctx.body().length() > 0 && ctx.request().path().equals("/oauth/token")) {
            String body = ctx.body().asString();
            for (String pair : body.split("&")) {
                if (pair.startsWith("grant_type=")) {
                    return java.net.URLDecoder.decode(pair.substring("grant_type=".length()), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        return grant;
    }

    private synchronized Fault take(String method, String path, String grant) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule r = it.next();
            if (r.fault.matches(method, path, grant)) {
                if (r.fault.times() > 0 && --r.left <= 0) {
                    it.remove();
                }
                return r.fault;
            }
        }
        return null;
    }
}
