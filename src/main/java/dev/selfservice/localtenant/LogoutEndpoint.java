package dev.selfservice.localtenant;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v2/logout?client_id=...&returnTo=...}: ends the tenant's session, then returns to {@code returnTo} only
 * if it is one of that client's allowed logout URLs; any other {@code returnTo} is an error page, never a redirect.
 */
@ApplicationScoped
class LogoutEndpoint implements TenantEndpoint {

    private final ClientRegistry clients;
    private final TenantState state;
    private final TenantPages pages;

    LogoutEndpoint(ClientRegistry clients, TenantState state, TenantPages pages) {
        this.clients = clients;
        this.state = state;
        this.pages = pages;
    }

    @Override
    public void register(Router router) {
        router.get("/v2/logout").handler(this::logout);
    }

    private void logout(RoutingContext ctx) {
        String returnTo = ctx.request().getParam("returnTo");
        Optional<TenantClient> client = clients.find(ctx.request().getParam("client_id"));
        if (returnTo != null && (client.isEmpty() || !client.get().allowsLogoutUrl(returnTo))) {
            pages.send(ctx, 400, pages.error("Invalid logout URL",
                    "The \"returnTo\" parameter is not one of the application's Allowed Logout URLs."));
            return;
        }
        Cookie cookie = ctx.request().getCookie(AuthorizeEndpoint.SSO_COOKIE);
        if (cookie != null) {
            state.sessions.remove(cookie.getValue());
        }
        ctx.response().addCookie(Cookie.cookie(AuthorizeEndpoint.SSO_COOKIE, "").setPath("/").setMaxAge(0));
        if (returnTo == null) {
            pages.send(ctx, 200, pages.signedOut());
        } else {
            TenantHttp.redirect(ctx, returnTo);
        }
    }
}
