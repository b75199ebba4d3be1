package dev.selfservice.localtenant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.vertx.ext.web.RoutingContext;

/** The tenant's own pages (its "Universal Login"), rendered from templates under {@code templates/localtenant}. */
@ApplicationScoped
class TenantPages {

    private final Engine engine;
    private final String contentSecurityPolicy;

    public TenantPages(Engine engine, ClientRegistry clients) {
        this.engine = engine;
        // Chromium applies form-action to the redirects that follow a form post: the login form's answer is a
        // redirect to the application's callback, so the registered callback and logout origins must be listed, as
        // Auth0's Universal Login lets the browser complete them. Nothing else is.
        this.contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' "
                + String.join(" ", clients.redirectOrigins()) + "; frame-ancestors 'none'; base-uri 'none'";
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /** Sends one of the tenant's pages with the headers every one of them carries. */
    void send(RoutingContext ctx, int status, String page) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", contentSecurityPolicy)
                .end(page);
    }

    String login(String transaction, String connection, String username, String error) {
        return engine.getTemplate("localtenant/login")
                .data("transaction", transaction)
                .data("connection", connection)
                .data("username", username == null ? "" : username)
                .data("error", error)
                .render();
    }

    String passwordless(String transaction, String connection, String address, boolean codeSent, String error) {
        return engine.getTemplate("localtenant/passwordless")
                .data("transaction", transaction)
                .data("connection", connection)
                .data("email", PasswordlessConnection.EMAIL.equals(connection))
                .data("address", address)
                .data("codeSent", codeSent)
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
