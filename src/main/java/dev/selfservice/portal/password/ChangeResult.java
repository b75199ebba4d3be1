package dev.selfservice.portal.password;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.web.CookieSeal;
import io.quarkus.runtime.LaunchMode;

/**
 * What lets {@code /password/changed} say "Your password was changed": a sealed, short-lived cookie set by the
 * change itself, so that the page is shown after a change (and on its reload) but not to whoever opens its address.
 */
@ApplicationScoped
class ChangeResult {

    static final String COOKIE = "password_changed";
    /** How long the result page can be reloaded after the change. */
    private static final Duration SHOWN_FOR = Duration.ofMinutes(5);

    private final CookieSeal seal;
    private final Clock clock;
    private final boolean secure = LaunchMode.current() == LaunchMode.NORMAL;

    ChangeResult(CookieSeal seal, Clock clock) {
        this.seal = seal;
        this.clock = clock;
    }

    NewCookie changed() {
        String until = String.valueOf(clock.instant().plus(SHOWN_FOR).getEpochSecond());
        // Lax: after a signed-in change it comes back through the sign-out at Auth0, a top-level redirect
        return new NewCookie.Builder(COOKIE).value(seal.seal(COOKIE, until)).path(ChangedResource.PATH)
                .maxAge((int) SHOWN_FOR.toSeconds()).httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.LAX).build();
    }

    boolean shows(String value) {
        return seal.open(COOKIE, value).map(until -> {
            try {
                return clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(until)));
            } catch (NumberFormatException e) {
                return false;
            }
        }).orElse(false);
    }
}
