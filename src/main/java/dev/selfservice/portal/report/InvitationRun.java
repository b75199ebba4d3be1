package dev.selfservice.portal.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.audit.AuditAction;
import dev.selfservice.portal.audit.AuditLog;
import dev.selfservice.portal.audit.AuditOutcome;
import dev.selfservice.portal.auth0.Auth0Exception;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.portal.contact.LinkedContacts;
import dev.selfservice.portal.notice.Notices;
import dev.selfservice.portal.state.StateUnavailable;
import dev.selfservice.portal.web.PageLanguage;
import io.quarkus.runtime.ShutdownEvent;

/**
 * "Invite everyone without a contact who was not invited in the last days": goes through the newest reading's list of
 * employees without a recovery contact and sends each an invitation to enrol (to the work address, no link), paced
 * under the mail relay's limit ({@link ReportSettings#invitationsPerMinute()}), on one replica at a time (a lock in the
 * state store, renewed while the run lives, so that a replica that died frees it within minutes).
 * <p>
 * Each employee is noted as invited in the state store <em>before</em> their mail goes, by a claim that exactly one
 * caller wins: two runs at once, or a run started again after its replica stopped, invite nobody twice. The price is
 * the other way round: an employee noted by a replica that died before sending is not invited by this run (at most
 * once, not at least once; the helpdesk's single invitation reaches them).
 * <p>
 * The employee's language is not in the directory's export (AD profiles carry none): invitations are written in the
 * portal's default language.
 */
@ApplicationScoped
public class InvitationRun {

    /** What a press of the button did. */
    public enum Started {
        STARTED, ALREADY_RUNNING, NO_READING
    }

    private static final Logger LOG = Logger.getLogger(InvitationRun.class);
    /** How long the run's lock holds without being renewed: a replica that died frees it within this. */
    static final Duration LOCK_HOLD = Duration.ofMinutes(5);

    private final CoverageStore store;
    private final Notices notices;
    private final Auth0Management management;
    private final ReportSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final ManagedExecutor executor;
    private final Locale language;
    /** The running run's stop switch on this replica, if one runs here. */
    private volatile AtomicBoolean stopSwitch = new AtomicBoolean();

    InvitationRun(CoverageStore store, Notices notices, Auth0Management management, ReportSettings settings,
            AuditLog audit, Clock clock, ManagedExecutor executor, PortalConfig config) {
        this.store = store;
        this.notices = notices;
        this.management = management;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.executor = executor;
        this.language = PageLanguage.defaultLocale(config);
    }

    /** Starts a run for the staff member, unless one runs on any replica or there is no reading to go through. */
    public Started start(String staffUserId, String staffName) {
        Optional<WithoutContact> list = store.withoutContact();
        if (list.isEmpty()) {
            return Started.NO_READING;
        }
        String holder = UUID.randomUUID().toString();
        if (!store.lockInvitations(holder, LOCK_HOLD)) {
            return Started.ALREADY_RUNNING;
        }
        // the lock's time runs from here, not from when the executor gets to the run
        Instant lockedAt = clock.instant();
        AtomicBoolean stop = new AtomicBoolean();
        stopSwitch = stop;
        InvitationProgress started = InvitationProgress.started(clock.instant(), staffName, list.get().employees().size());
        try {
            store.progress(started);
            audit.record(AuditAction.REPORT_INVITATIONS, AuditOutcome.SUCCESS, null, null, Map.of("staff", staffUserId,
                    "staff_name", staffName, "phase", "started", "total", String.valueOf(started.total())));
            executor.runAsync(() -> run(holder, lockedAt, list.get(), started, staffUserId, staffName, stop));
        } catch (RuntimeException e) {
            store.unlockInvitations(holder);
            throw e;
        }
        return Started.STARTED;
    }

    /** Where the newest run stands, on any replica. */
    public Optional<InvitationProgress> progress() {
        return store.invitationProgress();
    }

    /**
     * Whether the run says it is sending but no replica holds its lock: the replica running it died without noting an
     * end (a running run renews its lock well before it expires, without letting go of it), so it sends nothing more
     * until started again.
     */
    public boolean abandoned(InvitationProgress p) {
        return p.running() && !store.invitationsLocked();
    }

    /** A stop (a rolling update): the run here ends after the mail it is sending; a run started again goes on. */
    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    void stop() {
        stopSwitch.set(true);
    }

