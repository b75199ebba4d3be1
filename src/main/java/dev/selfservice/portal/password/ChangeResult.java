package dev.selfservice.portal.password;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.SealedCookie;
import dev.selfservice.portal.web.StateKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What lets {@code /password/changed} say "Your password was changed": a sealed, short-lived cookie set by the
 * change itself, so that the page is shown after a change (and on its reload) but not to whoever opens its address.
 */
@ApplicationScoped
class ChangeResult {

    static final String COOKIE = "password_changed";
    /** How long the result page can be reloaded after the change. */
    private static final Duration SHOWN_FOR = Duration.ofMinutes(5);

    /** What the cookie holds: nothing but that a change happened, and until when it may be shown. */
    @RegisterForReflection
    record Changed() {
    }

    static final StateKind<Changed> KIND = new StateKind<>(COOKIE, 1, Changed.class);

    private final SealedCookie<Changed> cookie;
    private final Clock clock;

    ChangeResult(CookieSeal seal, Clock clock) {
        // Lax: after a signed-in change it comes back through the sign-out at Auth0, a top-level redirect
        this.cookie = seal.cookie(KIND, ChangedResource.PATH, NewCookie.SameSite.LAX);
        this.clock = clock;
    }

    NewCookie changed() {
        return cookie.write(clock.instant().plus(SHOWN_FOR), new Changed());
    }

    boolean shows(String value) {
        return cookie.openUnended(value).isPresent();
    }
}
