package dev.selfservice.portal.enrolment;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.SealedCookie;
import dev.selfservice.portal.web.StateKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The contact an employee typed when adding it first asked for the password again: kept (sealed, it is an address)
 * through the step-up, so that the contacts page it comes back to is filled with it, never in a URL. Bound to the
 * employee (the user id; the step-up ends the session it was typed in), and shown once.
 */
@ApplicationScoped
public class TypedContactCookie {

    public static final String NAME = "enrolment_typed";
    /** As long as a step-up may take (StepUp's lifetime). */
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    /** What the cookie holds: whose it is, and what was typed into which form. */
    @RegisterForReflection(registerFullHierarchy = true)
    record Typed(String userId, PasswordlessChannel channel, String value) {
    }

    static final StateKind<Typed> KIND = new StateKind<>(NAME, 1, Typed.class);

    private final SealedCookie<Typed> cookie;
    private final Clock clock;

    public TypedContactCookie(CookieSeal seal, Clock clock) {
        // Lax: it must come back with the redirects from the sign-in page, another site, to the contacts page
        this.cookie = seal.cookie(KIND, "/enrolment", NewCookie.SameSite.LAX);
        this.clock = clock;
    }

    public NewCookie write(String userId, PasswordlessChannel channel, String typed) {
        return cookie.write(clock.instant().plus(LIFETIME), new Typed(userId, channel, typed));
    }

    /** What {@code userId} typed, if this browser holds it for them. */
    public Optional<Typed> read(String value, String userId) {
        return value == null ? Optional.empty()
                : cookie.openUnended(value).map(CookieSeal.Opened::state).filter(t -> t.userId().equals(userId));
    }

    public NewCookie clear() {
        return cookie.clear();
    }
}
