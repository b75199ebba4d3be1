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

    /**
     * How long a sent code's purpose is remembered: beyond any code's life at Auth0 (minutes), so that no code can
     * outlive the record that binds it to its step.
     */
    private static final java.time.Duration PURPOSE_KEPT = java.time.Duration.ofHours(1);

    private final dev.selfservice.portal.state.StateStore store;
    private final java.time.Clock clock;

    Auth0Authentication(@RestClient AuthenticationApi api, AuthenticationApiGuard guard, IdTokenVerifier verifier,
            PortalConfig config, dev.selfservice.portal.state.StateStore store, java.time.Clock clock) {
        this.store = store;
        this.clock = clock;
        this.api = api;
        this.guard = guard;
        this.verifier = verifier;
        this.auth0 = config.auth0();
    }

    /**
     * Sends a one-time code to the address ({@code send=code}) for one purpose. Not retried: a repeat would send a
     * second code. The purpose is noted first, so that a code that may have gone out is never taken for an earlier
     * one's step.
     */
    public void startPasswordless(PasswordlessChannel channel, String address, CodePurpose purpose) {
        store.putInstant(sentKey(purpose, channel, address), clock.instant(), PURPOSE_KEPT);
        once(() -> api.passwordlessStart(new Auth0Dto.PasswordlessStart(auth0.otpClientId(), auth0.otpClientSecret(),
                channel.connection(), channel == PasswordlessChannel.EMAIL ? address : null,
                channel == PasswordlessChannel.SMS ? address : null, "code")));
    }

    /**
     * Exchanges a one-time code for tokens and returns what the verified ID token says. Not retried: the code is
     * used up by the first try.
     */
    public VerifiedIdentity exchangeOtp(PasswordlessChannel channel, String address, String code, CodePurpose purpose) {
        if (!newestWasSentFor(purpose, channel, address)) {
            // the contact's newest code is another step's (Auth0 has ended the earlier ones): for this step no code is
            // right, and the answer is Auth0's to a wrong code, without asking it, so that the other step's code stays
            // unused and unspent
            throw new Auth0Exception.Refused(403, "invalid_grant");
        }
        MultivaluedMap<String, String> form = grant(PASSWORDLESS_OTP, auth0.otpClientId(), auth0.otpClientSecret());
        form.add("realm", channel.connection());
        form.add("username", address);
        form.add("otp", code);
        form.add("scope", "openid email phone");
        Auth0Dto.TokenResponse tokens = once(() -> api.token(form, null));
        return verifier.verify(tokens.idToken());
    }

    /**
     * Whether the contact's newest code was sent for this purpose: no code of another purpose was sent after it (a
     * tie counts as after). When no code of any purpose is on record (a state store emptied by a restart), nothing
     * says another step sent one, and Auth0 decides.
     */
    public boolean newestWasSentFor(CodePurpose purpose, PasswordlessChannel channel, String address) {
        java.util.Optional<java.time.Instant> mine = store.instant(sentKey(purpose, channel, address));
        for (CodePurpose other : CodePurpose.values()) {
            if (other != purpose) {
                java.util.Optional<java.time.Instant> theirs = store.instant(sentKey(other, channel, address));
                if (theirs.isPresent() && (mine.isEmpty() || !theirs.get().isBefore(mine.get()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String sentKey(CodePurpose purpose, PasswordlessChannel channel, String address) {
        return dev.selfservice.portal.state.StateKeys.of("code:sent-for", purpose.name(), channel.name(),
                channel == PasswordlessChannel.EMAIL ? address.toLowerCase(java.util.Locale.ROOT) : address);
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

    /** The tenant's discovery document (a read: it changes nothing, and the self-check alone asks for it). */
    Auth0Dto.Discovery discovery() {
        return once(api::discovery);
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
