package dev.selfservice.portal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text an employee reads. Templates use them as {@code {msg:key}}; a translation is a file
 * {@code messages/msg_<language>.properties} with the same keys.
 */
@MessageBundle("msg")
public interface Messages {

    @Message("Password self-service")
    String app_name();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Error:")
    String error_title_prefix();

    @Message("There is a problem")
    String error_summary_title();

    // landing page
    @Message("Get back into your work account")
    String landing_title();

    @Message("Change your password, or fix a password that expired, was forgotten or got your account locked, without waiting for the helpdesk.")
    String landing_intro();

    @Message("You are signed out, here and on your work account's sign-in page in this browser.")
    String landing_signed_out();

    @Message("You were signed out because your session ended: a session ends after {idleMinutes} minutes without activity, {lifetimeMinutes} minutes after signing in, and when your password is changed. Sign in again to go on.")
    String landing_session_ended(long idleMinutes, long lifetimeMinutes);

    @Message("Sign in with your work account")
    String landing_sign_in();

    @Message("Your username")
    String landing_username_label();

    @Message("You may leave it empty. Typed here, it is filled in on the sign-in page, and in the next step if signing in does not work.")
    String landing_username_hint();

    @Message("Signed in? Change your password and manage the personal email address or phone number you can use to recover your account.")
    String landing_sign_in_hint();

    @Message("Forgot it, or locked out? Prove it is you with the personal email or phone you added, then choose a new password.")
    String landing_recovery_hint();

    @Message("Told your password has expired, or that you must change it? Change it here with your current one.")
    String landing_expired_hint();

    @Message("You are signed in as {name} ({username}).")
    String landing_signed_in(String name, String username);

    @Message("Go to your account")
    String landing_account();

    // ways back and help
    @Message("Back to the start page")
    String back_home();

    @Message("Cancel and go to the start page")
    String cancel_home();

    @Message("Back to your account")
    String back_account();

    @Message("Start again")
    String back_start_again();

    @Message("Back to your recovery contacts")
    String back_contacts();

    @Message("Didn't get a code?")
    String code_help_summary();

    @Message("Codes usually arrive within a minute. Look in your spam or junk folder, and check that the address above is the one you meant. Then send a new code with the button above.")
    String code_help_wait();

    @Message("Text messages usually arrive within a minute. Check that the number above is the one you meant and that the phone has signal. Then send a new code with the button above.")
    String code_help_wait_sms();

    @Message("A code goes only to a contact you added for that username: check that you typed your work username, the one you sign in to your computer with.")
    String code_help_recovery_username();

    @Message("If you added more than one recovery contact, start again and use another one.")
    String code_help_recovery_other();

    @Message("Check the address or number for typing mistakes, then add it again.")
    String code_help_enrolment_other();

    @Message("Still nothing? Contact {helpdesk}.")
    String code_help_helpdesk(String helpdesk);

    @Message("You have no recovery contact yet, so if you forget your password or get locked out, only {helpdesk} can let you back in. Add a personal email address or mobile number now: then you can get back in on your own.")
    String account_no_contacts(String helpdesk);

    // the enrolment nudge (nudge/), reached from the tenant's sign-in to any application
    @Message("Add a recovery contact")
    String nudge_title();

    @Message("Your work account has no personal email address or mobile number yet. Without one, if you forget your password or get locked out, only {helpdesk} can let you back in. It takes a minute: we send a code to prove it is yours.")
    String nudge_intro(String helpdesk);

    @Message("Add a recovery contact now")
    String nudge_add_now();

    @Message("Remind me later")
    String nudge_later();

    @Message("You cannot put this off any more: please add a recovery contact now.")
    String nudge_no_more_later();

    @Message("Then you go on to where you were signing in.")
    String nudge_then();

    @Message("This link cannot be used")
    String nudge_unusable_title();

    @Message("It has expired, was used already, or belongs to another sign-in. Go back to the application you were signing in to and sign in again.")
    String nudge_unusable_detail();

    @Message("Your password is needed")
    String nudge_password_needed_title();

    @Message("Your password was not entered in this sign-in, or too long ago. Go back to the application and sign in again with your password, or add a contact in this portal after signing in here.")
    String nudge_password_needed_detail();

