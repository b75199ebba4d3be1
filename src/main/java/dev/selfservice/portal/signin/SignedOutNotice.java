package dev.selfservice.portal.signin;

import java.util.Arrays;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import io.quarkus.runtime.LaunchMode;

/**
 * Tells the start page, once, that the employee was just signed out and why: they pressed "Sign out", or the
 * session ended on the server. The way out passes through the tenant's logout, whose return address is the start
 * page registered with Auth0, so the portal says it with a short-lived cookie instead of a new return address. The
 * cookie holds only the reason; a forged one can only make the start page say "you are signed out".
 */
@ApplicationScoped
public class SignedOutNotice {

    public static final String COOKIE = "signed_out";
    private static final int FIVE_MINUTES = 300;

    public enum Why {
        /** The employee signed out. */
        YOU,
        /** The session ended on the server (idle, too old, a password changed, a sign-out elsewhere). */
        ENDED;
    }

    /** As the portal's other cookies: secure outside dev and test. */
    private final boolean secure = LaunchMode.current() == LaunchMode.NORMAL;

    NewCookie set(Why why) {
        return cookie(why.name().toLowerCase(java.util.Locale.ROOT), FIVE_MINUTES);
    }

    public Optional<Why> read(String value) {
        return Arrays.stream(Why.values()).filter(w -> w.name().equalsIgnoreCase(String.valueOf(value))).findFirst();
    }

    public NewCookie clear() {
        return cookie("", 0);
    }

    private NewCookie cookie(String value, int maxAge) {
        // Lax: it must come back with the top-level redirect from the tenant's logout, which is another site
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
