package dev.selfservice.localtenant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.vertx.ext.web.RoutingContext;

/** The tenant's own pages (its "Universal Login"), rendered from templates under {@code templates/localtenant}. */
@ApplicationScoped
class TenantPages {

    private final Engine engine;
    private final String contentSecurityPolicy;
    private final LoginPageTemplate loginTemplate;

    public TenantPages(Engine engine, ClientRegistry clients, LocalTenantConfig config) {
        this.engine = engine;
        this.loginTemplate = LoginPageTemplate.fromFile(config.loginPage().template(), config.loginPage().portalUrl());
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

    /**
     * The login prompt inside the tenant's page template, in the language {@code ui_locales} asked for: as Universal
     * Login, the template is given {@code locale} and {@code prompt.name}, and decides what stands around the prompt
     * (the company's link to its password portal).
     */
    String login(String transaction, String connection, String username, LoginWords.Error error, String locale) {
        LoginWords words = LoginWords.of(locale);
        String widget = words.apply(engine.getTemplate("localtenant/login").instance())
                .data("transaction", transaction)
                .data("connection", connection)
                .data("username", username == null ? "" : username)
                .data("error", error == null ? null : words.error(error))
                .render();
        return inPageTemplate(words, words.title(), "login", widget);
    }

    private String inPageTemplate(LoginWords words, String title, String prompt, String widget) {
        String head = words.apply(engine.getTemplate("localtenant/prompt-head").instance()).data("title", title).render();
        return loginTemplate.render(java.util.Map.of("locale", words.locale(), "prompt.name", prompt), head, widget);
    }

    /** The passwordless prompts, in the same page template (in English: the portal never sends employees here). */
    String passwordless(String transaction, String connection, String address, boolean codeSent, String error) {
        LoginWords words = LoginWords.of(null);
        String title = codeSent ? "Enter the code" : words.title();
        String widget = words.apply(engine.getTemplate("localtenant/passwordless").instance())
                .data("title", title)
                .data("transaction", transaction)
                .data("connection", connection)
                .data("email", PasswordlessConnection.EMAIL.equals(connection))
                .data("address", address)
                .data("codeSent", codeSent)
                .data("error", error)
                .render();
        return inPageTemplate(words, title, "login-passwordless", widget);
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
