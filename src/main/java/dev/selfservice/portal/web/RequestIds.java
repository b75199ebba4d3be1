package dev.selfservice.portal.web;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A fresh id for every request, in the {@code X-Request-Id} answer header, on every log line and in each audit event of
 * that request, and as the reference an error page shows, so
 * that an employee's report and a security team's search meet on one line. The portal makes its own: an id sent by
 * the client would let anyone write the ids of the trail.
 */
@ApplicationScoped
public class RequestIds {

    static final String KEY = "portal.request-id";
    private static final SecureRandom RANDOM = new SecureRandom();

    void install(@Observes Router router) {
        // first of all handlers, so that every later one (and every page) sees it
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            byte[] id = new byte[8];
            RANDOM.nextBytes(id);
            String value = HexFormat.of().formatHex(id);
            ctx.put(KEY, value);
            ctx.response().putHeader("X-Request-Id", value);
            // on every log line of this request (Quarkus keeps the MDC with the request's Vert.x context)
            org.jboss.logging.MDC.put("request_id", value);
            ctx.next();
        });
    }

    /** The id of the request, or null for one that did not pass the portal's router. */
    public static String of(RoutingContext ctx) {
        return ctx.get(KEY);
    }
}
