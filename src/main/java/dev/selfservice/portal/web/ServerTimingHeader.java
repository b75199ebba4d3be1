package dev.selfservice.portal.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.web.OutsideWait.Service;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.ext.web.Router;

/**
 * {@code Server-Timing: app;dur=..., auth0;dur=...;desc="N calls", breach;dur=...;desc="N calls"} on every answer
 * while {@code portal.server-timing} is on: the portal's own time, apart from its waits on Auth0 and on the breach
 * list ({@link OutsideWait}). The benchmark reads it per step; a browser's network panel shows it. A standard header
 * rather than a log line, so that nothing parses logs.
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
            OutsideWait wait = new OutsideWait();
            ContextLocals.put(OutsideWait.KEY, wait);
            ctx.addHeadersEndHandler(v -> {
                long total = System.nanoTime() - start;
                long outside = 0;
                StringBuilder entries = new StringBuilder();
                for (Service service : Service.values()) {
                    long waited = wait.nanos(service); // read once: a call beside the answer may end meanwhile
                    outside += waited;
                    entries.append(String.format(Locale.ROOT, ", %s;dur=%.3f;desc=\"%d calls\"", service.timingName,
                            waited / 1e6, wait.calls(service)));
                }
                ctx.response().putHeader("Server-Timing", String.format(Locale.ROOT, "app;dur=%.3f",
                        Math.max(0, total - outside) / 1e6) + entries);
            });
            ctx.next();
        });
    }
}
