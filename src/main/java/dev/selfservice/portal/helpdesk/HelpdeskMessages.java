package dev.selfservice.portal.helpdesk;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The helpdesk pages' words (templates: {@code {desk:...}}; German in {@code messages/desk_de.properties}), a bundle
 * of their own: staff pages change apart from the employees' pages, and Qute's generated resolver of one bundle of
 * more than 300 messages loses messages (seen here: {@code msg:verify_title} rendered as NOT_FOUND), which
 * {@code MessageBundlesResolveEveryMessageTest} guards against.
 */
@MessageBundle("desk")
public interface HelpdeskMessages {

    @Message("Helpdesk: find an employee")
    String helpdesk_title();

    @Message("Find the caller's account, then verify the caller with a code sent to one of their own recovery contacts before you act. You never see a password, a full contact or the code.")
    String helpdesk_intro();

    @Message("Username or work email")
    String helpdesk_find_label();

    @Message("Exactly as the employee has it, for example jdoe or jdoe@corp.example. There is no free search.")
    String helpdesk_find_hint();

    @Message("Find")
    String helpdesk_find_submit();

    @Message("Helpdesk: {name}")
    String helpdesk_employee_title(String name);

    @Message("never")
    String helpdesk_never();

    @Message("Sign-in")
    String helpdesk_sign_in_state();

    @Message("blocked by an administrator in Auth0")
    String helpdesk_blocked();

    @Message("paused after too many wrong passwords")
    String helpdesk_paused();

    @Message("neither blocked nor paused in Auth0")
    String helpdesk_can_sign_in();

    @Message("Whether the directory (AD) itself locked the account after wrong passwords is not visible here: the portal cannot read it. If the caller says Windows reports the account locked, a password reset through recovery unlocks it.")
    String helpdesk_directory_lock_unknown();

    @Message("Last sign-in at Auth0")
    String helpdesk_last_sign_in_auth0();

    @Message("In any application, and a verification code the caller reads out counts as one too: after a verification it is the verification's time.")
    String helpdesk_last_sign_in_hint();

    @Message("For your security, enter your work password again before you send a code, verify a caller or act for an employee.")
    String helpdesk_again_detail();

    @Message("Back to the employee")
    String helpdesk_back_to_case();

    @Message("Recovery contacts")
    String helpdesk_contacts();

    @Message("This employee has no recovery contact, so no code can verify the caller.")
    String helpdesk_no_contacts();

    @Message("Verify the caller by your organisation's own procedure for callers without a recovery contact. The actions that need a verified caller stay off.")
    String helpdesk_other_verification_default();

    @Message("Send a verification code")
    String helpdesk_send_code();

    @Message("Verify the caller")
    String helpdesk_verify_title();

    @Message("A code was sent to {address}. Ask the caller to read it out, and enter it here.")
    String helpdesk_verify_intro(String address);

    @Message("Code the caller reads out")
    String helpdesk_code_label();

    @Message("Verify")
    String helpdesk_verify_submit();

    @Message("Actions")
    String helpdesk_actions();

    @Message("The actions are available once the caller is verified with a code.")
    String helpdesk_actions_locked();

    @Message("The caller is verified until {time}.")
    String helpdesk_verified_until(String time);

    @Message("Reason")
    String helpdesk_reason_label();

    @Message("Required, and kept in the audit log with your name, for example: phone lost, ticket 4711.")
    String helpdesk_reason_hint();

    @Message("Remove {contact}")
    String helpdesk_remove_contact(String contact);

    @Message("Lift the sign-in pause")
    String helpdesk_lift_pause();

    @Message("Find another employee")
    String helpdesk_another();

    @Message("A verification code was sent.")
    String helpdesk_code_sent();

    @Message("The caller is verified.")
    String helpdesk_verified();

    @Message("The contact was removed. The employee's work address is told, and so is the removed contact if it is an email address.")
    String helpdesk_contact_removed();

    @Message("The sign-in pause was lifted. The employee's work address is told.")
    String helpdesk_pause_lifted();

    @Message("Invite to add a recovery contact")
    String helpdesk_invite_title();

