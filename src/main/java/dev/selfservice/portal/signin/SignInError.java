package dev.selfservice.portal.signin;

import java.util.Locale;

/**
 * Why a sign-in came back with an error, read from the {@code error} and {@code error_description} that Auth0 put on
 * the callback. Auth0 words these differently per source (the connector's message, an error code, Lock's keys), so
 * each reason matches all the forms seen. The description itself is never shown: it comes from the URL, which anyone
 * can craft.
 */
public enum SignInError {
    BLOCKED(403),
    TOO_MANY_ATTEMPTS(429),
    PASSWORD_EXPIRED(401),
    PASSWORD_CHANGE_REQUIRED(401),
    ACCOUNT_LOCKED(403),
    ACCOUNT_DISABLED(403),
    ACCOUNT_EXPIRED(403),
    WRONG_CREDENTIALS(401),
    OTHER(401);

    private final int status;

    SignInError(int status) {
        this.status = status;
    }

    /**
     * Whether recovery or the expired-password page can help: not for an account an administrator blocked or
     * disabled, or whose account (not password) expired. Those get the helpdesk, and no code is offered that would
     * never come.
     */
    public boolean selfServiceCanHelp() {
        return this != BLOCKED && this != ACCOUNT_DISABLED && this != ACCOUNT_EXPIRED;
    }

    /** The HTTP status of the page that explains it. */
    public int status() {
        return status;
    }

    public static SignInError from(String error, String description) {
        String e = normalise(error);
        String d = normalise(description);
        String both = e + " " + d;
        if (d.contains("user is blocked")) {
            return BLOCKED;
        }
        if (e.equals("too_many_attempts") || d.contains("multiple consecutive")) {
            return TOO_MANY_ATTEMPTS;
        }
        if (both.contains("password_expired") || both.contains("password expired")) {
            return PASSWORD_EXPIRED;
        }
        if (both.contains("password_change_required") || both.contains("password change required")) {
            return PASSWORD_CHANGE_REQUIRED;
        }
        if (both.contains("account_locked") || both.contains("account locked")) {
            return ACCOUNT_LOCKED;
        }
        if (both.contains("account_disabled") || both.contains("account disabled")) {
            return ACCOUNT_DISABLED;
        }
        if (both.contains("account_expired") || both.contains("account expired")) {
            return ACCOUNT_EXPIRED;
        }
        if (e.equals("invalid_user_password") || d.contains("wrong email or password") || d.contains("wrong password")
                || d.contains("wrong username")) {
            return WRONG_CREDENTIALS;
        }
        return OTHER;
    }

    private static String normalise(String s) {
        // bounded, so that a crafted URL cannot make matching expensive
        String t = s == null ? "" : s.length() > 512 ? s.substring(0, 512) : s;
        return t.toLowerCase(Locale.ROOT).trim();
    }
}
