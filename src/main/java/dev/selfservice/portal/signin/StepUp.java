package dev.selfservice.portal.signin;

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
import io.quarkus.runtime.LaunchMode;

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

    private final CookieSeal seal;
    private final StateStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final boolean secure = LaunchMode.current() == LaunchMode.NORMAL;

    public StepUp(CookieSeal seal, StateStore store, Clock clock) {
        this.seal = seal;
        this.store = store;
        this.clock = clock;
    }

    /** The cookie that goes with the redirect to the sign-in. */
    NewCookie begin() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String plain = HexFormat.of().formatHex(id) + "\n" + clock.instant().getEpochSecond();
        return cookie(seal.seal(COOKIE, plain), (int) LIFETIME.toSeconds());
    }

    /**
     * Whether the sign-in that came back finishes a step-up this browser began: the cookie opens, is young, has not
     * been used, and the password was entered after it was made.
     */
    boolean finish(String cookieValue, Instant authTime) {
        Optional<String[]> parts = seal.open(COOKIE, cookieValue).map(p -> p.split("\n"));
        if (parts.isEmpty() || parts.get().length != 2) {
            return false;
        }
        Instant begun;
        try {
            begun = Instant.ofEpochSecond(Long.parseLong(parts.get()[1]));
        } catch (NumberFormatException e) {
            return false;
        }
        Instant now = clock.instant();
        // auth_time has whole seconds, and the tenant's clock may be a little behind ours
        return now.isBefore(begun.plus(LIFETIME)) && !authTime.isBefore(begun.minusSeconds(5))
                && store.claim(StateKeys.of("step-up", parts.get()[0]), LIFETIME);
    }

    NewCookie clear() {
        return cookie("", 0);
    }

    private NewCookie cookie(String value, int maxAge) {
        // Lax, not Strict: it must come back with the top-level redirect from the sign-in page, another site
        return new NewCookie.Builder(COOKIE).value(value).path("/signin").maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