    @Message("{#if count == 1}You have 1 recovery contact. You can use it if you forget your password or get locked out.{#else}You have {count} recovery contacts. You can use any of them if you forget your password or get locked out.{/if}")
    String account_contacts_count(int count);

    @Message("Forgot your password, or locked out")
    String landing_recovery();

    @Message("My password has expired")
    String landing_expired();

    // account page
    @Message("Your account")
    String account_title();

    @Message("Name")
    String account_name();

    @Message("Username")
    String account_username();

    @Message("Work email")
    String account_email();

    @Message("Sign out")
    String sign_out();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    // sign-in errors
    @Message("Your account is blocked")
    String signin_blocked_title();

    @Message("An administrator has blocked your account for this sign-in service. Self-service cannot lift this block: contact {helpdesk}.")
    String signin_blocked_detail(String helpdesk);

    @Message("Your account is locked")
    String signin_locked_title();

    @Message("Too many wrong passwords were entered for your account, so it is locked. {#if minutes > 0}It unlocks by itself within {minutes} minutes, by {time} at the latest, or you can unlock it now by setting a new password.{#else}It stays locked until you unlock it by setting a new password, or {helpdesk} unlocks it.{/if}")
    String signin_locked_detail(long minutes, String time, String helpdesk);

    @Message("Too many sign-in attempts")
    String signin_too_many_title();

    // Auth0 lifts a brute-force block when an administrator removes it, the user follows the emailed link, or the
    // password changes; no expiry by time is documented, so the page promises none
    @Message("Sign-in is paused for your account after many failed attempts, and it does not end by waiting. Lift the pause with \"Forgot your password, or locked out\": you can keep your password if you still know it. The sign-in service may also have emailed a link to lift it to your work address.")
    String signin_too_many_detail();

    @Message("Your password has expired")
    String signin_expired_title();

    @Message("Your password was right, but it has expired. Choose a new one to continue.")
    String signin_expired_detail();

    @Message("You need to choose a new password")
    String signin_must_change_title();

    @Message("Your password was right, but your administrator asks you to choose a new one before you sign in.")
    String signin_must_change_detail();

    @Message("Your account is disabled")
    String signin_disabled_title();

    @Message("Your work account is disabled, so self-service cannot help here. Contact {helpdesk}.")
    String signin_disabled_detail(String helpdesk);

    @Message("Your account has expired")
    String signin_account_expired_title();

    @Message("Your work account has passed its end date, so self-service cannot help here. Contact {helpdesk}.")
    String signin_account_expired_detail(String helpdesk);

    @Message("Wrong username or password")
    String signin_wrong_title();

    @Message("The username or password was not right. Try again, or reset your password if you forgot it.")
    String signin_wrong_detail();

    @Message("Sign-in did not complete")
    String signin_other_title();

    @Message("Something stopped the sign-in. Try again; if it keeps failing, contact {helpdesk}.")
    String signin_other_detail(String helpdesk);

    @Message("Your sign-in did not complete")
    String signin_unavailable_title();

    @Message("The sign-in service did not answer, or your sign-in took too long. You are not signed in, and nothing was changed. Try again in a moment.")
    String signin_unavailable_detail();

    @Message("Choose a new password")
    String action_change_expired();

    @Message("Reset my password or unlock my account")
    String action_recovery();

    @Message("Try signing in again")
    String action_sign_in_again();

    @Message("Back to the start page")
    String action_home();

    // not an employee account
    @Message("Sign in with your work account")
    String not_employee_title();

    @Message("This page is for work accounts. Sign out, then sign in with your work username and password.")
    String not_employee_detail();

    // features not available yet
    @Message("Change an expired password")
    String expired_title();

    @Message("Forgot your password, or locked out")
    String recovery_title();

    // error pages
    @Message("Page not found")
    String error_not_found_title();

    @Message("There is no page at this address.")
    String error_not_found_detail();

    @Message("Something went wrong")
    String error_server_title();

    @Message("The portal could not finish this request and nothing was changed. Try again in a moment; if it keeps failing, contact {helpdesk} and quote reference {reference}.")
    String error_server_detail(String helpdesk, String reference);

    @Message("Try again in a minute")
    String error_busy_title();

    @Message("The portal cannot check this request safely right now, so nothing was done. Wait a minute, then try again.")
    String error_busy_detail();

