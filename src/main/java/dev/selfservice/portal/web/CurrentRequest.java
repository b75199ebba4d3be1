package dev.selfservice.portal.web;

import java.util.Optional;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/** The HTTP request being served, if any: code that also runs after its request ended (a notice, an audit event) asks. */
public final class CurrentRequest {

    private CurrentRequest() {
    }

    public static Optional<RoutingContext> get() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(container.instance(CurrentVertxRequest.class).get().getCurrent());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
