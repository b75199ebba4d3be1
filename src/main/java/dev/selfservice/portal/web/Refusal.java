package dev.selfservice.portal.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A step the portal will not carry out, for a reason the employee is told: the one type for every feature's expected
 * refusals. Each {@link Reason} has the HTTP status of the page that explains it and its text in the message bundle
 * (a {@link Messages} method), so that a page needs no table of its own; {@link Refusals#explain} gives the words.
 * Unless the reason says otherwise, nothing was changed.
 */
public class Refusal extends Exception {

    /**
     * The words a reason may need besides its own: the helpdesk, the password rules, and the forms of a username the
     * portal takes (empty where the refusal did not give them).
     */
    public record Words(String helpdesk, int minLength, int maxLength, String directoryRules, String usernameForms) {
    }

    @FunctionalInterface
    interface Text {
        String in(Messages msg, Words words);
    }

    /**
     * Where a refusal leaves the employee: on the same step, which can be tried again with what the employee holds
     * (the code, the proof, the pending enrolment, the password form), or back at the start of the flow, which drops
     * that state. Declared once per {@link Reason}, so that no handler decides it again.
     */
    public enum Step {
        /** The step's page again, with the reason: a wrong code may be typed again, a wait may pass, a rule be met. */
        STAYS,
        /** What the employee held no longer takes them further: the flow starts again (or the list is shown). */
        ENDS
    }

    public enum Reason {
        // input
        INVALID_EMAIL(400, Step.ENDS, (m, w) -> m.refused_invalid_email()),
        INVALID_PHONE(400, Step.ENDS, (m, w) -> m.refused_invalid_phone()),
        /** The email form posted empty: not an address that is wrong, one that is missing. */
        EMAIL_MISSING(400, Step.ENDS, (m, w) -> m.refused_email_missing()),
        PHONE_MISSING(400, Step.ENDS, (m, w) -> m.refused_phone_missing()),
        /** No username, or none a person could have (too long, control characters): recovery and the expired page. */
        USERNAME_MISSING(400, Step.ENDS, (m, w) -> m.username_missing()),
        /**
         * An email address of a domain that is none of the work domain's UPN suffixes, typed as the username: judged
         * from the typed text alone, never from whether an account exists.
         */
        USERNAME_PERSONAL_EMAIL(400, Step.ENDS, (m, w) -> m.username_personal_email(w.usernameForms())),
        RECOVERY_CONTACT_MISSING(400, Step.ENDS, (m, w) -> m.recovery_contact_missing()),
        /** Neither an email address (with its domain) nor a phone number. */
        RECOVERY_CONTACT_INVALID(400, Step.ENDS, (m, w) -> m.recovery_contact_invalid()),
        // the helpdesk
        /** The helpdesk's search found no one by that exact username or work email. */
        NO_SUCH_EMPLOYEE(404, Step.ENDS, (m, w) -> m.helpdesk_no_such_employee()),
        /** Helpdesk staff do not act on their own account: a colleague does (separation of duties). */
        HELPDESK_OWN_ACCOUNT(403, Step.ENDS, (m, w) -> m.helpdesk_own_account()),
        /** Another staff member's account: helped by IT's administrators, not at the helpdesk page. */
        HELPDESK_STAFF_ACCOUNT(403, Step.ENDS, (m, w) -> m.helpdesk_staff_account()),
        /**
         * A form of the helpdesk page made for another employee than the open case's (a tab left open while another
         * employee was found): nothing is done to the case's employee on a form meant for someone else.
         */
        HELPDESK_OTHER_CASE(409, Step.ENDS, (m, w) -> m.helpdesk_other_case()),
        /** An action that needs the caller verified by a code, without (or after) that verification. */
        CALLER_NOT_VERIFIED(403, Step.ENDS, (m, w) -> m.helpdesk_not_verified()),
        HELPDESK_REASON_MISSING(400, Step.STAYS, (m, w) -> m.helpdesk_reason_missing()),
        /** The same, on the invitation's own form (the page's other reason field belongs to the verified actions). */
        INVITATION_REASON_MISSING(400, Step.STAYS, (m, w) -> m.helpdesk_reason_missing()),
        INVITATION_ALREADY_SENT(429, Step.ENDS, (m, w) -> m.helpdesk_invitation_already_sent()),
        // one-time codes
        NO_PENDING(400, Step.ENDS, (m, w) -> m.refused_no_pending()),
        /** Recovery's: no code waits for this browser (never asked here, or asked over an hour ago). */
        NO_RECOVERY_CODE_WAITING(400, Step.ENDS, (m, w) -> m.recovery_no_code_waiting()),
        WRONG_CODE(400, Step.STAYS, (m, w) -> m.refused_wrong_code()),
        /**
         * A wrong code in a step that sent a newer code: the portal cannot tell a replaced code from a mistyped one, so
         * it says both.
         */
        WRONG_OR_REPLACED_CODE(400, Step.STAYS, (m, w) -> m.refused_wrong_or_replaced_code()),
        /** A wrong code that was the code's last try at Auth0 (three): the code no longer works, a new one is needed. */
        CODE_USED_UP(400, Step.STAYS, (m, w) -> m.refused_code_used_up()),
        /** A wrong code that was the employee's last try before the wait (said with its end, see {@link Refusals}). */
        WRONG_CODE_LAST_TRY(400, Step.STAYS, (m, w) -> m.refused_wrong_code_last_try(w.helpdesk())),
        /** Nothing typed in the code field: nothing goes to Auth0, no try is spent. */
        CODE_MISSING(400, Step.STAYS, (m, w) -> m.refused_code_missing()),
        /** Not six digits: never a code, so nothing goes to Auth0 and no try is spent. */
        CODE_MALFORMED(400, Step.STAYS, (m, w) -> m.refused_code_malformed()),
        /** The code's time is over: its page says so and sends a new one for what was typed. */
        CODE_EXPIRED(400, Step.STAYS, (m, w) -> m.refused_code_expired()),
        RESEND_TOO_SOON(429, Step.STAYS, (m, w) -> m.refused_resend_too_soon()),
        // limits
        TOO_MANY_CODES(429, Step.STAYS, (m, w) -> m.refused_too_many_codes()),
        TOO_MANY_RECOVERY_REQUESTS(429, Step.ENDS, (m, w) -> m.recovery_too_many_requests()),
        /** The reset page was shown as often as one proof allows; the proof still holds for the reset itself. */
        TOO_MANY_PROOF_VIEWS(429, Step.STAYS, (m, w) -> m.recovery_too_many_requests()),
        TOO_MANY_WRONG_CODES(429, Step.ENDS, (m, w) -> m.recovery_too_many_wrong()),
        TOO_MANY_PASSWORD_TRIES(429, Step.ENDS, (m, w) -> m.password_too_many_tries()),
        TOO_MANY_PASSWORD_CHECKS(429, Step.STAYS, (m, w) -> m.password_too_many_checks()),
        // enrolment
        TOO_MANY_CONTACTS(409, Step.ENDS, (m, w) -> m.refused_too_many_contacts()),
        ALREADY_YOURS(409, Step.ENDS, (m, w) -> m.refused_already_yours()),
        WORK_ADDRESS(400, Step.ENDS, (m, w) -> m.refused_work_address()),
        ADDRESS_MISMATCH(400, Step.ENDS, (m, w) -> m.refused_address_mismatch()),
        LINKED_ELSEWHERE(409, Step.ENDS, (m, w) -> m.refused_linked_elsewhere(w.helpdesk())),
        NOT_YOURS(404, Step.ENDS, (m, w) -> m.refused_not_yours()),
        ADDRESS_REFUSED_BY_AUTH0(400, Step.STAYS, (m, w) -> m.refused_auth0_address()),
        /** The code was used, but the link failed and was undone: a new code is needed. */
        CONTACT_NOT_ADDED(503, Step.STAYS, (m, w) -> m.refused_contact_not_added()),
        /** Auth0's answer to adding or removing a contact was lost, and reading the account did not tell. */
        CONTACT_NOT_CONFIRMED(504, Step.ENDS, (m, w) -> m.refused_contact_not_confirmed()),
        // recovery
        HELPDESK_ONLY(403, Step.ENDS, (m, w) -> m.recovery_helpdesk(w.helpdesk())),
        PROOF_INVALID(400, Step.ENDS, (m, w) -> m.recovery_proof_invalid()),
        /** The proof is spent because an earlier reset with it may have gone through, unconfirmed. */
        PROOF_USED_BY_AN_UNCONFIRMED_RESET(409, Step.ENDS, (m, w) -> m.recovery_proof_unconfirmed()),
        // passwords
        PASSWORD_EMPTY(400, Step.STAYS, (m, w) -> m.rejected_empty()),
        PASSWORD_TOO_SHORT(400, Step.STAYS, (m, w) -> m.rejected_too_short(w.minLength())),
        PASSWORD_TOO_LONG(400, Step.STAYS, (m, w) -> m.rejected_too_long(w.maxLength())),
        PASSWORD_MISMATCH(400, Step.STAYS, (m, w) -> m.rejected_mismatch()),
        CONFIRMATION_MISSING(400, Step.STAYS, (m, w) -> m.rejected_confirmation_missing()),
        CURRENT_PASSWORD_MISSING(400, Step.STAYS, (m, w) -> m.password_current_missing()),
        PASSWORD_SAME_AS_CURRENT(400, Step.STAYS, (m, w) -> m.rejected_same()),
        PASSWORD_NOT_COMPLEX(400, Step.STAYS, (m, w) -> m.rejected_not_complex()),
        PASSWORD_CONTAINS_NAME(400, Step.STAYS, (m, w) -> m.rejected_contains_name()),
        PASSWORD_TOO_GUESSABLE(400, Step.STAYS, (m, w) -> m.rejected_guessable()),
        /** Its NFKC form is far longer than itself (U+FDFA is 18 letters): too costly to measure, and no one types it. */
        PASSWORD_BALLOONS(400, Step.STAYS, (m, w) -> m.rejected_balloons()),
        /** The strength estimate ran out of its time budget. */
        PASSWORD_NOT_JUDGED(400, Step.STAYS, (m, w) -> m.rejected_not_judged()),
        /** Known from a data breach (breach/BreachScreen). */
        PASSWORD_BREACHED(400, Step.STAYS, (m, w) -> m.rejected_breached()),
        /** The breach list could not be asked and the setting says refuse: the same step may work in a few minutes. */
        BREACH_CHECK_UNAVAILABLE(503, Step.STAYS, (m, w) -> m.breach_check_unavailable()),
        WRONG_CURRENT_PASSWORD(401, Step.ENDS, (m, w) -> m.password_wrong_current()),
        ACCOUNT_LOCKED(403, Step.ENDS, (m, w) -> m.password_locked()),
        ACCOUNT_REFUSED(403, Step.ENDS, (m, w) -> m.password_account_refused(w.helpdesk())),
        DIRECTORY_REFUSED(400, Step.STAYS, (m, w) -> m.password_directory_refused(w.directoryRules())),
        /** The one answer of the expired-password page for every outcome but success. */
        PASSWORD_NOT_CHANGED(400, Step.ENDS, (m, w) -> m.password_not_changed()),
        /** Auth0's answer to setting the password was lost, and reading the account did not tell. */
        PASSWORD_NOT_CONFIRMED(504, Step.STAYS, (m, w) -> m.password_not_confirmed()),
        /** A change whose answer was lost may still land: no other change until it has settled. */
        PASSWORD_CHANGE_SETTLING(409, Step.STAYS, (m, w) -> m.password_change_settling()),
        /** The one-time code went to Auth0 but no answer came back: it may be used up. */
        CODE_NOT_CONFIRMED(503, Step.STAYS, (m, w) -> m.refused_code_not_confirmed()),
        // Auth0 itself
        AUTH0_RATE_LIMITED(429, Step.STAYS, (m, w) -> m.refused_rate_limited()),
        AUTH0_UNAVAILABLE(503, Step.STAYS, (m, w) -> m.refused_unavailable());

        private final int status;
        private final Step step;
        private final Text text;

        Reason(int status, Step step, Text text) {
            this.status = status;
            this.step = step;
            this.text = text;
        }

        /** Whether the employee stays on the step that was refused (see {@link Step}). */
        public boolean staysOnTheStep() {
            return step == Step.STAYS;
        }

        public int status() {
            return status;
        }

        String text(Messages msg, Words words) {
            return text.in(msg, words);
        }

        /** The id of the form field the refusal is about, if one: the page marks it and links to it. */
        public String field() {
            return switch (this) {
                case INVALID_EMAIL, EMAIL_MISSING, WORK_ADDRESS -> "email";
                case INVALID_PHONE, PHONE_MISSING -> "phone";
                case USERNAME_MISSING, USERNAME_PERSONAL_EMAIL -> "username";
                case RECOVERY_CONTACT_MISSING, RECOVERY_CONTACT_INVALID -> "contact";
                case WRONG_CODE, WRONG_OR_REPLACED_CODE, CODE_USED_UP, WRONG_CODE_LAST_TRY, CODE_MISSING, CODE_MALFORMED,
                        CODE_EXPIRED -> "code";
                case HELPDESK_REASON_MISSING -> "reason";
                case INVITATION_REASON_MISSING -> "invite-reason";
                case PASSWORD_EMPTY, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_SAME_AS_CURRENT,
                        PASSWORD_NOT_COMPLEX, PASSWORD_CONTAINS_NAME, PASSWORD_TOO_GUESSABLE, PASSWORD_BALLOONS, PASSWORD_NOT_JUDGED,
                        PASSWORD_BREACHED,
                        DIRECTORY_REFUSED -> "password";
                case PASSWORD_MISMATCH, CONFIRMATION_MISSING -> "confirm";
                case WRONG_CURRENT_PASSWORD, CURRENT_PASSWORD_MISSING -> "current";
                case PASSWORD_NOT_CHANGED -> "current";
                default -> null;
            };
        }

        /**
         * Auth0 (or the breach list) was busy or did not answer: the same step may work in a minute, with what the
         * employee holds.
         */
        public boolean isTransient() {
            return this == AUTH0_RATE_LIMITED || this == AUTH0_UNAVAILABLE || this == BREACH_CHECK_UNAVAILABLE;
        }
    }

    private final List<Reason> reasons;
    /** For a limit met: when it has room again, for the page to say. */
    private final java.time.Instant until;
    /** For a wrong code: the tries left before a limit's wait, for the page to say. */
    private final Integer triesLeft;
    /** Whether {@link #triesLeft} are the code's own (Auth0 ends a code at its third wrong try), fewer than the wait's. */
    private final boolean triesOfTheCode;
    /** For a username in a form the portal does not take: the forms it does take, for the page to say. */
    private final String usernameForms;

    public Refusal(Reason reason) {
        this(List.of(reason), null, null, false, null);
    }

    private Refusal(List<Reason> reasons, java.time.Instant until, Integer triesLeft, boolean triesOfTheCode,
            String usernameForms) {
        super(reasons.stream().map(Reason::name).collect(Collectors.joining(",")), null, false, false);
        this.reasons = List.copyOf(reasons);
        this.until = until;
        this.triesLeft = triesLeft;
        this.triesOfTheCode = triesOfTheCode;
        this.usernameForms = usernameForms;
    }

    /** A refusal as it was made, from what a {@link RefusedForm} kept of it for the page that shows it. */
    static Refusal restored(List<Reason> reasons, java.time.Instant until, Integer triesLeft, boolean triesOfTheCode,
            String usernameForms) {
        return new Refusal(reasons, until, triesLeft, triesOfTheCode, usernameForms);
    }

    /** The same refusal, saying which forms of a username the portal takes ("jdoe, jdoe@corp.example"). */
    public Refusal withUsernameForms(String forms) {
        return new Refusal(reasons, until, triesLeft, triesOfTheCode, forms);
    }

    public String usernameForms() {
        return usernameForms == null ? "" : usernameForms;
    }

    /** A limit met, which has room again at {@code until} (empty: not known). */
    public static Refusal until(Reason reason, java.util.Optional<java.time.Instant> until) {
        return new Refusal(List.of(reason), until.orElse(null), null, false, null);
    }

    /** A try refused, with so many tries left before a limit's wait. */
    public static Refusal triesLeft(Reason reason, int triesLeft) {
        return new Refusal(List.of(reason), null, triesLeft, false, null);
    }

    /**
     * A wrong code, said as what it leaves: the employee's last try before the wait (until when), the code's last
     * try at Auth0 (send a new one), or so many tries left, the fewer of the wait's and the code's own.
     *
     * @param replaced whether the step sent a newer code, which ended the earlier ones
     */
    public static Refusal wrongCode(int portalTriesLeft, int codeTriesLeft, boolean replaced,
            java.util.Optional<java.time.Instant> waitEnds) {
        if (portalTriesLeft <= 0) {
            return new Refusal(List.of(Reason.WRONG_CODE_LAST_TRY), waitEnds.orElse(null), null, false, null);
        }
        if (codeTriesLeft <= 0) {
            return new Refusal(Reason.CODE_USED_UP);
        }
        Reason reason = replaced ? Reason.WRONG_OR_REPLACED_CODE : Reason.WRONG_CODE;
        return codeTriesLeft < portalTriesLeft ? new Refusal(List.of(reason), null, codeTriesLeft, true, null)
                : new Refusal(List.of(reason), null, portalTriesLeft, false, null);
    }

    /**
     * A form refused for every reason found in it at once (each about its own field, in the order of the form), so
     * that the employee fixes all in one go: the first decides the status and the step.
     */
    public static Refusal all(List<Reason> reasons) {
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        return new Refusal(reasons, null, null, false, null);
    }

    /** The first reason, which decides the status and whether the employee stays on the step. */
    public Reason reason() {
        return reasons.get(0);
    }

    /** Every reason, in the order of the form's fields. */
    public List<Reason> reasons() {
        return reasons;
    }

    public java.util.Optional<java.time.Instant> until() {
        return java.util.Optional.ofNullable(until);
    }

    public java.util.OptionalInt triesLeft() {
        return triesLeft == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(triesLeft);
    }

    /** Whether the tries left are the code's own rather than those before the wait. */
    public boolean triesOfTheCode() {
        return triesOfTheCode;
    }

    public int status() {
        return reason().status();
    }

    /** The refusal for Auth0 being busy (429) or failing (5xx, no answer). */
    public static Refusal auth0(boolean rateLimited) {
        return new Refusal(rateLimited ? Reason.AUTH0_RATE_LIMITED : Reason.AUTH0_UNAVAILABLE);
    }
}