    @Message("There were several tries for this username in the last half hour, so the portal stops here before the directory locks the account. Wait half an hour, or use \"forgot your password or locked out\" if you have a recovery contact.")
    String password_too_many_tries();

    @Message("This request cannot be processed")
    String error_bad_request_title();

    @Message("The form was not valid or has expired. Go back, reload the page and try again.")
    String error_bad_request_detail();

    @Message("You do not have access to this page")
    String error_forbidden_title();

    @Message("Your work account is not allowed to open it. If you think it should be, ask your manager or the IT department.")
    String error_forbidden_detail();

    // enrolment
    @Message("Recovery contacts")
    String enrolment_title();

    @Message("When your password does not work or your account is locked, a code sent to one of these proves it is you, and you can get back in without the helpdesk.")
    String enrolment_intro();

    @Message("You have no recovery contact yet. Add one now, before you need it.")
    String enrolment_none();

    @Message("added {date}")
    String enrolment_added_on(String date);

    @Message("Remove")
    String enrolment_remove();

    @Message("Add a personal email address")
    String enrolment_add_email();

    @Message("Personal email address")
    String enrolment_email_label();

    @Message("Not your work address: one you can still read when you cannot sign in.")
    String enrolment_email_hint();

    @Message("Adding a contact asks for your work password again first; what you type here is kept for when you come back.")
    String enrolment_asks_password();

    @Message("Your password is confirmed. Check the contact you typed and send the code.")
    String enrolment_typed_kept();

    @Message("Add a mobile phone number")
    String enrolment_add_phone();

    @Message("Mobile phone number")
    String enrolment_phone_label();

    @Message("A number without a country code is taken as {code} ({region}). From another country, start with + and its code, for example {example}.")
    String enrolment_phone_hint(String code, String region, String example);

    /**
     * This language's region for phone numbers: of the example number on its pages, and, where
     * {@code portal.phone-default-region} is unset, where a number without a country code is read; "default" for none
     * (then US, or the setting).
     */
    @Message("default")
    String phone_example_region();

    @Message("Send a code")
    String enrolment_send_code();

    @Message("You have {max} recovery contacts, the most allowed. Remove one to add another.")
    String enrolment_max_reached(int max);

    @Message("Your new recovery contact was added.")
    String enrolment_added();

    @Message("The recovery contact was removed.")
    String enrolment_removed();

    @Message("Recovery contacts")
    String account_contacts_link();

    @Message("Enter the code")
    String verify_title();

    @Message("We sent a 6-digit code to {address}. Enter it here within 5 minutes.")
    String verify_sent(String address);

    @Message("Code")
    String verify_code_label();

    @Message("Confirm")
    String verify_submit();

    @Message("Send a new code")
    String verify_resend();

    @Message("Cancel")
    String verify_cancel();

    @Message("Remove this recovery contact?")
    String remove_title();

    @Message("{address} will no longer be able to prove it is you. You can add it again later.")
    String remove_detail(String address);

    @Message("Yes, remove it")
    String remove_confirm();

    @Message("Keep it")
    String remove_cancel();

    @Message("Sign in again to continue")
    String again_title();

    @Message("For your security, enter your work password again before you change your recovery contacts.")
    String again_detail();

    @Message("Sign in again")
    String again_button();

    @Message("Signing in is switched off")
    String signin_switched_off_title();

    @Message("The portal's sign-in is set up so that something other than your work password could sign in. Until an administrator has fixed it, no one can sign in here. You can still reset a forgotten password or unlock your account without signing in.")
    String signin_switched_off_detail();

    @Message("You are not signed in")
    String again_signed_out_title();

    @Message("Sign in with your work account first. Then you can enter your password again to change your recovery contacts.")
    String again_signed_out_detail();

    @Message("That does not look like an email address. Check it and try again.")
    String refused_invalid_email();

    @Message("That does not look like a mobile phone number. Check it, and add the country code if it is not a local number.")
    String refused_invalid_phone();

    @Message("Enter an email address.")
    String refused_email_missing();

    @Message("Enter a mobile phone number.")
    String refused_phone_missing();

    @Message("You already have the most recovery contacts allowed. Remove one to add another.")
    String refused_too_many_contacts();

    @Message("That contact is already one of yours.")
    String refused_already_yours();

    @Message("That is a work address. A recovery contact must be one you can still read when you cannot sign in: a personal email address or a mobile phone.")
    String refused_work_address();

