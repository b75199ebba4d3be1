package dev.selfservice.localtenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /outbox}, the page of sent codes and notices for a person, and {@code GET /outbox/messages?to=&kind=}
 * ({@code code} or {@code notice}) for tests.
 */
@ApplicationScoped
class OutboxEndpoint implements TenantEndpoint {

    private final Outbox outbox;
    private final TenantPages pages;
    private final TenantMailServer mail;

    OutboxEndpoint(Outbox outbox, TenantPages pages, TenantMailServer mail) {
        this.outbox = outbox;
        this.pages = pages;
        this.mail = mail;
    }

    @Override
    public void register(Router router) {
        // blocking: what the SMTP server received is collected first
        router.get("/outbox").blockingHandler(ctx -> {
            mail.collect();
            pages.send(ctx, 200, pages.outbox(outbox.messages(null)));
        }, false);
        router.get("/outbox/messages").blockingHandler(this::messages, false);
    }

    private void messages(RoutingContext ctx) {
        mail.collect();
        String kind = ctx.request().getParam("kind");
        List<Map<String, Object>> json = outbox.messages(ctx.request().getParam("to")).stream()
                .filter(m -> kind == null || m.kind().name().equalsIgnoreCase(kind)).map(m -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("kind", m.kind().name().toLowerCase(java.util.Locale.ROOT));
            j.put("channel", m.channel());
            j.put("to", m.to());
            j.put("code", m.code());
            j.put("sentAt", m.sentAt().toString());
            if (m.kind() == Outbox.Kind.NOTICE) {
                j.put("subject", m.subject());
                j.put("text", m.text());
                j.put("html", m.html());
            }
            return j;
        }).toList();
        TenantHttp.jsonArray(ctx, 200, json);
    }
}
