package dev.selfservice.portal.auth0;

/**
 * Auth0 refused a call or gave no answer. Its fields are what Auth0 said (status, {@code error} of the Authentication
 * API or {@code errorCode} of the Management API), and its class says what kind of failure it
 * was, so that callers and the fault-tolerance strategies decide on types, never on the words of a message. It never
 * carries the request: no password, code or token ends up in a message or a log line through it.
 */
public abstract sealed class Auth0Exception extends RuntimeException
        permits Auth0Exception.Refused, Auth0Exception.RateLimited, Auth0Exception.Failed, Auth0Exception.NoAnswer {

    /** The status when Auth0 gave no answer. */
    public static final int NO_STATUS = 0;

    private final int status;
    private final String error;

    private Auth0Exception(int status, String error) {
        super("Auth0 " + (status == NO_STATUS ? "gave no answer" : "HTTP " + status) + " " + error, null, false, false);
        this.status = status;
        this.error = error == null ? "" : error;
    }

    /** The exception for an answer with this status. */
    public static Auth0Exception of(int status, String error) {
        if (status == 429) {
            return new RateLimited(error);
        }
        return status >= 500 ? new Failed(status, error) : new Refused(status, error);
    }

    public int status() {
        return status;
    }

    /** Auth0's error code: {@code invalid_grant}, {@code bad.email}, {@code inexistent_user}, ... */
    public String error() {
        return error;
    }

    /** Auth0 could not do it now (5xx, no answer, the circuit open): it may work in a minute. */
    public boolean unavailable() {
        return this instanceof Failed || this instanceof NoAnswer;
    }

    public boolean rateLimited() {
        return this instanceof RateLimited;
    }

    /**
     * Whether a write may have been carried out although the portal did not get a success: the answer was lost after
     * the request went out (a timeout), or was a server error other than 503 (a 500 or a proxy's 502/504 can come
     * after the work was done; Auth0 does not document otherwise: unverified, so the safer reading). The caller
     * reads what happened instead of assuming. A 4xx (429 included) or a 503 is Auth0 declining to do it.
     */
    public boolean mayHaveActed() {
        return this instanceof Failed && status() != 503 || this instanceof NoAnswer n && n.afterSending;
    }

    /** Auth0 answered that it will not do it (4xx but 429): wrong password, unknown user, conflict, bad request. */
    public static final class Refused extends Auth0Exception {
        Refused(int status, String error) {
            super(status, error);
        }
    }

    /** 429: Auth0's rate limit, or its brute-force protection ({@code too_many_attempts}) for one user. */
    public static final class RateLimited extends Auth0Exception {
        RateLimited(String error) {
            super(429, error);
        }
    }

    /** 5xx: Auth0 failed. */
    public static final class Failed extends Auth0Exception {
        Failed(int status, String error) {
            super(status, error);
        }
    }

    /** No answer: a timeout, a connection that failed, or the circuit breaker keeping calls from an unwell Auth0. */
    public static final class NoAnswer extends Auth0Exception {
        private final boolean afterSending;

        NoAnswer(String what, boolean afterSending) {
            super(NO_STATUS, what);
            this.afterSending = afterSending;
        }
    }
}