    @Message("Too many codes were sent for your account. Wait a few minutes, then try again.")
    String refused_too_many_codes();

    @Message("A code was sent moments ago. Wait half a minute before asking for a new one.")
    String refused_resend_too_soon();

    @Message("There is no code to enter now, or it was for an earlier sign-in. Start again by adding the contact.")
    String refused_no_pending();

    @Message("That code is not right. Check it and try again, or send a new code.")
    String refused_wrong_code();

    @Message("That code has expired. Send a new code.")
    String refused_code_expired();

    @Message("{#if tries == 1}1 try left before you must wait.{#else}{tries} tries left before you must wait.{/if}")
    String refused_tries_left(int tries);

    @Message("{#if tries == 1}1 more try with this code.{#else}{tries} more tries with this code.{/if}")
    String refused_code_tries_left(int tries);

    @Message("That code is not right, or it came in an earlier message: a newer code was sent, and it replaced the earlier ones. Use the latest code.")
    String refused_wrong_or_replaced_code();

    @Message("That code is not right, and it no longer works: a code ends after 3 wrong tries. Send a new code.")
    String refused_code_used_up();

    @Message("That code is not right, and that was the last try for now. Wait an hour before you try again. If you cannot wait, contact {helpdesk}.")
    String refused_wrong_code_last_try(String helpdesk);

    @Message("That code is not right, and that was the last try for now. You can try again after {time}. If you cannot wait, contact {helpdesk}.")
    String refused_wrong_code_last_try_until(String time, String helpdesk);

    @Message("Enter the 6-digit code.")
    String refused_code_missing();

    @Message("The code has 6 digits. Check it and enter all 6.")
    String refused_code_malformed();

    @Message("Too many wrong codes. You can try again after {time}. If you cannot wait, contact {helpdesk}.")
    String refused_too_many_wrong_until(String time, String helpdesk);

    @Message("A new code was sent. Use this newest code: an earlier one no longer works.")
    String verify_resent();

    @Message("If that contact is a recovery contact of the username, a new code was sent there. Use this newest code: an earlier one no longer works.")
    String recovery_code_resent();

    @Message("There is no code waiting for this browser: it was asked for more than an hour ago, or elsewhere. Enter your username and contact to get a new code.")
    String recovery_no_code_waiting();

    @Message("Your address was not added: the sign-in service did not complete the change, and the code is now used up. Nothing was changed. Send a new code to try again.")
    String refused_contact_not_added();

    @Message("The sign-in service did not answer in time, so we cannot tell yet whether your recovery contacts changed. Look at the list below again in a few minutes before trying again.")
    String refused_contact_not_confirmed();

    @Message("The sign-in service did not answer in time, so the code may be used up. Nothing was changed. Send a new code to try again.")
    String refused_code_not_confirmed();

    @Message("That code was not for the address you entered. Start again.")
    String refused_address_mismatch();

    @Message("That contact cannot be added: it is already used for another work account. Use another address, or contact {helpdesk}.")
    String refused_linked_elsewhere(String helpdesk);

    @Message("There is no such recovery contact on your account.")
    String refused_not_yours();

    @Message("confirmed on {date}")
    String enrolment_confirmed_on(String date);

    @Message("Is this still yours? If it no longer reaches you, it cannot help you back in.")
    String enrolment_still_yours();

    @Message("Yes, send a code")
    String enrolment_still_yours_button();

    @Message("Thank you: that contact is confirmed as yours.")
    String enrolment_reconfirmed();

    @Message("{#if count == 1}One of your recovery contacts was{#else}{count} of your recovery contacts were{/if} last confirmed long ago. Check that it still reaches you: if it does not, recovery cannot either.")
    String account_reconfirm_due(int count);

    @Message("Check your recovery contacts")
    String account_reconfirm_link();

    @Message("Confirm your recovery contact")
    String reconfirm_title();

    @Message("Enter the code to show that this contact is still yours. Nothing else changes.")
    String reconfirm_intro();

    @Message("That address cannot receive codes. Check it, or use another one.")
    String refused_auth0_address();

    @Message("The sign-in service is busy. Wait a minute, then try again. Nothing was changed.")
    String refused_rate_limited();

    @Message("The sign-in service did not answer. Try again in a moment. Nothing was changed.")
    String refused_unavailable();

