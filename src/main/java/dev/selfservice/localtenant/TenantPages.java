package dev.selfservice.localtenant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;

/** The tenant's own pages (its "Universal Login"), rendered from templates under {@code templates/localtenant}. */
@ApplicationScoped
public class TenantPages {

    private final Engine engine;

    public TenantPages(Engine engine) {
        this.engine = engine;
    }

    String login(String transaction, String connection, String username, String error) {
        return engine.getTemplate("localtenant/login")
                .data("transaction", transaction)
                .data("connection", connection)
                .data("username", username == null ? "" : username)
                .data("error", error)
                .render();
    }

    String error(String title, String detail) {
        return engine.getTemplate("localtenant/error").data("title", title).data("detail", detail).render();
    }

    String outbox(java.util.List<Outbox.Message> messages) {
        return engine.getTemplate("localtenant/outbox").data("messages", messages).render();
    }

    String signedOut() {
        return error("You are signed out", "You can close this window.");
    }
}
