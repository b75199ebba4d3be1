package dev.selfservice.portal.notice;

/**
 * The security actions the employee is told of by email, so that an action they did not take (someone with their
 * personal mailbox resetting the AD password, say) does not go unnoticed until the old password stops working.
 */
public enum NoticeKind {
    /** Signed in, with the current password. */
    PASSWORD_CHANGED,
    /** On the expired-password page, with the expired one. */
    EXPIRED_PASSWORD_CHANGED,
    /** Through recovery, with a code sent to a recovery contact. */
    PASSWORD_RESET,
    /** Through recovery: Auth0's pause on sign-in after many wrong passwords lifted. */
    PAUSE_LIFTED,
    /** By the helpdesk, for a caller who read out a code sent to a recovery contact: the same pause lifted. */
    PAUSE_LIFTED_BY_HELPDESK,
    /** Told to the work email and every other contact, not to the new one (whoever added it holds that). */
    CONTACT_ADDED,
    /** Told to the work email and to the removed address, whose owner may not know. */
    CONTACT_REMOVED,
    /** The same, removed by the helpdesk for a caller who read out a code: told who did it. */
    CONTACT_REMOVED_BY_HELPDESK,
    /**
     * The helpdesk's invitation to add a recovery contact: to the work address only (an employee it is for usually
     * has no contact; one who has does not need the invitation there).
     */
    ENROLMENT_INVITATION
}