    // passwords
    @Message("Change your password")
    String change_title();

    @Message("Your username")
    String password_username_label();

    @Message("Your work username, in any of the forms you sign in with at work: for example {examples}.")
    String username_forms(String examples);

    @Message("Current password")
    String password_current_label();

    @Message("New password")
    String password_new_label();

    @Message("New password again")
    String password_confirm_label();

    @Message("Show")
    String password_show();

    @Message("Hide")
    String password_hide();

    @Message("Show %s")
    String password_show_named();

    @Message("Hide %s")
    String password_hide_named();

    @Message("Password strength")
    String password_strength_label();

    @Message("(done)")
    String policy_met();

    @Message("(not yet)")
    String policy_unmet();

    @Message("too short|weak|fair|good|strong")
    String strength_labels();

    @Message("checking…")
    String strength_checking();

    @Message("Change password")
    String password_submit();

    @Message("A good password is long rather than complicated:")
    String policy_intro();

    @Message("at least {min} characters; any letters, digits, spaces and symbols")
    String policy_length(int min);

    @Message("three of these four, as your organisation's directory requires: capital letters, small letters, digits, symbols")
    String policy_complexity();

    @Message("not a common or easily guessed password, and not your name or username")
    String policy_guessable();

    @Message("different from your current password")
    String policy_different();

    @Message("not found in known data breaches")
    String policy_breach();

    @Message("(found in a data breach)")
    String policy_breach_found();

    @Message("(could not be checked just now)")
    String policy_breach_unknown();

    @Message("Strength: {label}")
    String strength(String label);

    @Message("Your password has expired, or you were asked to choose a new one. Enter your work username and current password, then choose a new password.")
    String expired_intro();

    @Message("Your password was changed")
    String changed_title();

    @Message("Sign in with your new password. On other devices and apps that use your work account, enter the new password when they ask for it.")
    String changed_detail();

    @Message("Enter a new password.")
    String rejected_empty();

    @Message("The new password is too short: use at least {min} characters.")
    String rejected_too_short(int min);

    @Message("The new password is too long: use at most {max} characters.")
    String rejected_too_long(int max);

    @Message("The two new passwords are not the same.")
    String rejected_mismatch();

    @Message("Enter the new password again.")
    String rejected_confirmation_missing();

    @Message("The two new passwords are the same.")
    String password_confirm_matches();

    @Message("Enter your current password.")
    String password_current_missing();

    @Message("The new password must be different from your current one.")
    String rejected_same();

    @Message("Your organisation's directory needs three of these four in a password: capital letters, small letters, digits and symbols.")
    String rejected_not_complex();

    @Message("The new password contains your name or username. Choose one that does not.")
    String rejected_contains_name();

    @Message("The new password is too common or too easy to guess. Choose something longer or less predictable.")
    String rejected_guessable();

    @Message("The new password has characters that each stand for several letters (such as \uFDFA or \u338F), too many to check. Use ordinary letters instead.")
    String rejected_balloons();

    @Message("The new password could not be checked in time. Choose another one, for example a few ordinary words.")
    String rejected_not_judged();

    @Message("Too many passwords were checked from your address in the last few minutes. Wait ten minutes and try again.")
    String password_too_many_checks();
    @Message("This password appears in known data breaches, so attackers try it early. Choose a different one that you use nowhere else, for example three or four unrelated words with a digit or a symbol.")
    String rejected_breached();

    @Message("We could not check the new password against known data breaches just now, so your password was not changed. Try again in a few minutes.")
    String breach_check_unavailable();

    @Message("The current password is not right. Your password was not changed. After a few wrong tries the portal stops for half an hour, before the directory locks your account.")
    String password_wrong_current();

    // Auth0's brute-force pause (PasswordCheck.LOCKED), which no time lifts: see signin_too_many_detail
    @Message("Sign-in is paused for your account after many failed attempts, so the password could not be changed. Lift the pause with \"Forgot your password, or locked out\": you can keep your password if you still know it.")
    String password_locked();

    @Message("The directory refused this account, so the password could not be changed. If it is locked after too many wrong passwords, unlock it with \"Forgot your password, or locked out\"; if it is disabled or expired, contact {helpdesk}.")
    String password_account_refused(String helpdesk);