    private void run(String holder, Instant lockedAt, WithoutContact list, InvitationProgress started,
            String staffUserId, String staffName, AtomicBoolean stop) {
        InvitationProgress p = started;
        Duration every = Duration.ofMinutes(1).dividedBy(Math.max(1, settings.invitationsPerMinute()));
        Instant nextSend = clock.instant();
        boolean stopped = false;
        boolean lockLost = false;
        try {
            for (WithoutContact.Employee e : list.employees()) {
                if (!awaitSlot(nextSend, stop)) {
                    stopped = true;
                    break;
                }
                if (clock.instant().isAfter(lockedAt.plus(LOCK_HOLD.dividedBy(2)))) {
                    if (!store.renewInvitations(holder, LOCK_HOLD)) {
                        LOG.warn("report: the invitation run's lock expired before it was renewed; this run stops");
                        stopped = true;
                        lockLost = true;
                        break;
                    }
                    lockedAt = clock.instant();
                }
                Optional<String> to = stillWithoutContact(e);
                if (to.isEmpty() || !store.invite(e.userId(), settings.inviteAgainAfter())) {
                    p = p.onePassedOver();
                } else {
                    String userId = e.userId();
                    notices.inviteToEnrol(userId, to.get(), language, () -> forget(userId));
                    p = p.oneInvited();
                    nextSend = clock.instant().plus(every);
                }
                store.progress(p);
            }
        } catch (StateUnavailable e) {
            LOG.warn("report: the state store did not answer; the invitation run stops (started again, it goes on)");
            stopped = true;
        } catch (RuntimeException e) {
            LOG.error("report: the invitation run failed", e);
            stopped = true;
        } finally {
            end(holder, p, stopped, lockLost, staffUserId, staffName);
        }
    }

    /**
     * The employee's work address, when they still have no contact and are not blocked: the reading may be hours
     * old, and someone who added a contact since, or was blocked since, is not mailed. One read of the account per
     * invitation, paced with it, well under the Management API's limit. A read that fails passes them over unnoted, so
     * that the next run asks again.
     */
    private Optional<String> stillWithoutContact(WithoutContact.Employee e) {
        if (e.userId() == null || e.userId().isBlank()) {
            return Optional.empty();
        }
        Auth0User now;
        try {
            now = management.user(e.userId());
        } catch (Auth0Exception failure) {
            LOG.warnf("report: the account of %s could not be read (%s); passed over this run", e.userId(),
                    failure.error());
            return Optional.empty();
        }
        if (now.isBlocked() || !LinkedContacts.of(now).isEmpty() || now.email() == null || now.email().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(now.email());
    }

    /** A mail that could not be delivered after its tries: not noted as invited, so that the next run tries again. */
    private void forget(String userId) {
        try {
            store.uninvite(userId);
        } catch (RuntimeException e) {
            LOG.warnf("report: an undelivered invitation of %s could not be forgotten (%s); it is sent again after the "
                    + "usual days", userId, e.getClass().getSimpleName());
        }
    }

    /**
     * Notes the run's end. A run that lost its lock leaves the progress line alone: another replica's run may hold the
     * lock and the line now, and a line still saying "sending" with no lock held reads as stopped anyway.
     */
    private void end(String holder, InvitationProgress p, boolean stopped, boolean lockLost, String staffUserId,
            String staffName) {
        InvitationProgress ended = p.ended(clock.instant(), stopped);
        try {
            if (!lockLost) {
                store.progress(ended);
                store.unlockInvitations(holder);
            }
        } catch (StateUnavailable e) {
            LOG.warn("report: the invitation run's end could not be noted; its lock expires by itself");
        }
        audit.record(AuditAction.REPORT_INVITATIONS, stopped ? AuditOutcome.FAILED : AuditOutcome.SUCCESS,
                stopped ? "STOPPED" : null, null, Map.of("staff", staffUserId, "staff_name", staffName,
                        "phase", stopped ? "stopped" : "ended", "total", String.valueOf(ended.total()),
                        "sent", String.valueOf(ended.sent()), "passed_over", String.valueOf(ended.passedOver())));
        LOG.infof("report: invitation run %s: %d invited, %d passed over, of %d", stopped ? "stopped" : "ended",
                ended.sent(), ended.passedOver(), ended.total());
    }

    /**
     * Waits for the next send's slot by the portal's clock (which tests move), on this worker thread, looking every
     * 50 ms whether the run is stopped; false when it is. Written here because the pace is a few lines over the
     * clock and the stop switch, which no rate limiter of the project's libraries watches.
     */
    private boolean awaitSlot(Instant next, AtomicBoolean stop) {
        while (clock.instant().isBefore(next)) {
            if (stop.get()) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(50, Duration.between(clock.instant(), next).toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stop.get();
    }
}
