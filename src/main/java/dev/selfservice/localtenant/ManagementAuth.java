package dev.selfservice.localtenant;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import io.vertx.ext.web.RoutingContext;

/** Checks a Management API call's Bearer token (this tenant's, for {@code /api/v2/}) and its scopes. */
@ApplicationScoped
class ManagementAuth {

    /** Who is calling: the client the token was issued to, and the scopes it carries. */
    record Caller(String clientId, Set<String> scopes) {
    }

    private final SigningKeys keys;
    private final TenantIssuer issuer;

    ManagementAuth(SigningKeys keys, TenantIssuer issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    /** The caller, if the token is valid and carries the scope; otherwise Auth0's 401 or 403. */
    Caller require(RoutingContext ctx, String scope) {
        String authorization = Optional.ofNullable(ctx.request().getHeader("Authorization")).orElse("");
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ManagementError(401, "Missing authentication", "missing_authentication");
        }
        JwtClaims claims = keys.verify(authorization.substring(7).trim(), issuer.url());
        try {
            if (claims == null || !claims.getAudience().contains(issuer.managementAudience())) {
                throw new ManagementError(401, "Invalid token", "invalid_token");
            }
            Caller caller = new Caller(claims.getStringClaimValue("azp"),
                    TokenIssuer.scopes(claims.getStringClaimValue("scope")));
            if (!caller.scopes().contains(scope)) {
                throw new ManagementError(403, "Insufficient scope, expected any of: " + scope, "insufficient_scope");
            }
            return caller;
        } catch (MalformedClaimException e) {
            throw new ManagementError(401, "Invalid token", "invalid_token");
        }
    }

}
