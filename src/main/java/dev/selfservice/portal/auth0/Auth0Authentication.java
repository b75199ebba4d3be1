package dev.selfservice.portal.auth0;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.selfservice.portal.PortalConfig;

/** The portal's calls to Auth0's Authentication API, as the portal's own web application. */
@ApplicationScoped
public class Auth0Authentication {

    static final String PASSWORDLESS_OTP = "http://auth0.com/oauth/grant-type/passwordless/otp";
    static final String PASSWORD_REALM = "http://auth0.com/oauth/grant-type/password-realm";

    private final AuthenticationApi api;
    private final AuthenticationApiGuard guard;
    private final IdTokenVerifier verifier;
    private final PortalConfig.Auth0 auth0;

    Auth0Authentication(@RestClient AuthenticationApi api, AuthenticationApiGuard guard, IdTokenVerifier verifier,
            PortalConfig config) {
        this.api = api;
        this.guard = guard;
        this.verifier = verifier;
        this.auth0 = config.auth0();
    }

    /** Sends a one-time code to the address ({@code send=code}). Not retried: a repeat would send a second code. */
    public void startPasswordless(PasswordlessChannel channel, String address) {
        once(() -> api.passwordlessStart(new Auth0Dto.PasswordlessStart(auth0.otpClientId(), auth0.otpClientSecret(),
                channel.connection(), channel == PasswordlessChannel.EMAIL ? address : null,
                channel == PasswordlessChannel.SMS ? address : null, "code")));
    }

    /**
     * Exchanges a one-time code for tokens and returns what the verified ID token says. Not retried: the code is
     * used up by the first try.
     */
    public VerifiedIdentity exchangeOtp(PasswordlessChannel channel, String address, String code) {
        MultivaluedMap<String, String> form = grant(PASSWORDLESS_OTP, auth0.otpClientId(), auth0.otpClientSecret());
        form.add("realm", channel.connection());
        form.add("username", address);
        form.add("otp", code);
        form.add("scope", "openid email phone");
        Auth0Dto.TokenResponse tokens = once(() -> api.token(form, null));
        return verifier.verify(tokens.idToken());
    }

    /** What the directory said of a username and password (AD's answer, through Auth0's password-realm grant). */
    public enum PasswordCheck {
        RIGHT, WRONG, EXPIRED, MUST_CHANGE, LOCKED, REFUSED
    }

    /**
     * Checks a username and password against the AD connection with the password-realm grant, forwarding the end
     * user's IP so that Auth0's brute-force protection counts this employee, not the portal. Not retried: every try
     * counts as a login attempt.
     */
    public PasswordCheck checkPassword(String username, String password, String endUserIp) {
        MultivaluedMap<String, String> form = grant(PASSWORD_REALM, auth0.clientId(), auth0.clientSecret());
        form.add("realm", auth0.adConnection());
        form.add("username", username);
        form.add("password", password);
        form.add("scope", "openid");
        try {
            once(() -> api.token(form, endUserIp));
            return PasswordCheck.RIGHT;
        } catch (Auth0Exception.Refused e) {
            return switch (e.error()) {
                case "password_expired" -> PasswordCheck.EXPIRED;
                case "password_change_required" -> PasswordCheck.MUST_CHANGE;
                case "invalid_grant", "invalid_user_password" -> PasswordCheck.WRONG;
                // AD's other refusals (locked, disabled, account expired) reach the token endpoint as access_denied
                // with the connector's words, which Auth0 does not document (unverified): the portal does not read
                // them, and treats each alike as an account the directory refuses
                default -> PasswordCheck.REFUSED;
            };
        } catch (Auth0Exception.RateLimited e) {
            if ("too_many_attempts".equals(e.error())) {
                return PasswordCheck.LOCKED; // Auth0's brute-force protection for this user, not its rate limit
            }
            throw e;
        }
    }

    private <T> T once(java.util.function.Supplier<T> call) {
        return Auth0Failures.guarded(() -> guard.call(call));
    }

    /** A token request for a grant, with the client's credentials in the body (client_secret_post). */
    private static MultivaluedMap<String, String> grant(String grantType, String clientId, String clientSecret) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("grant_type", grantType);
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        return form;
    }
}
