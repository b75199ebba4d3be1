package dev.selfservice.localtenant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /userinfo}: the OIDC claims of the token's user, for an opaque token or a JWT whose audience has it. */
@ApplicationScoped
class UserInfoEndpoint implements TenantEndpoint {

    private final TenantState state;
    private final SigningKeys keys;
    private final TenantIssuer issuer;
    private final TenantUsers users;

    UserInfoEndpoint(TenantState state, SigningKeys keys, TenantIssuer issuer, TenantUsers users) {
        this.state = state;
        this.keys = keys;
        this.issuer = issuer;
        this.users = users;
    }

    @Override
    public void register(Router router) {
        router.get("/userinfo").blockingHandler(this::userinfo, false);
    }

    private void userinfo(RoutingContext ctx) {
        String authorization = Optional.ofNullable(ctx.request().getHeader("Authorization")).orElse("");
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : "";
        Optional<IssuedToken> issued = state.accessTokens.get(token).or(() -> fromJwt(token));
        Optional<Map<String, Object>> profile = issued.flatMap(t -> users.profile(t.userId()));
        if (profile.isEmpty()) {
            ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .end("Unauthorized");
            return;
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", issued.get().userId());
        claims.putAll(TokenIssuer.userClaims(profile.get(), TokenIssuer.scopes(issued.get().scope())));
        TenantHttp.json(ctx, 200, claims);
    }

    private Optional<IssuedToken> fromJwt(String token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        JwtClaims claims = keys.verify(token, issuer.url());
        try {
            if (claims == null || !claims.getAudience().contains(issuer.url("userinfo"))) {
                return Optional.empty();
            }
            return Optional.of(new IssuedToken(claims.getSubject(), claims.getStringClaimValue("azp"),
                    claims.getStringClaimValue("scope")));
        } catch (MalformedClaimException e) {
            return Optional.empty();
        }
    }

}