    @Message("Sends the employee's work address how to add a recovery contact themselves, in this page's language. It needs no verified caller: it goes only to the employee's own mailbox and changes nothing. One a day.")
    String helpdesk_invite_intro();

    @Message("Reason for the invitation")
    String helpdesk_invite_reason_label();

    @Message("Send the invitation")
    String helpdesk_invite_submit();

    @Message("The invitation was sent to the employee's work address.")
    String helpdesk_invited();

    @Message("Remove this recovery contact?")
    String helpdesk_confirm_remove_title();

    @Message("{contact} will no longer be a recovery contact of {name}. The employee's work address is told, and so is that contact if it is an email address.")
    String helpdesk_confirm_remove_detail(String contact, String name);

    @Message("Reason, for the audit log: {reason}")
    String helpdesk_confirm_remove_reason(String reason);

    @Message("It is their only recovery contact: without it, they cannot get back in on their own until they add another.")
    String helpdesk_confirm_remove_last();

    @Message("Yes, remove it")
    String helpdesk_confirm_remove_yes();

    @Message("Recent portal events")
    String helpdesk_events();

    @Message("What this portal recorded of the employee in the last {days} days, newest first (times in UTC). Sign-ins to other applications, and what the directory does on its own, are not here.")
    String helpdesk_events_hint(int days);

    @Message("No portal events in that time.")
    String helpdesk_events_none();

    @Message("by {name}")
    String helpdesk_event_by(String name);

    @Message("Signed in to the portal")
    String helpdesk_event_signin();

    @Message("Code sent to add a recovery contact")
    String helpdesk_event_enrolment_code();

    @Message("Recovery contact added")
    String helpdesk_event_enrolment_added();

    @Message("Recovery contact removed")
    String helpdesk_event_enrolment_removed();

    @Message("Code sent to confirm a recovery contact")
    String helpdesk_event_reconfirm_code();

    @Message("Recovery contact confirmed")
    String helpdesk_event_reconfirmed();

    @Message("Password changed")
    String helpdesk_event_password_changed();

    @Message("Expired password changed")
    String helpdesk_event_expired_changed();

    @Message("A new password could not be checked against known breaches")
    String helpdesk_event_password_screen();

    @Message("Recovery code sent to a recovery contact")
    String helpdesk_event_recovery_code_sent();

    @Message("Recovery code entered")
    String helpdesk_event_recovery_code();

    @Message("Password reset through recovery")
    String helpdesk_event_recovery_reset();

    @Message("Sign-in pause lifted through recovery")
    String helpdesk_event_recovery_unblock();

    @Message("Notice sent")
    String helpdesk_event_notice();

    @Message("Asked at a sign-in to add a recovery contact")
    String helpdesk_event_nudge_shown();

    @Message("Chose to add a recovery contact later")
    String helpdesk_event_nudge_snoozed();

    @Message("Added a recovery contact when asked at a sign-in")
    String helpdesk_event_nudge_enrolled();

    @Message("Confirmed a recovery contact as still theirs when asked at a sign-in")
    String helpdesk_event_nudge_confirmed();

    @Message("Looked up by the helpdesk")
    String helpdesk_event_helpdesk_find();

    @Message("Verification code sent by the helpdesk")
    String helpdesk_event_helpdesk_code_sent();

    @Message("Caller verification by the helpdesk")
    String helpdesk_event_helpdesk_verify();

    @Message("Recovery contact removed by the helpdesk")
    String helpdesk_event_helpdesk_remove_contact();

    @Message("Sign-in pause lifted by the helpdesk")
    String helpdesk_event_helpdesk_lift_pause();

    @Message("Enrolment invitation sent by the helpdesk")
    String helpdesk_event_helpdesk_invite();

    @Message("A step of the coverage report")
    String helpdesk_event_report();

    @Message("done")
    String helpdesk_outcome_success();

    @Message("refused")
    String helpdesk_outcome_refused();

    @Message("refused: a limit was reached")
    String helpdesk_outcome_throttled();

    @Message("refused: only the helpdesk can help")
    String helpdesk_outcome_helpdesk_only();

    @Message("failed: a service did not answer")
    String helpdesk_outcome_failed();
}
