package dev.selfservice.portal.auth0;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.selfservice.portal.PortalConfig;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.ext.web.Router;

/**
 * {@code Server-Timing: app;dur=..., auth0;dur=...;desc="N calls"} on every answer while {@code portal.server-timing}
 * is on: the portal's own time, apart from the wait on Auth0 ({@link Auth0Wait}). The benchmark reads it per step; a
 * browser's network panel shows it. A standard header rather than a log line, so that nothing parses logs.
 */
@ApplicationScoped
class ServerTimingHeader {

    void install(@Observes Router router, PortalConfig config) {
        if (!config.serverTiming()) {
            return;
        }
        // right after the request id: the time counted is the router's, the page's and the template's, up to the
        // headers going out
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            long start = System.nanoTime();
            Auth0Wait wait = new Auth0Wait();
            ContextLocals.put(Auth0Wait.KEY, wait);
            ctx.addHeadersEndHandler(v -> {
                long total = System.nanoTime() - start;
                long auth0 = wait.nanos.get();
                ctx.response().putHeader("Server-Timing", String.format(Locale.ROOT,
                        "app;dur=%.3f, auth0;dur=%.3f;desc=\"%d calls\"", Math.max(0, total - auth0) / 1e6, auth0 / 1e6,
                        wait.calls.get()));
            });
            ctx.next();
        });
    }
}
