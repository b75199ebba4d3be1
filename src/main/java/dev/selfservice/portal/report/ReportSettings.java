package dev.selfservice.portal.report;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The coverage report: how its export is read, and how much of its history is shown. */
@ConfigMapping(prefix = "portal.report")
public interface ReportSettings {

    /** How often the export job is asked whether it is done (each ask is a Management API call, paced). */
    @WithDefault("5S")
    Duration pollEvery();

    /**
     * The longest a reading may take, from the job's start to the counted file: a job still not done then is given
     * up, the last good figures stay, and the page says the reading failed. Also how long the run's lock is held at
     * most, so a replica that died mid-run holds nobody up for longer.
     */
    @WithDefault("30M")
    Duration longestRun();

    /** How many days the daily trend shows. */
    @WithDefault("30")
    int trendDays();

    /**
     * How many invitations to enrol the run sends a minute at most: under the mail relay's limit (relays commonly
     * accept some hundred a minute from one sender; leave room for the portal's own notices).
     */
    @WithDefault("30")
    int invitationsPerMinute();

    /** An employee invited less long ago than this is not invited again by a run ("not invited in the last N days"). */
    @WithDefault("30D")
    Duration inviteAgainAfter();
}
