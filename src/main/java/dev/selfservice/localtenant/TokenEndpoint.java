package dev.selfservice.localtenant;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /oauth/token}: client authentication (secret in the body or HTTP Basic), then the grant. Errors use
 * Auth0's statuses: 401 {@code access_denied} for a bad client, 403 {@code unauthorized_client} for a grant the
 * client may not use; each grant answers its own refusals.
 */
@ApplicationScoped
class TokenEndpoint implements TenantEndpoint {

    private final ClientRegistry clients;
    private final Map<String, GrantType> grants;
    private final TenantIssuer issuer;

    TokenEndpoint(ClientRegistry clients, Instance<GrantType> grants, TenantIssuer issuer) {
        this.clients = clients;
        this.issuer = issuer;
        this.grants = grants.stream().collect(Collectors.toMap(GrantType::name, Function.identity()));
    }

    @Override
    public void register(Router router) {
        router.post("/oauth/token").blockingHandler(this::token, false);
        router.post("/oauth/revoke").handler(this::revoke);
    }

    private void token(RoutingContext ctx) {
        MultiMap params = TenantHttp.bodyParams(ctx);
        String grantType = params.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            TenantHttp.oauthError(ctx, 400, "invalid_request", "Missing required parameter: grant_type");
            return;
        }
        Optional<TenantClient> client = authenticateClient(clients, ctx, params);
        if (client.isEmpty()) {
            TenantHttp.oauthError(ctx, 401, "access_denied", "Unauthorized");
            return;
        }
        GrantType grant = grants.get(grantType);
        if (grant == null && !ClientRegistry.KNOWN_GRANTS.contains(grantType)) {
            TenantHttp.oauthError(ctx, 403, "unsupported_grant_type", "Unsupported grant type: " + grantType);
            return;
        }
        if (grant == null || !client.get().grantTypes().contains(grantType)) {
            TenantHttp.oauthError(ctx, 403, "unauthorized_client",
                    "Grant type '" + grantType + "' not allowed for the client.");
            return;
        }
        String audience = params.get("audience");
        if (audience != null && !audience.isBlank() && !issuer.knowsAudience(audience)) {
            // Auth0's answer to an audience that is no API of the tenant, whatever the grant
            TenantHttp.oauthError(ctx, 403, "access_denied", "Service not found: " + audience);
            return;
        }
        ctx.put(TenantCalls.GRANT, grantType);
        grant.exchange(ctx, client.get(), params);
    }

    /**
     * {@code POST /oauth/revoke}: Auth0 revokes refresh tokens there and answers 200 with an empty body, also for a
     * token it does not know (RFC 7009). The tenant issues no refresh tokens, so there is nothing to revoke.
     */
    private void revoke(RoutingContext ctx) {
        MultiMap params = TenantHttp.bodyParams(ctx);
        if (authenticateClient(clients, ctx, params).isEmpty()) {
            TenantHttp.oauthError(ctx, 401, "access_denied", "Unauthorized");
            return;
        }
        if (params.get("token") == null || params.get("token").isBlank()) {
            TenantHttp.oauthError(ctx, 400, "invalid_request", "Missing required parameter: token");
            return;
        }
        ctx.response().setStatusCode(200).end();
    }

    /** The client whose id and secret (in the body, or HTTP Basic) are given and right. */
    static Optional<TenantClient> authenticateClient(ClientRegistry clients, RoutingContext ctx, MultiMap params) {
        String id = params.get("client_id");
        String secret = params.get("client_secret");
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    id = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                    secret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        String presented = secret;
        return clients.find(id).filter(c -> c.secretMatches(presented));
    }
}
