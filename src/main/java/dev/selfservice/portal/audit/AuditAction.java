package dev.selfservice.portal.audit;

import java.util.Locale;

/** What an audit event is about; its name in the log is the lower-case dotted form ({@code password.expired_change}). */
public enum AuditAction {
    SIGNIN,
    ENROLMENT_START,
    ENROLMENT_RESEND,
    ENROLMENT_CONFIRM,
    ENROLMENT_REMOVE,
    /** "Is this still yours?": a code sent to an existing contact, sent again, and entered. */
    ENROLMENT_RECONFIRM_START,
    ENROLMENT_RECONFIRM_RESEND,
    ENROLMENT_RECONFIRM,
    PASSWORD_CHANGE,
    PASSWORD_EXPIRED_CHANGE,
    /** A new password that could not be screened for breaches (breach/BreachScreen). */
    PASSWORD_SCREEN,
    RECOVERY_START,
    RECOVERY_RESEND,
    RECOVERY_CODE,
    RECOVERY_RESET,
    RECOVERY_UNBLOCK,
    NOTICE,
    /**
     * The enrolment nudge (nudge/NudgeResource): its page opened by a valid token, "later", a contact added, a contact
     * confirmed as still the employee's.
     */
    NUDGE_SHOWN,
    NUDGE_SNOOZED,
    NUDGE_ENROLLED,
    NUDGE_CONFIRMED,
    /** The helpdesk's steps: finding an employee, a verification code sent and entered, and each action. */
    HELPDESK_FIND,
    HELPDESK_CODE_SENT,
    HELPDESK_VERIFY,
    HELPDESK_REMOVE_CONTACT,
    HELPDESK_LIFT_PAUSE,
    HELPDESK_INVITE,
    /**
     * The coverage report's runs, by a member of the report groups: a reading of the directory started, and an
     * invitation run (started, stopped or ended, with its counts). They name the staff member, no employee.
     */
    REPORT_READING,
    REPORT_INVITATIONS;

    /** {@code password.expired_change}: the area, a dot, the step. */
    public String eventName() {
        String lower = name().toLowerCase(Locale.ROOT);
        int cut = lower.indexOf('_');
        return cut < 0 ? lower : lower.substring(0, cut) + "." + lower.substring(cut + 1);
    }
}
