package dev.selfservice.localtenant;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.localtenant.directory.AdBindCode;
import dev.selfservice.localtenant.directory.BindResult;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code http://auth0.com/oauth/grant-type/password-realm} against the AD connection: the directory checks the
 * password, and Auth0's brute-force protection counts failures per username and IP, the IP being the
 * {@code auth0-forwarded-for} header when the client is trusted for it.
 * <p>
 * Answers, with the reference's sources: a wrong password (or unknown user) is 403 {@code invalid_grant} "Wrong email
 * or password."; an administrator's block 401 {@code unauthorized} "user is blocked"; a brute-force block 429
 * {@code too_many_attempts}. AD's 532 and 773 come back with Auth0's codes {@code password_expired} and
 * {@code password_change_required} (status unverified: 403 here). How Auth0 answers a locked, disabled or expired AD
 * account at this endpoint is not documented (unverified); the tenant answers 403 {@code access_denied} with the
 * connector's message, a failure that a client must treat as a refusal whatever it makes of the description.
 */
@ApplicationScoped
class PasswordRealmGrant implements GrantType {

    static final String FORWARDED_FOR = "auth0-forwarded-for";

    private final AdConnection ad;
    private final TenantUsers users;
    private final BruteForceProtection bruteForce;
    private final TokenIssuer tokens;

    PasswordRealmGrant(AdConnection ad, TenantUsers users, BruteForceProtection bruteForce, TokenIssuer tokens) {
        this.ad = ad;
        this.users = users;
        this.bruteForce = bruteForce;
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return ClientRegistry.PASSWORD_REALM;
    }

    @Override
    public void exchange(RoutingContext ctx, TenantClient client, MultiMap params) {
        String realm = params.get("realm");
        if (realm == null || !realm.equals(ad.name())) {
            TenantHttp.oauthError(ctx, 400, "invalid_request", "Unknown realm: " + (realm == null ? "" : realm));
            return;
        }
        if (!client.connections().contains(realm)) {
            TenantHttp.oauthError(ctx, 403, "unauthorized_client", "The connection is not enabled for this client");
            return;
        }
        String username = Optional.ofNullable(params.get("username")).orElse("").trim();
        String password = Optional.ofNullable(params.get("password")).orElse("");
        if (username.isEmpty() || password.isEmpty()) {
            TenantHttp.oauthError(ctx, 400, "invalid_request",
                    "Missing required parameter: " + (username.isEmpty() ? "username" : "password"));
            return;
        }
        String ip = clientIp(ctx, client);
        if (bruteForce.isBlocked(username, ip)) {
            TenantLog.login("f", ad.name(), username, ip, "blocked by brute-force protection");
            TenantHttp.oauthError(ctx, 429, "too_many_attempts", BruteForceProtection.TOO_MANY_ATTEMPTS);
            return;
        }
        BindResult result = ad.authenticate(username, password);
        if (result.succeeded()) {
            String userId = ad.userId(result.entry().orElseThrow());
            if (users.isBlocked(userId)) {
                TenantHttp.oauthError(ctx, 401, "unauthorized", "user is blocked");
                return;
            }
            bruteForce.succeeded(username, ip);
            users.recordLogin(userId);
            TenantLog.login("s", ad.name(), username, ip, "password-realm");
            Map<String, Object> profile = users.profile(userId).orElseThrow();
            TenantHttp.json(ctx, 200, tokens.tokenResponse(client.clientId(), profile, params.get("scope"),
                    params.get("audience"), null, null));
            return;
        }
        AdBindCode code = result.failure().orElseThrow();
        TenantLog.login(code == AdBindCode.WRONG_PASSWORD ? "fp" : "f", ad.name(), username, ip, code.connectorMessage());
        switch (code) {
            case WRONG_PASSWORD -> {
                bruteForce.failed(username, ip, ad.name());
                TenantHttp.oauthError(ctx, 403, "invalid_grant", "Wrong email or password.");
            }
            case ACCOUNT_LOCKED -> {
                bruteForce.failed(username, ip, ad.name());
                TenantHttp.oauthError(ctx, 403, "access_denied", code.connectorMessage());
            }
            case PASSWORD_EXPIRED, PASSWORD_MUST_CHANGE ->
                TenantHttp.oauthError(ctx, 403, code.connectorStatus(), code.connectorMessage());
            default -> TenantHttp.oauthError(ctx, 403, "access_denied", code.connectorMessage());
        }
    }

    /** The end user's IP: the header a trusted client forwards, else the caller's own address. */
    static String clientIp(RoutingContext ctx, TenantClient client) {
        String forwarded = ctx.request().getHeader(FORWARDED_FOR);
        if (client.trustsForwardedFor() && forwarded != null && !forwarded.isBlank()) {
            return forwarded.trim();
        }
        return ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
    }
}
