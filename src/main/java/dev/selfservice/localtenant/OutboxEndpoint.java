package dev.selfservice.localtenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /outbox}, the page of sent codes for a person, and {@code GET /outbox/messages?to=} for tests. */
@ApplicationScoped
class OutboxEndpoint implements TenantEndpoint {

    private final Outbox outbox;
    private final TenantPages pages;

    OutboxEndpoint(Outbox outbox, TenantPages pages) {
        this.outbox = outbox;
        this.pages = pages;
    }

    @Override
    public void register(Router router) {
        router.get("/outbox").handler(ctx -> pages.send(ctx, 200, pages.outbox(outbox.messages(null))));
        router.get("/outbox/messages").handler(this::messages);
    }

    private void messages(RoutingContext ctx) {
        List<Map<String, Object>> json = outbox.messages(ctx.request().getParam("to")).stream().map(m -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("channel", m.channel());
            j.put("to", m.to());
            j.put("code", m.code());
            j.put("sentAt", m.sentAt().toString());
            return j;
        }).toList();
        TenantHttp.jsonArray(ctx, 200, json);
    }
}
