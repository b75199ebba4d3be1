package dev.selfservice.portal.auth0;

/**
 * What a one-time code was sent for. Auth0 binds a passwordless code to the contact alone, so a code the helpdesk had
 * sent (and the caller read out on the phone) would also prove the contact in a recovery someone else started: the
 * portal binds each code to the step that sent it, and a step takes only the newest code, if it sent it itself.
 */
public enum CodePurpose {
    /** Forgot the password, or locked out: the code that lets a new password be set. */
    RECOVERY,
    /** The helpdesk verifying a caller, who reads the code out. */
    HELPDESK,
    /** Adding a contact. */
    ENROLMENT,
    /** "Is this still yours?" for a contact already added. */
    RECONFIRMATION
}
