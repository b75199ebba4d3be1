package dev.selfservice.portal.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.SealedCookie;
import dev.selfservice.portal.web.StateKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A step-up: the employee enters the AD password again before changing what can recover the account. Only a signed-in
 * session starts one ({@code POST /signin/again}, a form bound to that session), and it counts only when all of this
 * holds, so that neither someone else at the same browser nor the tenant's single sign-on can pass it:
 * <ul>
 * <li>the sign-in answers the very authorize request the step-up started: its ID token carries the {@code nonce}
 * that {@link AuthorizeRedirectFilter} put in the sealed cookie when it sent the browser there (with
 * {@code prompt=login} and {@code max_age=0});</li>
 * <li>it is the same employee (the token's subject) as the session that started it;</li>
 * <li>the password was entered in that request: {@code auth_time} is not before the start, measured on the tenant's
 * own clock (see {@link #begin}), with no grace, so a URL stripped of {@code prompt=login} that the tenant's session
 * answers carries the old {@code auth_time} and fails;</li>
 * <li>it is used once, and within ten minutes.</li>
 * </ul>
 * Every other sign-in drops the cookie.
 */
@ApplicationScoped
public class StepUp {

    static final String COOKIE = "step_up";
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    /**
     * What the cookie holds: the step-up's own id (used once), the employee who began it and their username (the
     * sign-in page starts with it), the start on the tenant's clock in milliseconds, and the nonce of the authorize
     * request it was sent to (null until then).
     */
    @RegisterForReflection(registerFullHierarchy = true)
    record Begun(String id, String subject, String username, long startOnTenantClock, String nonce) {
    }

    // version 2: the username was added
    static final StateKind<Begun> KIND = new StateKind<>(COOKIE, 2, Begun.class);

    private final SealedCookie<Begun> cookie;
    private final StateStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public StepUp(CookieSeal seal, StateStore store, Clock clock) {
        // Lax, not Strict: it must come back with the top-level redirect from the sign-in page, another site
        this.cookie = seal.cookie(KIND, "/signin", NewCookie.SameSite.LAX);
        this.store = store;
        this.clock = clock;
    }

    /**
     * The cookie that goes with the redirect to the sign-in, for the signed-in employee {@code subject}.
     * {@code startOnTenantClock} is the earliest the tenant's clock can read now: the portal cannot read that clock,
     * but the session's ID token was issued by it, so its {@code iat} plus the time the portal saw pass since it first
     * saw that token is never later than the tenant's time now, whatever the skew between the two clocks.
     */
    NewCookie begin(String subject, String username, Instant startOnTenantClock) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return cookie.write(clock.instant().plus(LIFETIME),
                new Begun(HexFormat.of().formatHex(id), subject, username, startOnTenantClock.toEpochMilli(), null));
    }

    /**
     * A step-up begun without a portal session, for the employee a verified token names: the enrolment nudge's, whose
     * Action token stands where the session stands for {@link #begin}; it counts for that employee only, as any other.
     */
    public NewCookie beginFor(String subject, String username, Instant startOnTenantClock) {
        return begin(subject, username, startOnTenantClock);
    }

    /** The username of the employee who began the step-up this browser holds, for the sign-in page to start with. */
    Optional<String> username(String cookieValue) {
        return cookieValue == null ? Optional.empty()
                : cookie.openUnended(cookieValue).map(o -> o.state().username()).filter(u -> u != null && !u.isBlank());
    }

    /**
     * The step-up cookie again, now naming the nonce of the authorize request it is sending the browser to; empty when
     * the browser holds no step-up. A later authorize request of the same step-up replaces it.
     */
    Optional<io.vertx.core.http.Cookie> boundTo(String cookieValue, String nonce) {
        if (cookieValue == null || nonce == null || nonce.isEmpty()) {
            return Optional.empty();
        }
        return cookie.openUnended(cookieValue).map(o -> cookie.writeForVertx(o.until(),
                new Begun(o.state().id(), o.state().subject(), o.state().username(),
                        o.state().startOnTenantClock(), nonce)));
    }

    /**
     * Whether the sign-in that came back ({@code subject}, {@code nonce} and {@code authTime} of its verified ID
     * token) finishes a step-up this browser began; at most once per step-up.
     */
    boolean finish(String cookieValue, String subject, String nonce, Instant authTime) {
        if (cookieValue == null || nonce == null) {
            return false;
        }
        return cookie.openUnended(cookieValue).map(CookieSeal.Opened::state).filter(begun -> {
            Instant start = Instant.ofEpochMilli(begun.startOnTenantClock());
            boolean sameRequest = begun.nonce() != null && !begun.nonce().isEmpty() && MessageDigest.isEqual(
                    begun.nonce().getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8));
            boolean sameEmployee = subject != null && subject.equals(begun.subject());
            // no grace: auth_time has whole seconds, so a password entered within the second the step-up began may be refused
            boolean passwordAfterStart = !authTime.isBefore(start);
            return sameRequest && sameEmployee && passwordAfterStart;
        }).map(begun -> store.claim(StateKeys.of("step-up", begun.id()), LIFETIME)).orElse(false);
    }

    NewCookie clear() {
        return cookie.clear();
    }

    /** The same, for a response that quarkus-oidc builds. */
    io.vertx.core.http.Cookie clearForVertx() {
        NewCookie c = cookie.clear();
        return io.vertx.core.http.Cookie.cookie(c.getName(), "").setPath(c.getPath()).setMaxAge(0).setHttpOnly(true)
                .setSecure(c.isSecure()).setSameSite(io.vertx.core.http.CookieSameSite.LAX);
    }
}
