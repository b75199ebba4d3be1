package dev.selfservice.portal.enrolment;

/** An enrolment step that cannot go on, for a reason the employee is told. Nothing was changed in Auth0. */
public class EnrolmentRefused extends Exception {

    /** The reasons, each with the HTTP status of the page that explains it. */
    public enum Reason {
        INVALID_EMAIL(400), INVALID_PHONE(400), TOO_MANY_CONTACTS(409), ALREADY_YOURS(409), TOO_MANY_CODES(429),
        RESEND_TOO_SOON(429), NO_PENDING(400), WRONG_CODE(400), CODE_EXPIRED(400), CODE_USED_UP(400),
        ADDRESS_MISMATCH(400), LINKED_ELSEWHERE(409), NOT_YOURS(404), AUTH0_REFUSED_ADDRESS(400),
        AUTH0_RATE_LIMITED(429), AUTH0_UNAVAILABLE(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;

    public EnrolmentRefused(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