    @Message("The directory did not accept the new password, so nothing was changed. {rules}")
    String password_directory_refused(String rules);

    @Message("The sign-in service did not answer in time, so we cannot tell yet whether your password was changed. In a few minutes, sign in with the new password; if it is not accepted, your old password still works and you can try again.")
    String password_not_confirmed();

    @Message("A change of this password is still being confirmed by the sign-in service. Wait a minute, then try again.")
    String password_change_settling();

    @Message("The password was not changed. Check your username and current password. If your password has not expired, sign in and change it from your account page.")
    String password_not_changed();

    // recovery
    @Message("Enter your work username and the personal email address or mobile number you added as a recovery contact. We send a code there.")
    String recovery_intro();

    @Message("Personal email or mobile number")
    String recovery_contact_label();

    @Message("The one you added: an email address, or a mobile number such as {example}.")
    String recovery_contact_hint(String example);

    @Message("Send me a code")
    String recovery_send();

    @Message("No recovery contact yet? Contact {helpdesk}. Once you can sign in, add one from your account page.")
    String recovery_no_contact(String helpdesk);

    @Message("Check your messages")
    String recovery_code_title();

    @Message("If {contact} is a recovery contact of that username, we sent a 6-digit code there. Enter it within 5 minutes.")
    String recovery_code_sent(String contact);

    @Message("\"Send a new code\" sends another one, and then only the newest code works. Starting again from the first page sends none while a code sent there is still valid: use the newest code you received.")
    String recovery_code_still_valid();

    @Message("Get back into your account")
    String recovery_reset_title();

    @Message("It is you. Choose a new password: it also unlocks your account if too many wrong passwords locked it. This page works once, for 10 minutes.")
    String recovery_reset_intro();

    @Message("Set new password")
    String recovery_reset_submit();

    @Message("Sign-in is also paused for your account after many failed attempts. If you still know your password, you can lift that pause without changing it; but if your account is also locked in the directory, only a new password unlocks it.")
    String recovery_unblock_intro();

    @Message("The directory has locked your account after too many wrong passwords, and only a new password unlocks it: set one here.")
    String recovery_directory_locked();

    @Message("Keep my password and lift the pause")
    String recovery_unblock_submit();

    @Message("Your new password is set")
    String recovery_set_title();

    @Message("It works: we signed in with it once to check, and your account is unlocked. Sign in with the new password now; other devices and apps will ask for it too.")
    String recovery_done_detail();

    @Message("It works: we signed in with it once to check, so your account can be used now. Sign in with the new password; other devices and apps will ask for it too.")
    String recovery_done_detail_not_locked();

    @Message("The pause on sign-in is lifted")
    String recovery_unblocked_title();

    @Message("Sign in with your password now. If the sign-in page then says your account is locked, too many wrong passwords locked it in the directory as well, and only a new password unlocks it: start again and choose a new password.")
    String recovery_unblocked_detail();

    @Message("Your new password is set, but your account still cannot be used (it may be disabled or expired). Contact {helpdesk}.")
    String recovery_set_but_refused(String helpdesk);

    @Message("Your new password is set, but we could not try it once to check: the sign-in service did not answer. So we cannot tell whether your account can be used now. Sign in with the new password; if your account is refused, contact {helpdesk}.")
    String recovery_set_not_checked(String helpdesk);

    @Message("Enter your work username, the one you sign in with.")
    String username_missing();

    @Message("Use your work username, not a personal email address: for example {forms}.")
    String username_personal_email(String forms);

    @Message("Enter the personal email address or mobile number you added as a recovery contact.")
    String recovery_contact_missing();

    @Message("Enter an email address with its domain, like name@example.com, or a mobile number, like +44 7700 900123.")
    String recovery_contact_invalid();

    @Message("Too many requests. Wait a few minutes, then try again.")
    String recovery_too_many_requests();

    @Message("This recovery has expired or was already used. Start again.")
    String recovery_proof_invalid();

    @Message("Your earlier try to set a password may have gone through: the sign-in service did not confirm it. Sign in with the new password you chose; if it is not accepted, start again.")
    String recovery_proof_unconfirmed();

    @Message("Your new password is set, but the pause on sign-in after many failed attempts could not be lifted: the sign-in service did not answer. Start again with \"Forgot your password or locked out\" and choose to lift the pause, or contact {helpdesk}.")
    String recovery_set_but_paused(String helpdesk);

