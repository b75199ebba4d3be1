package dev.selfservice.portal.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.SealedCookie;
import dev.selfservice.portal.web.StateKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The username an employee typed on the portal's start page, carried (sealed, for a few minutes) into the sign-in
 * page as {@code login_hint} and, when the sign-in fails, into the next step: the recovery and expired-password pages
 * are filled with it. Auth0 sends no username back with a failed sign-in, so the portal can only carry what it was
 * given itself. It also remembers why that sign-in failed, so that the recovery does not offer to lift Auth0's pause
 * when the directory has said the account is locked: only a new password unlocks that.
 *
 * <p>A hint is never trusted for anything but filling a field: every step still asks for and checks the username.
 */
@ApplicationScoped
public class UsernameHint {

    public static final String COOKIE = "username_hint";
    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final int MAX_LENGTH = 256;

    /** What the hint says: the username, and why its last sign-in failed, where the portal saw that. */
    public record Hint(String username, Optional<SignInError> lastFailure) {

        /** Whether the directory said this username's account is locked, so that lifting Auth0's pause alone cannot help. */
        public boolean directorySaysLocked(String forUsername) {
            return username.equalsIgnoreCase(forUsername) && lastFailure.filter(f -> f == SignInError.ACCOUNT_LOCKED).isPresent();
        }
    }

    /** What the cookie holds: the username, and why its last sign-in failed (null where the portal did not see it). */
    @RegisterForReflection(registerFullHierarchy = true)
    record Carried(String username, SignInError lastFailure) {
    }

    static final StateKind<Carried> KIND = new StateKind<>(COOKIE, 1, Carried.class);

    private final SealedCookie<Carried> cookie;
    private final Clock clock;
    private final AdUsername usernames;

    public UsernameHint(CookieSeal seal, Clock clock, AdUsername usernames) {
        this.usernames = usernames;
        // Lax: it must come back with the top-level redirect from the sign-in page, which is another site
        this.cookie = seal.cookie(KIND, "/", NewCookie.SameSite.LAX);
        this.clock = clock;
    }

    /** A username worth carrying: present, short, and without characters no username has. */
    static boolean plausible(String username) {
        return username != null && !username.isBlank() && username.length() <= MAX_LENGTH
                && username.chars().noneMatch(c -> Character.isISOControl(c));
    }

    /**
     * The cookie that carries {@code username} as the AD connection signs in with it ({@code CORP\erin} as
     * {@code erin}), so that the sign-in page and the next step are filled with a name they take; a form of another
     * domain is carried as typed. One that forgets any earlier hint if it is not plausible. Also set after a password
     * was changed or reset, so that the sign-in that follows starts with the username.
     */
    public NewCookie remember(String username) {
        return plausible(username) ? cookie(usernames.signInName(username).orElse(username.strip()), Optional.empty())
                : forget();
    }

    /** The same hint, now also saying why its sign-in failed. */
    NewCookie failed(Hint hint, SignInError why) {
        return cookie(hint.username(), Optional.of(why));
    }

    public Optional<Hint> read(String value) {
        return cookie.openUnended(value).map(CookieSeal.Opened::state).filter(c -> c.username() != null)
                .map(c -> new Hint(c.username(), Optional.ofNullable(c.lastFailure())));
    }

    /** The username to fill a field with, or an empty field. */
    public String usernameFrom(String value) {
        return read(value).map(Hint::username).orElse("");
    }

    NewCookie forget() {
        return cookie.clear();
    }

    private NewCookie cookie(String username, Optional<SignInError> why) {
        return cookie.write(clock.instant().plus(LIFETIME), new Carried(username, why.orElse(null)));
    }
}
