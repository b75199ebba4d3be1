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
    private final SigningKeys keys;
    private final TenantIssuer issuer;

    LogoutEndpoint(ClientRegistry clients, TenantState state, TenantPages pages, SigningKeys keys, TenantIssuer issuer) {
        this.keys = keys;
        this.issuer = issuer;
        this.clients = clients;
        this.state = state;
        this.pages = pages;
    }

    @Override
    public void register(Router router) {
        router.get("/v2/logout").handler(this::logout);
        router.get("/oidc/logout").handler(this::rpLogout);
        router.post("/oidc/logout").handler(this::rpLogout);
    }

    /**
     * {@code /oidc/logout}, OpenID Connect RP-initiated logout: the application is named by {@code client_id} or by
     * the audience of a genuine {@code id_token_hint} of this tenant (which may have expired); it ends the session and
     * returns to {@code post_logout_redirect_uri}, with {@code state}, only if that is one of the application's
     * logout URLs. A hint from another issuer or with a bad signature is refused.
     */
    private void rpLogout(RoutingContext ctx) {
        io.vertx.core.MultiMap params = ctx.request().method() == io.vertx.core.http.HttpMethod.POST
                ? ctx.request().formAttributes() : ctx.request().params();
        String hint = params.get("id_token_hint");
        Optional<String> hinted = Optional.empty();
        if (hint != null) {
            org.jose4j.jwt.JwtClaims claims = keys.verifyIgnoringExpiry(hint, issuer.url());
            if (claims == null) {
                pages.send(ctx, 400, pages.error("Invalid logout request", "The id_token_hint is not valid."));
                return;
            }
            try {
                hinted = claims.getAudience().stream().findFirst();
            } catch (org.jose4j.jwt.MalformedClaimException e) {
                hinted = Optional.empty();
            }
        }
        String clientId = Optional.ofNullable(params.get("client_id")).orElse(hinted.orElse(null));
        if (clientId != null && hinted.isPresent() && !hinted.get().equals(clientId)) {
            pages.send(ctx, 400, pages.error("Invalid logout request", "The client_id does not match the id_token_hint."));
            return;
        }
        String returnTo = params.get("post_logout_redirect_uri");
        Optional<TenantClient> client = clients.find(clientId);
        if (returnTo != null && (client.isEmpty() || !client.get().allowsLogoutUrl(returnTo))) {
            pages.send(ctx, 400, pages.error("Invalid logout URL",
                    "The \"post_logout_redirect_uri\" is not one of the application's Allowed Logout URLs."));
            return;
        }
        endSession(ctx);
        if (returnTo == null) {
            pages.send(ctx, 200, pages.signedOut());
        } else {
            TenantHttp.redirect(ctx, TenantHttp.withQuery(returnTo, java.util.Collections.singletonMap("state",
                    params.get("state"))));
        }
    }

    private void endSession(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(AuthorizeEndpoint.SSO_COOKIE);
        if (cookie != null) {
            state.sessions.remove(cookie.getValue());
        }
        ctx.response().addCookie(Cookie.cookie(AuthorizeEndpoint.SSO_COOKIE, "").setPath("/").setMaxAge(0));
    }

    private void logout(RoutingContext ctx) {
        String returnTo = ctx.request().getParam("returnTo");
        Optional<TenantClient> client = clients.find(ctx.request().getParam("client_id"));
        if (returnTo != null && (client.isEmpty() || !client.get().allowsLogoutUrl(returnTo))) {
            pages.send(ctx, 400, pages.error("Invalid logout URL",
                    "The \"returnTo\" parameter is not one of the application's Allowed Logout URLs."));
            return;
        }
        endSession(ctx);
        if (returnTo == null) {
            pages.send(ctx, 200, pages.signedOut());
        } else {
            TenantHttp.redirect(ctx, returnTo);
        }
    }
}
