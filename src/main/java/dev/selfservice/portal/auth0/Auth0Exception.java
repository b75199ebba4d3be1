package dev.selfservice.portal.auth0;

/**
 * Auth0 refused a call or could not be reached. It carries Auth0's own code ({@code error} of the Authentication API,
 * {@code errorCode} of the Management API) and status, never the request: no password, code or token ends up in a
 * message or a log line through it.
 */
public class Auth0Exception extends RuntimeException {

    /** The status when Auth0 did not answer in time or at all. */
    public static final int UNAVAILABLE = 0;

    private final int status;
    private final String error;

    public Auth0Exception(int status, String error, String description) {
        super("Auth0 " + (status == UNAVAILABLE ? "unavailable" : "HTTP " + status) + " " + error
                + (description == null ? "" : ": " + description), null, false, false);
        this.status = status;
        this.error = error == null ? "" : error;
    }

    public int status() {
        return status;
    }

    /** Auth0's error code: {@code invalid_grant}, {@code bad.email}, {@code inexistent_user}, ... */
    public String error() {
        return error;
    }

    public boolean unavailable() {
        return status == UNAVAILABLE || status >= 500;
    }

    public boolean rateLimited() {
        return status == 429;
    }
}
