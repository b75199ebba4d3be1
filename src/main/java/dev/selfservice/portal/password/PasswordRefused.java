package dev.selfservice.portal.password;

import java.util.Optional;

/** A password change that did not happen, and why. The password stays what it was. */
public class PasswordRefused extends Exception {

    /** The reasons, each with the status of the page that explains it. */
    public enum Reason {
        /** The new password fails the portal's policy (see the rejection). */
        POLICY(400),
        /** The current password is wrong (signed-in change only). */
        WRONG_CURRENT(401),
        /** The account is locked or blocked by brute-force protection. */
        LOCKED(403),
        /** The directory or Auth0 refused the account for another reason. */
        ACCOUNT_REFUSED(403),
        /** The directory refused the new password (complexity, history, length, minimum age). */
        DIRECTORY_REFUSED(400),
        /** The one answer of the expired-password page for every outcome but success. */
        NOT_CHANGED(400),
        /** Too many tries for a username on the expired-password page: it would soon lock the account. */
        TOO_MANY_TRIES(429),
        RATE_LIMITED(429),
        UNAVAILABLE(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final PasswordPolicy.Rejection rejection;

    public PasswordRefused(Reason reason) {
        this(reason, null);
    }

    public PasswordRefused(Reason reason, PasswordPolicy.Rejection rejection) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.rejection = rejection;
    }

    public Reason reason() {
        return reason;
    }

    public Optional<PasswordPolicy.Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }
}
