package dev.selfservice.localtenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.Router;

/** {@code /.well-known/openid-configuration} and {@code /.well-known/jwks.json}, in Auth0's shape. */
@ApplicationScoped
class OidcMetadataEndpoint implements TenantEndpoint {

    private final TenantIssuer issuer;
    private final SigningKeys keys;

    OidcMetadataEndpoint(TenantIssuer issuer, SigningKeys keys) {
        this.issuer = issuer;
        this.keys = keys;
    }

    @Override
    public void register(Router router) {
        router.get("/.well-known/openid-configuration").handler(ctx -> TenantHttp.json(ctx, 200, discovery()));
        router.get("/.well-known/jwks.json").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8").end(keys.jwks()));
    }

    Map<String, Object> discovery() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer.claim());
        d.put("authorization_endpoint", issuer.url("authorize"));
        d.put("token_endpoint", issuer.url("oauth/token"));
        d.put("userinfo_endpoint", issuer.url("userinfo"));
        d.put("jwks_uri", issuer.url(".well-known/jwks.json"));
        d.put("revocation_endpoint", issuer.url("oauth/revoke"));
        // RP-initiated logout, on by default for Auth0 tenants created since late 2023; /v2/logout stays too
        d.put("end_session_endpoint", issuer.url("oidc/logout"));
        d.put("scopes_supported", List.of("openid", "profile", "email", "phone", "offline_access"));
        d.put("response_types_supported", List.of("code"));
        d.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        d.put("claims_supported", List.of("aud", "auth_time", "email", "email_verified", "exp", "family_name",
                "given_name", "iat", "iss", "name", "nickname", "phone_number", "phone_number_verified", "sid", "sub"));
        d.put("request_uri_parameter_supported", false);
        d.put("request_parameter_supported", false);
        return d;
    }
}
