package dev.selfservice.localtenant;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code http://auth0.com/oauth/grant-type/passwordless/otp} with {@code realm=email|sms}: a right code signs the
 * address in; the first time, that creates the passwordless user (Auth0's sign-up). When the identity is linked to
 * another user, the tokens are that primary user's, as Auth0 issues them. Every refusal is 403 {@code invalid_grant}.
 */
@ApplicationScoped
class PasswordlessOtpGrant implements GrantType {

    private final PasswordlessCodes codes;
    private final TenantUsers users;
    private final TokenIssuer tokens;

    PasswordlessOtpGrant(PasswordlessCodes codes, TenantUsers users, TokenIssuer tokens) {
        this.codes = codes;
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return ClientRegistry.PASSWORDLESS_OTP;
    }

    @Override
    public void exchange(RoutingContext ctx, TenantClient client, MultiMap params) {
        String realm = params.get("realm");
        if (!PasswordlessConnection.isPasswordless(realm)) {
            TenantHttp.oauthError(ctx, 400, "invalid_request", "Unknown realm: " + (realm == null ? "" : realm));
            return;
        }
        if (!client.connections().contains(realm)) {
            TenantHttp.oauthError(ctx, 403, "unauthorized_client", "The connection is not enabled for this client");
            return;
        }
        String address = Optional.ofNullable(params.get("username")).orElse("");
        boolean email = realm.equals(PasswordlessConnection.EMAIL);
        PasswordlessCodes.Check check = codes.check(realm, address, params.get("otp"));
        TenantLog.code(check.outcome() == PasswordlessCodes.Outcome.ACCEPTED ? "sco" : "fco", realm, address,
                check.outcome().name().toLowerCase(java.util.Locale.ROOT));
        switch (check.outcome()) {
            case ACCEPTED -> {
                // on with the sign-in below
            }
            case EXPIRED -> {
                TenantHttp.oauthError(ctx, 403, "invalid_grant", "The verification code has expired. Please try to login again.");
                return;
            }
            case TOO_MANY_TRIES -> {
                TenantHttp.oauthError(ctx, 403, "invalid_grant",
                        "You've reached the maximum number of attempts. Please try to login again.");
                return;
            }
            default -> {
                TenantHttp.oauthError(ctx, 403, "invalid_grant",
                        email ? "Wrong email or verification code." : "Wrong phone number or verification code.");
                return;
            }
        }
        String userId = users.signUpPasswordless(realm, address, check.pendingId());
        String primary = users.primaryOf(userId);
        if (users.isBlocked(primary)) {
            TenantHttp.oauthError(ctx, 401, "unauthorized", "user is blocked");
            return;
        }
        users.recordLogin(primary);
        Map<String, Object> profile = users.profile(primary).orElseThrow();
        TenantHttp.json(ctx, 200, tokens.tokenResponse(client.clientId(), profile, params.get("scope"),
                params.get("audience"), null, null));
    }
}
