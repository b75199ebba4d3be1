package dev.selfservice.localtenant;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Makes the token response of a successful grant as Auth0 does: an RS256 ID token when {@code openid} was asked
 * for, with the profile and email claims the scopes allow; a JWT access token when an audience was given, otherwise
 * an opaque one that only {@code /userinfo} accepts.
 */
@ApplicationScoped
class TokenIssuer {

    private final TenantIssuer issuer;
    private final SigningKeys keys;
    private final TenantState state;

    TokenIssuer(TenantIssuer issuer, SigningKeys keys, TenantState state) {
        this.issuer = issuer;
        this.keys = keys;
        this.state = state;
    }

    static Set<String> scopes(String scope) {
        return scope == null ? Set.of() : Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    Map<String, Object> tokenResponse(String clientId, Map<String, Object> profile, String scope, String audience,
            String nonce, Instant authTime) {
        return tokenResponse(clientId, profile, scope, audience, nonce, authTime, null);
    }

    /** As above, from a sign-in in the tenant session {@code sessionId}, which the ID token names as its sid. */
    Map<String, Object> tokenResponse(String clientId, Map<String, Object> profile, String scope, String audience,
            String nonce, Instant authTime, String sessionId) {
        Set<String> scopes = scopes(scope);
        String userId = (String) profile.get("user_id");
        Instant now = state.clock.instant();
        Map<String, Object> response = new LinkedHashMap<>();
        if (audience != null && !audience.isBlank()) {
            JwtClaims at = new JwtClaims();
            at.setIssuer(issuer.claim());
            at.setSubject(userId);
            at.setAudience(scopes.contains("openid") ? List.of(audience, issuer.url("userinfo")) : List.of(audience));
            at.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
            at.setExpirationTime(NumericDate.fromSeconds(now.plus(TenantState.ACCESS_TOKEN_LIFETIME).getEpochSecond()));
            at.setClaim("azp", clientId);
            at.setClaim("scope", String.join(" ", scopes));
            response.put("access_token", keys.sign(at));
        } else {
            response.put("access_token", state.accessTokens.put(new IssuedToken(userId, clientId, scope)));
        }
        if (scopes.contains("openid")) {
            JwtClaims id = new JwtClaims();
            id.setIssuer(issuer.claim());
            id.setSubject(userId);
            id.setAudience(clientId);
            id.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
            id.setExpirationTime(NumericDate.fromSeconds(now.plus(TenantState.ID_TOKEN_LIFETIME).getEpochSecond()));
            if (authTime != null) {
                id.setClaim("auth_time", authTime.getEpochSecond());
            }
            if (nonce != null) {
                id.setClaim("nonce", nonce);
            }
            if (sessionId != null) {
                id.setClaim("sid", sessionId);
            }
            userClaims(profile, scopes).forEach(id::setClaim);
            response.put("id_token", keys.sign(id));
        }
        response.put("scope", String.join(" ", scopes));
        response.put("expires_in", TenantState.ACCESS_TOKEN_LIFETIME.toSeconds());
        response.put("token_type", "Bearer");
        return response;
    }

    /** The OIDC claims of a profile that the given scopes release. */
    static Map<String, Object> userClaims(Map<String, Object> profile, Set<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (scopes.contains("profile")) {
            for (String claim : List.of("name", "nickname", "given_name", "family_name")) {
                if (profile.get(claim) != null) {
                    claims.put(claim, profile.get(claim));
                }
            }
        }
        if (scopes.contains("email") && profile.get("email") != null) {
            claims.put("email", profile.get("email"));
            claims.put("email_verified", profile.get("email_verified"));
        }
        if (scopes.contains("phone") && profile.get("phone_number") != null) {
            claims.put("phone_number", profile.get("phone_number"));
            claims.put("phone_number_verified", profile.get("phone_verified"));
        }
        return claims;
    }
}
