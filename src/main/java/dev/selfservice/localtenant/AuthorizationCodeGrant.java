package dev.selfservice.localtenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/** {@code authorization_code}: a one-time code from {@code /authorize}, with its redirect URI and PKCE verifier. */
@ApplicationScoped
class AuthorizationCodeGrant implements GrantType {

    private final TenantState state;
    private final TenantUsers users;
    private final TokenIssuer tokens;

    AuthorizationCodeGrant(TenantState state, TenantUsers users, TokenIssuer tokens) {
        this.state = state;
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return ClientRegistry.AUTHORIZATION_CODE;
    }

    @Override
    public void exchange(RoutingContext ctx, TenantClient client, MultiMap params) {
        Optional<CodeGrant> grant = state.codes.take(params.get("code"));
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
        Optional<Map<String, Object>> profile = users.profile(grant.get().userId());
        if (profile.isEmpty()) {
            TenantHttp.oauthError(ctx, 403, "invalid_grant", "Invalid authorization code");
            return;
        }
        TenantHttp.json(ctx, 200, tokens.tokenResponse(client.clientId(), profile.get(), request.scope(),
                request.audience(), request.nonce(), grant.get().authTime(), grant.get().sessionId()));
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
