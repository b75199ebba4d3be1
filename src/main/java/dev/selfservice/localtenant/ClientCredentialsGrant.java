package dev.selfservice.localtenant;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code client_credentials} for the Management API ({@code audience=<tenant>/api/v2/}): a JWT whose {@code scope}
 * lists the scopes granted to the client (those asked for, if a {@code scope} was given).
 */
@ApplicationScoped
class ClientCredentialsGrant implements GrantType {

    private final TenantIssuer issuer;
    private final SigningKeys keys;
    private final TenantClock clock;

    ClientCredentialsGrant(TenantIssuer issuer, SigningKeys keys, TenantClock clock) {
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public String name() {
        return ClientRegistry.CLIENT_CREDENTIALS;
    }

    @Override
    public void exchange(RoutingContext ctx, TenantClient client, MultiMap params) {
        String audience = params.get("audience");
        if (audience == null || audience.isBlank()) {
            TenantHttp.oauthError(ctx, 403, "access_denied",
                    "No audience parameter was provided, and no default audience has been configured");
            return;
        }
        if (!audience.equals(issuer.managementAudience())) {
            TenantHttp.oauthError(ctx, 403, "access_denied", "Service not found: " + audience);
            return;
        }
        if (client.apiScopes().isEmpty()) {
            TenantHttp.oauthError(ctx, 403, "access_denied", "Client is not authorized to access \"" + audience
                    + "\". You need to create a \"client-grant\" associated to this API.");
            return;
        }
        Set<String> asked = TokenIssuer.scopes(params.get("scope"));
        List<String> granted = client.apiScopes().stream().filter(s -> asked.isEmpty() || asked.contains(s)).toList();
        Instant now = clock.instant();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer.url());
        claims.setSubject(client.clientId() + "@clients");
        claims.setAudience(audience);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(TenantState.ACCESS_TOKEN_LIFETIME).getEpochSecond()));
        claims.setClaim("azp", client.clientId());
        claims.setClaim("scope", String.join(" ", granted));
        claims.setClaim("gty", "client-credentials");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", keys.sign(claims));
        answer.put("scope", String.join(" ", granted));
        answer.put("expires_in", TenantState.ACCESS_TOKEN_LIFETIME.toSeconds());
        answer.put("token_type", "Bearer");
        TenantLog.clientCredentials(client.clientId(), String.join(" ", granted));
        TenantHttp.json(ctx, 200, answer);
    }
}
