package dev.selfservice.localtenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /oauth/token}: client authentication (secret in the body or HTTP Basic), then the grant. Errors use
 * Auth0's statuses: 401 {@code access_denied} for a bad client, 403 {@code unauthorized_client} for a grant the
 * client may not use, 403 {@code invalid_grant} for a bad code.
 */
@ApplicationScoped
class TokenEndpoint implements TenantEndpoint {

    private final ClientRegistry clients;
    private final AdConnection ad;
    private final TenantState state;
    private final TokenIssuer tokens;

    TokenEndpoint(ClientRegistry clients, AdConnection ad, TenantState state, TokenIssuer tokens) {
        this.clients = clients;
        this.ad = ad;
        this.state = state;
        this.tokens = tokens;
    }

    @Override
    public void register(Router router) {
        router.post("/oauth/token").blockingHandler(this::token, false);
    }

    private void token(RoutingContext ctx) {
        MultiMap params = TenantHttp.bodyParams(ctx);
        String grantType = params.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            TenantHttp.oauthError(ctx, 400, "invalid_request", "Missing required parameter: grant_type");
            return;
        }
        Optional<TenantClient> client = authenticateClient(ctx, params);
        if (client.isEmpty()) {
            TenantHttp.oauthError(ctx, 401, "access_denied", "Unauthorized");
            return;
        }
        if (!client.get().grantTypes().contains(grantType)) {
            if (grantType.equals(ClientRegistry.AUTHORIZATION_CODE) || grantType.startsWith("http://auth0.com/")
                    || grantType.equals("client_credentials") || grantType.equals("password")
                    || grantType.equals("refresh_token")) {
                TenantHttp.oauthError(ctx, 403, "unauthorized_client",
                        "Grant type '" + grantType + "' not allowed for the client.");
            } else {
                TenantHttp.oauthError(ctx, 403, "unsupported_grant_type", "Unsupported grant type: " + grantType);
            }
            return;
        }
        if (ClientRegistry.AUTHORIZATION_CODE.equals(grantType)) {
            authorizationCode(ctx, client.get(), params);
        } else {
            TenantHttp.oauthError(ctx, 403, "unsupported_grant_type", "Unsupported grant type: " + grantType);
        }
    }

    private void authorizationCode(RoutingContext ctx, TenantClient client, MultiMap params) {
        Optional<Grant> grant = state.codes.take(params.get("code"));
        if (grant.isEmpty() || !grant.get().request().clientId().equals(client.clientId())) {
            TenantHttp.oauthError(ctx, 403, "invalid_grant", "Invalid authorization code");
            return;
        }
        AuthorizationRequest request = grant.get().request();
        if (!request.redirectUri().equals(params.get("redirect_uri"))) {
            TenantHttp.oauthError(ctx, 403, "invalid_grant",
                    "The redirect_uri MUST match the registered callback URL for this application.");
            return;
        }
        if (request.codeChallenge() != null && !pkceMatches(request.codeChallenge(), params.get("code_verifier"))) {
            TenantHttp.oauthError(ctx, 403, "invalid_grant", "Failed to verify code verifier");
            return;
        }
        Optional<Map<String, Object>> profile = ad.findByUserId(grant.get().userId()).map(ad::profile);
        if (profile.isEmpty()) {
            TenantHttp.oauthError(ctx, 403, "invalid_grant", "Invalid authorization code");
            return;
        }
        TenantHttp.json(ctx, 200, tokens.tokenResponse(client.clientId(), profile.get(), request.scope(),
                request.audience(), request.nonce(), grant.get().authTime()));
    }

    private Optional<TenantClient> authenticateClient(RoutingContext ctx, MultiMap params) {
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

    static boolean pkceMatches(String challenge, String verifier) {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                    challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
