package dev.selfservice.portal.report;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Where the newest invitation run stands, for the page's progress line on every replica: of the employees without a
 * contact in the reading it went through, how many it invited and how many it passed over (invited in the last days,
 * or without a work address), and whether it ended, was stopped (its replica stopping) or still runs.
 */
@RegisterForReflection
public record InvitationProgress(Instant startedAt, String startedBy, int total, int sent, int passedOver,
        Instant endedAt, boolean stopped) {

    static InvitationProgress started(Instant at, String by, int total) {
        return new InvitationProgress(at, by, total, 0, 0, null, false);
    }

    InvitationProgress oneInvited() {
        return new InvitationProgress(startedAt, startedBy, total, sent + 1, passedOver, endedAt, stopped);
    }

    InvitationProgress onePassedOver() {
        return new InvitationProgress(startedAt, startedBy, total, sent, passedOver + 1, endedAt, stopped);
    }

    InvitationProgress ended(Instant at, boolean stoppedBeforeTheEnd) {
        return new InvitationProgress(startedAt, startedBy, total, sent, passedOver, at, stoppedBeforeTheEnd);
    }

    /** How many employees it has gone through. */
    public int done() {
        return sent + passedOver;
    }

    public boolean running() {
        return endedAt == null;
    }
}
