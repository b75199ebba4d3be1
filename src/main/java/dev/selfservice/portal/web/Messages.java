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

    // landing page
    @Message("Get back into your work account")
    String landing_title();

    @Message("Change your password, or fix a password that expired, was forgotten or got your account locked, without waiting for the helpdesk.")
    String landing_intro();

    @Message("Sign in with your work account")
    String landing_sign_in();

    @Message("Signed in? Change your password and manage the personal email address or phone number you can use to recover your account.")
    String landing_sign_in_hint();

    @Message("Can't sign in?")
    String landing_cant_sign_in();

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

    @Message("Too many wrong passwords were entered for your account, so it is locked for now. It unlocks by itself after a while, or you can unlock it now by setting a new password.")
    String signin_locked_detail();

    @Message("Too many sign-in attempts")
    String signin_too_many_title();

    @Message("Sign-in is paused for your account after many failed attempts. Set a new password to continue, or try again later.")
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

    @Message("This self-service step is not available yet. Until it is, contact {helpdesk}: they can set a new password or unlock your account.")
    String not_available_detail(String helpdesk);

    // error pages
    @Message("Page not found")
    String error_not_found_title();

    @Message("There is no page at this address.")
    String error_not_found_detail();

    @Message("Something went wrong")
    String error_server_title();

    @Message("The portal could not finish this request and nothing was changed. Try again in a moment; if it keeps failing, contact {helpdesk} and quote reference {reference}.")
    String error_server_detail(String helpdesk, String reference);

    @Message("This request cannot be processed")
    String error_bad_request_title();

    @Message("The form was not valid or has expired. Go back, reload the page and try again.")
    String error_bad_request_detail();
}
