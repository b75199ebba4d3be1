package dev.selfservice.portal.signin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.SealedCookie;

/**
 * A step-up: the employee enters the AD password again before changing what can recover the account. The portal
 * starts it ({@code POST /signin/again}, a CSRF form) with a sealed, single-use cookie, and only a sign-in that comes
 * back with that cookie, with an {@code auth_time} after it was made, counts. A copy of a session cookie therefore
 * cannot step up: that takes the password.
 */
@ApplicationScoped
public class StepUp {

    static final String COOKIE = "step_up";
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final SealedCookie cookie;
    private final StateStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public StepUp(CookieSeal seal, StateStore store, Clock clock) {
        // Lax, not Strict: it must come back with the top-level redirect from the sign-in page, another site
        this.cookie = seal.cookie(COOKIE, "/signin", NewCookie.SameSite.LAX);
        this.store = store;
        this.clock = clock;
    }

    /** The cookie that goes with the redirect to the sign-in. */
    NewCookie begin() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        Instant now = clock.instant();
        return cookie.write(now.plus(LIFETIME), HexFormat.of().formatHex(id), String.valueOf(now.getEpochSecond()));
    }

    /**
     * Whether the sign-in that came back finishes a step-up this browser began: the cookie opens, is young, has not
     * been used, and the password was entered after it was made.
     */
    boolean finish(String cookieValue, Instant authTime) {
        // auth_time has whole seconds, and the tenant's clock may be a little behind ours
        return cookie.openUnended(cookieValue, 2, f -> !authTime.isBefore(f.instant(1).minusSeconds(5)) ? f.get(0) : null)
                .map(id -> store.claim(StateKeys.of("step-up", id), LIFETIME)).orElse(false);
    }

    NewCookie clear() {
        return cookie.clear();
    }
}
