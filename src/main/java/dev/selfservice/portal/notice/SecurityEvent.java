package dev.selfservice.portal.notice;

/** What the security mailbox hears of, once per kind per period ({@link SecurityNotices}). */
public enum SecurityEvent {
    PROTECTED_ACCOUNT_RECOVERY("A recovery was attempted for a protected account",
            "The recovery was refused; the employee was sent to the helpdesk."),
    WRONG_CODE_LIMIT("An enrolled contact met the wrong-code limit of all its recovery attempts together",
            "Further code attempts at that contact are refused for the rest of the hour."),
    SEND_LIMIT("An account or a contact met the limit of recovery codes sent",
            "No further codes are sent to it in the window."),
    RECOVERY_STARTS_FROM_ONE_ADDRESS("Many recovery starts came from one address",
            "Further recovery starts from that address are refused in the window."),
    /** Reserved for the helpdesk's actions, which do not report yet. */
    HELPDESK_ACTION("A helpdesk action was taken", "Recorded in the audit trail."),
    BREACH_SCREENING_SKIPPED("New passwords were not screened for breaches: the breach list could not be asked",
            "Handled as BREACH_WHEN_UNAVAILABLE says (accepted or refused), and audited.");

    final String subject;
    final String done;

    SecurityEvent(String subject, String done) {
        this.subject = subject;
        this.done = done;
    }
}