    @Message("We could not confirm the change")
    String not_confirmed_title();

    @Message("Too many wrong codes for this account. Wait an hour, then start again.")
    String recovery_too_many_wrong();

    @Message("Self-service cannot unlock or reset this account: contact {helpdesk}.")
    String recovery_helpdesk(String helpdesk);

    // ---- notices by email (notice/Notices) ----

    @Message("Hello,")
    String notice_greeting();

    @Message("Your work password was changed")
    String notice_password_changed_subject();

    @Message("The password of your work account was changed in the password self-service portal, while signed in with the old password.")
    String notice_password_changed();

    @Message("Your expired work password was changed")
    String notice_expired_changed_subject();

    @Message("The expired password of your work account was changed in the password self-service portal.")
    String notice_expired_changed();

    @Message("Your work password was reset")
    String notice_password_reset_subject();

    @Message("The password of your work account was reset in the password self-service portal, with a code sent to one of your recovery contacts.")
    String notice_password_reset();

    @Message("The pause on signing in to your work account was lifted")
    String notice_pause_lifted_subject();

    @Message("The pause on signing in after many wrong passwords was lifted in the password self-service portal, with a code sent to one of your recovery contacts. Your password was not changed.")
    String notice_pause_lifted();

    @Message("The pause on signing in after many wrong passwords was lifted by the IT helpdesk, for a caller who read out a code sent to one of your recovery contacts. Your password was not changed.")
    String notice_pause_lifted_by_helpdesk();

    @Message("A recovery contact was added to your work account")
    String notice_contact_added_subject();

    @Message("The recovery contact {contact} was added to your work account. Whoever holds it can now reset your work password.")
    String notice_contact_added(String contact);

    @Message("A recovery contact was removed from your work account")
    String notice_contact_removed_subject();

    @Message("The recovery contact {contact} was removed from your work account. It can no longer be used to reset your work password.")
    String notice_contact_removed(String contact);

    @Message("The recovery contact {contact} was removed from your work account by the IT helpdesk, for a caller who read out a code sent to one of your recovery contacts. It can no longer be used to reset your work password.")
    String notice_contact_removed_by_helpdesk(String contact);

    @Message("When: {when}")
    String notice_when(String when);

    @Message("From: the address {ip}, {browser}")
    String notice_where(String ip, String browser);

    @Message("a browser we do not recognise")
    String notice_unknown_browser();

    @Message("If this wasn't you, contact {helpdesk} now: someone else may be able to use your account.")
    String notice_not_you(String helpdesk);

    @Message("This message was sent by the password self-service portal. It contains no links: we never send links to sign in.")
    String notice_footer();
    // the helpdesk's refusals (its pages' words are in helpdesk/HelpdeskMessages)
































    @Message("No employee has exactly that username or work email.")
    String helpdesk_no_such_employee();

    @Message("You cannot act on your own account at the helpdesk. Ask a colleague.")
    String helpdesk_own_account();

    @Message("This is a staff account (helpdesk or reports). Staff accounts are helped by IT's administrators, not here.")
    String helpdesk_staff_account();

    @Message("That page was open for another employee than the one shown now. Nothing was done. Check the name and try again.")
    String helpdesk_other_case();

    @Message("Verify the caller with a code first (a verification lasts a few minutes). Nothing was changed.")
    String helpdesk_not_verified();

    @Message("Enter a reason.")
    String helpdesk_reason_missing();

    @Message("An invitation to enrol was already sent to this employee's work address today. Nothing was sent.")
    String helpdesk_invitation_already_sent();

    @Message("Add a recovery contact to your account")
    String notice_invitation_subject();

    @Message("The IT helpdesk invites you to add a personal email address or mobile number to your account as a recovery contact. With one, you can reset a forgotten password or unlock your account yourself, at any time, without calling.")
    String notice_invitation();

    @Message("To add one, type the address of the password self-service portal into your browser: {address}. Sign in there with your usual work password and choose \"Recovery contacts\". We will send a code to the contact you add, to check it is yours.")
    String notice_invitation_how(String address);

    @Message("If you did not expect this message, ask {helpdesk} before you do anything.")
    String notice_invitation_not_expected(String helpdesk);

    @Message("Helpdesk")
    String account_helpdesk_link();
}
