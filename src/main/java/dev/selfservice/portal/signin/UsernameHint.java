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

    /**
     * What the hint says: the username, why its last sign-in failed (where the portal saw that), and whether it is for
     * the sign-in page alone (after a password was changed or reset).
     */
    public record Hint(String username, Optional<SignInError> lastFailure, boolean signInOnly) {

        /** Whether the directory said this username's account is locked, so that lifting Auth0's pause alone cannot help. */
        public boolean directorySaysLocked(String forUsername) {
            return username.equalsIgnoreCase(forUsername) && lastFailure.filter(f -> f == SignInError.ACCOUNT_LOCKED).isPresent();
        }
    }

    /**
     * What the cookie holds: the username, why its last sign-in failed (null where the portal did not see it), and
     * whether it may fill only the sign-in page.
     */
    @RegisterForReflection(registerFullHierarchy = true)
    record Carried(String username, SignInError lastFailure, boolean signInOnly) {
    }

    // version 2: signInOnly
    static final StateKind<Carried> KIND = new StateKind<>(COOKIE, 2, Carried.class);

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
     * domain is carried as typed. One that forgets any earlier hint if it is not plausible.
     */
    public NewCookie remember(String username) {
        return carry(username, false);
    }

    /**
     * After a password was changed or reset: the sign-in that follows starts with the username, but no other page is
     * filled with it. On a shared phone the next person who opens "forgot your password" must not find the previous
     * one's username there for the next 15 minutes.
     */
    public NewCookie rememberForSignIn(String username) {
        return carry(username, true);
    }

    private NewCookie carry(String username, boolean signInOnly) {
        return plausible(username)
                ? cookie(usernames.signInName(username).orElse(username.strip()), Optional.empty(), signInOnly)
                : forget();
    }

    /** The same hint, now also saying why its sign-in failed. */
    NewCookie failed(Hint hint, SignInError why) {
        return cookie(hint.username(), Optional.of(why), hint.signInOnly());
    }

    public Optional<Hint> read(String value) {
        return cookie.openUnended(value).map(CookieSeal.Opened::state).filter(c -> c.username() != null)
                .map(c -> new Hint(c.username(), Optional.ofNullable(c.lastFailure()), c.signInOnly()));
    }

    /** The username to fill a page's field with, or an empty field (also for a hint meant for the sign-in alone). */
    public String usernameFrom(String value) {
        return read(value).filter(h -> !h.signInOnly()).map(Hint::username).orElse("");
    }

    NewCookie forget() {
        return cookie.clear();
    }

    private NewCookie cookie(String username, Optional<SignInError> why, boolean signInOnly) {
        return cookie.write(clock.instant().plus(LIFETIME), new Carried(username, why.orElse(null), signInOnly));
    }
}
