package dev.selfservice.portal.recovery;

/** A recovery step that cannot go on, for a reason the employee is told. Nothing was changed. */
public class RecoveryRefused extends Exception {

    /** The reasons, each with the status of its page. */
    public enum Reason {
        INVALID_INPUT(400), TOO_MANY_REQUESTS(429), NO_PENDING(400), WRONG_CODE(400), CODE_EXPIRED(400),
        TOO_MANY_WRONG_CODES(429), RESEND_TOO_SOON(429), BLOCKED(403), PROTECTED(403), PROOF_INVALID(400),
        POLICY(400), DIRECTORY_REFUSED(400), RATE_LIMITED(429), UNAVAILABLE(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final dev.selfservice.portal.password.PasswordRefused policy;

    public RecoveryRefused(Reason reason) {
        this(reason, null);
    }

    public RecoveryRefused(Reason reason, dev.selfservice.portal.password.PasswordRefused policy) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.policy = policy;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#POLICY}: the policy's refusal, with its words. */
    public dev.selfservice.portal.password.PasswordRefused policy() {
        return policy;
    }
}
