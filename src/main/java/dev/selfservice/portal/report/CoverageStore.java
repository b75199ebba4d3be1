package dev.selfservice.portal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;

/**
 * The report's memory, in the state store so that every replica shows the same: the figures of each good reading
 * (the newest is the report, the newest of each day the trend), the newest list of employees without a contact, the
 * newest failed reading, and the run's lock. A failed or slow reading writes no figures: the last good ones stay.
 */
@ApplicationScoped
class CoverageStore {

    /** A year and a month of readings: the trend shows at most {@link ReportSettings#trendDays()} of them. */
    static final Duration KEEP = Duration.ofDays(400);
    /** Several readings a day stay within a year of days. */
    static final int MAX_READINGS = 2_000;

    static final String FIGURES = StateKeys.of("report", "figures");
    static final String WITHOUT_CONTACT = StateKeys.of("report", "without-contact");
    static final String FAILURE = StateKeys.of("report", "failure");
    static final String LOCK = StateKeys.of("report", "run-lock");
    static final String INVITATION_LOCK = StateKeys.of("report", "invitation-lock");
    static final String INVITATION_PROGRESS = StateKeys.of("report", "invitation-progress");

    /** A reading that did not end in figures: when, and why in a word (never a URL or an address). */
    record Failure(Instant at, String reason) {
    }

    private final StateStore store;
    private final ObjectMapper json;
    private final Clock clock;

    CoverageStore(StateStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** The run's lock, one holder across replicas: true for exactly one caller. */
    boolean lock(String holder, Duration hold) {
        return store.claim(LOCK, holder, hold);
    }

    void unlock(String holder) {
        store.release(LOCK, holder);
    }

    boolean running() {
        return store.isClaimed(LOCK);
    }

    /** Keeps a good reading: its list first, so that the figures never name a list that is not there. */
    void keep(CoverageFigures figures, WithoutContact without) {
        store.push(WITHOUT_CONTACT, write(without), 1, KEEP);
        store.push(FIGURES, write(figures), MAX_READINGS, KEEP);
    }

    void failed(String reason) {
        store.push(FAILURE, write(new Failure(clock.instant(), reason)), 1, KEEP);
    }

    Optional<CoverageFigures> latest() {
        return store.recent(FIGURES, KEEP).stream().findFirst().map(k -> read(k.entry(), CoverageFigures.class));
    }

    /** The newest failure, if it came after the newest good reading. */
    Optional<Failure> failureSinceLatest() {
        Optional<Failure> failure = store.recent(FAILURE, KEEP).stream().findFirst()
                .map(k -> read(k.entry(), Failure.class));
        Optional<Instant> good = latest().map(CoverageFigures::readAt);
        return failure.filter(f -> good.isEmpty() || f.at().isAfter(good.get()));
    }

    /** The newest reading of each of the last {@code days} days (UTC), oldest first. */
    List<CoverageFigures> trend(int days) {
        LocalDate since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days - 1L);
        Map<LocalDate, CoverageFigures> newestOfDay = new LinkedHashMap<>();
        for (StateStore.Kept k : store.recent(FIGURES, KEEP)) {
            CoverageFigures f = read(k.entry(), CoverageFigures.class);
            LocalDate day = LocalDate.ofInstant(f.readAt(), ZoneOffset.UTC);
            if (!day.isBefore(since)) {
                newestOfDay.putIfAbsent(day, f);
            }
        }
        List<CoverageFigures> trend = new ArrayList<>(newestOfDay.values());
        java.util.Collections.reverse(trend);
        return trend;
    }

    /** The invitation run's lock, apart from the reading's: one run at a time across replicas. */
    boolean lockInvitations(String holder, Duration hold) {
        return store.claim(INVITATION_LOCK, holder, hold);
    }

    /** Keeps the invitation run's lock for {@code hold} more, without letting go of it; false when it was lost. */
    boolean renewInvitations(String holder, Duration hold) {
        return store.renew(INVITATION_LOCK, holder, hold);
    }

    boolean unlockInvitations(String holder) {
        return store.release(INVITATION_LOCK, holder);
    }

    /** Whether some replica holds the invitation run's lock now. */
    boolean invitationsLocked() {
        return store.isClaimed(INVITATION_LOCK);
    }

    /**
     * Notes that an employee is invited, before the mail goes: true for exactly one caller until {@code again}
     * passes, on every replica, so that neither two runs at once nor a run resumed after a stop invites anyone twice.
     */
    boolean invite(String userId, Duration again) {
        return store.claim(StateKeys.of("report", "invited", userId), again);
    }

    /** Forgets that an employee was invited: their mail could not be delivered, so that the next run tries again. */
    void uninvite(String userId) {
        store.release(StateKeys.of("report", "invited", userId));
    }

    void progress(InvitationProgress progress) {
        store.push(INVITATION_PROGRESS, write(progress), 1, KEEP);
    }

    Optional<InvitationProgress> invitationProgress() {
        return store.recent(INVITATION_PROGRESS, KEEP).stream().findFirst()
                .map(k -> read(k.entry(), InvitationProgress.class));
    }

    Optional<WithoutContact> withoutContact() {
        return store.recent(WITHOUT_CONTACT, KEEP).stream().findFirst().map(k -> read(k.entry(), WithoutContact.class));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
