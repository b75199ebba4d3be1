package dev.selfservice.portal.audit;

import dev.selfservice.portal.web.Refusal;

/** How an audited step ended. */
public enum AuditOutcome {
    SUCCESS,
    /** Refused for a reason of the request itself: a wrong code, a weak password, a proof already used. */
    REFUSED,
    /** Refused by a limit (codes, tries, requests): what a security team watches for attacks. */
    THROTTLED,
    /** Self-service cannot help this account: the employee is sent to the helpdesk. */
    HELPDESK_ONLY,
    /** Auth0, the directory, the store or a mail relay failed or did not answer. */
    FAILED;

    /** The outcome a refusal stands for. */
    public static AuditOutcome of(Refusal.Reason reason) {
        if (reason.name().startsWith("TOO_MANY_") && reason != Refusal.Reason.TOO_MANY_CONTACTS) {
            return THROTTLED;
        }
        if (reason == Refusal.Reason.HELPDESK_ONLY || reason == Refusal.Reason.ACCOUNT_REFUSED) {
            return HELPDESK_ONLY;
        }
        return reason.status() >= 500 || reason == Refusal.Reason.AUTH0_RATE_LIMITED ? FAILED : REFUSED;
    }
}
