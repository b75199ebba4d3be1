package dev.selfservice.portal.report;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The report page's words (templates: {@code {report:...}}; German in {@code messages/report_de.properties}), a
 * bundle of its own as the helpdesk's: the main bundle stays under the size Qute resolves reliably.
 */
@MessageBundle("report")
public interface ReportMessages {

    @Message("Recovery coverage")
    String report_title();

    @Message("Who could get back in alone, without the helpdesk, when their AD password expires, is forgotten or locked: the employees of the AD connection with at least one recovery contact.")
    String report_intro();

    @Message("Recovery coverage")
    String report_link();

    @Message("No reading yet. Read the directory to see the figures.")
    String report_none();

    @Message("Employees (AD users of the connection)")
    String report_total();

    @Message("With at least one recovery contact")
    String report_with_contact();

    @Message("With a personal email address")
    String report_with_email();

    @Message("With a mobile phone number")
    String report_with_phone();

    @Message("Without a recovery contact")
    String report_without_contact();

    @Message("Could recover alone")
    String report_share();

    @Message("{percent} %")
    String report_percent(int percent);

    @Message("Read from Auth0 at {when}")
    String report_read_at(String when);

    @Message("A reading is running now; until it is done, the figures shown are the last good ones.")
    String report_running();

    @Message("The last reading, at {when}, failed or took too long; the figures shown are the last good ones.")
    String report_failed(String when);

    @Message("The reading was started. It takes a few minutes on a large directory; this page shows the new figures once it is done.")
    String report_started();

    @Message("A reading is already running (it may have been started by someone else).")
    String report_already_running();

    @Message("Read the directory now")
    String report_run();

    @Message("Reads every AD user of the connection through Auth0's user export: one reading at a time.")
    String report_run_hint();

    @Message("Employees without a recovery contact (CSV)")
    String report_csv();

    @Message("Username, name and work address only: nothing of anyone's contacts.")
    String report_csv_hint();

    @Message("Trend: the last reading of each day")
    String report_trend();

    @Message("Day")
    String report_trend_day();

    @Message("Invitations to enrol")
    String report_invitations_title();

    @Message("Sends each employee without a recovery contact in the newest reading an email to their work address: why a contact helps and how to add one, with the portal's address as text and no link. Anyone invited by a run in the last {days} days is passed over. At most {perMinute} a minute, under the mail relay's limit; one run at a time.")
    String report_invitations_intro(long days, int perMinute);

    @Message("Invite everyone without a contact")
    String report_invitations_run();

    @Message("The invitations were started. The line below shows how far they are.")
    String report_invitations_started();

    @Message("Invitations are already being sent (perhaps started by someone else).")
    String report_invitations_already_running();

    @Message("Read the directory first: the invitations go to the employees without a contact in the newest reading.")
    String report_invitations_no_reading();

    @Message("Started {startedAt} by {startedBy}: {sent} invited, {passedOver} passed over (invited lately or without a work address), of {total}.")
    String report_invitations_progress(String startedAt, String startedBy, int sent, int passedOver, int total);

    @Message("Still sending.")
    String report_invitations_running();

    @Message("Stopped without finishing: the portal instance sending them stopped before the end. Start it again to go on: nobody is invited twice.")
    String report_invitations_abandoned();

    @Message("Ended {endedAt}.")
    String report_invitations_ended(String endedAt);

    @Message("Stopped {endedAt} before the end (the portal was stopping, or the state store did not answer). Start it again to go on: nobody is invited twice.")
    String report_invitations_stopped(String endedAt);

    @Message("Left out: blocked in Auth0")
    String report_blocked();

    @Message("Accounts an administrator blocked in Auth0 are in no figure and not in the list: no contact would let them in. Accounts disabled in AD cannot be told apart through Auth0 and are counted.")
    String report_blocked_hint();

    @Message("The list is the newest reading's, of {when}; each employee's account is read again just before their mail, and whoever has a contact or is blocked by then is passed over.")
    String report_invitations_list_from(String when);

    @Message("For your security, enter your work password again before you send invitations.")
    String report_again_detail();

    @Message("Back to the coverage report")
    String report_back();
}
