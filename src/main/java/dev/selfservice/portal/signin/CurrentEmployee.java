package dev.selfservice.portal.signin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.oidc.IdToken;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in employee of this request. Only an identity of the configured AD connection counts: the sign-in is
 * forced to that connection, but the authorize URL is in the browser's hands, so the token's subject is checked.
 * The subject is not enough on its own: Auth0 answers a sign-in with a linked identity (a recovery contact) with the
 * primary account's subject and profile, and its ID token names no connection. So, in depth, {@link SessionGuard}
 * serves no signed-in page while the self-check finds a passwordless connection enabled for the web application.
 */
@RequestScoped
public class CurrentEmployee {

    @Inject
    SecurityIdentity identity;
    @Inject
    @IdToken
    JsonWebToken idToken;
    @Inject
    PortalConfig config;

    static String adUserPrefix(String adConnection) {
        return "ad|" + adConnection + "|";
    }

    public SignedInEmployee get() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return fromClaims(adUserPrefix(config.auth0().adConnection()), idToken.getSubject(), idToken.getClaim("nickname"), idToken.getClaim("name"),
                idToken.getClaim("email"));
    }

    /** When the employee last proved the AD password (the ID token's {@code auth_time}); the epoch when unknown. */
    public java.time.Instant authTime() {
        get();
        Object authTime = idToken.getClaim("auth_time");
        return authTime instanceof Number n ? java.time.Instant.ofEpochSecond(n.longValue()) : java.time.Instant.EPOCH;
    }

    /** When the tenant issued this session's ID token ({@code iat}), by the tenant's clock. */
    public java.time.Instant issuedAt() {
        get();
        return java.time.Instant.ofEpochSecond(idToken.getIssuedAtTime());
    }

    /** The ID token's {@code nonce}: which authorize request of this browser it answers (quarkus-oidc checked it). */
    public String nonce() {
        get();
        return idToken.getClaim("nonce") instanceof String n ? n : null;
    }

    /**
     * A value that names this sign-in session and no other: a hash of its ID token. State kept for the session
     * elsewhere (a pending enrolment) is bound to it, so that it dies with a sign-out or a new sign-in.
     */
    public String sessionBinding() {
        get();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(idToken.getRawToken().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SignedInEmployee fromClaims(String adUserPrefix, String subject, Object nickname, Object name, Object email) {
        if (subject == null || !subject.startsWith(adUserPrefix) || subject.length() == adUserPrefix.length()
                || !(nickname instanceof String username) || username.isBlank()) {
            throw new NotAnEmployeeException();
        }
        return new SignedInEmployee(subject, username, name instanceof String n ? n : username,
                email instanceof String e ? e : "");
    }
}
