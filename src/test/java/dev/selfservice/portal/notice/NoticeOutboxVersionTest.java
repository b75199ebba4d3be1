package dev.selfservice.portal.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.portal.state.PortalState;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.StateKind;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Outbox entries of another version than this replica writes (a rolling update changed {@link NoticeOutbox.Kept}):
 * each version has its own agenda, which only the replicas of that version sweep; so this replica neither sends such
 * an entry with its fields misread nor drops it while a replica of its version may still send it.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class NoticeOutboxVersionTest {

    /** The entry's kind as the release before sealed it: the same name and fields, its version before. */
    private static final StateKind<NoticeOutbox.Kept> ENTRY_BEFORE = new StateKind<>(NoticeOutbox.ENTRY.name(),
            NoticeOutbox.ENTRY.version() - 1, NoticeOutbox.Kept.class);

    @Inject
    NoticeOutbox outbox;

    @Inject
    Notices notices;

    @Inject
    CookieSeal seal;

    @Inject
    StateStore store;

    @Inject
    Auth0Management management;

    @Inject
    PortalConfig config;

    @Inject
    PortalTestClock clock;

    private String leftByAReplicaOfTheReleaseBefore(String username) {
        Auth0User user = management.adUser("corp-ad", username).orElseThrow();
        return seal.seal(ENTRY_BEFORE, new NoticeOutbox.Kept(NoticeKind.PASSWORD_RESET, user.userId(),
                clock.instant().getEpochSecond(), null, null, "en", null, null, "req-before", username + "@corp.example"));
    }

    private java.util.List<String> due(String agenda) {
        return store.due(agenda, clock.instant().plus(Duration.ofDays(1)), 100);
    }

    @Test
    void anEntryOfTheVersionBeforeIsLeftOnItsOwnAgendaForItsOwnReplicasNeitherSentNorDroppedHere() {
        String olderAgenda = NoticeOutbox.agenda(seal.keyId(), ENTRY_BEFORE.version());
        assertThat(olderAgenda).isNotEqualTo(outbox.agenda());
        String older = leftByAReplicaOfTheReleaseBefore("carol");
        store.schedule(olderAgenda, older, clock.instant());
        // the control: a copy this replica's version left, due at the same sweep
        Auth0User dave = management.adUser("corp-ad", "dave").orElseThrow();
        outbox.put(new Notices.Notice(NoticeKind.PASSWORD_RESET, dave.userId(), clock.instant(), null,
                java.util.Optional.empty(), java.util.Locale.ENGLISH, java.util.Optional.empty(), "req-now"), "dave@corp.example");
        clock.advance(NoticeOutbox.finishedAfter(config.notices()));

        notices.sweep();
        PortalSteps.awaitNotices("dave@corp.example", 1);
        PortalState.awaitQuiet();
        assertThat(TenantApi.notices("carol@corp.example")).as("not sent by a replica that cannot read it").isEmpty();
        assertThat(due(olderAgenda)).as("still there for a replica of its version").containsExactly(older);
        assertThat(due(outbox.agenda())).as("the control, sent and gone").isEmpty();
    }

    @Test
    void anEntryOfAnotherVersionOnThisReplicasOwnAgendaOpensAsNothingAndIsDroppedNotSent() {
        String older = leftByAReplicaOfTheReleaseBefore("carol");
        store.schedule(outbox.agenda(), older, Instant.EPOCH);
        try (LogCapture log = LogCapture.start()) {
            notices.sweep();
            PortalState.awaitQuiet();
            log.await(l -> l.contains("dropped an entry of the outbox that does not open"));
        }
        assertThat(due(outbox.agenda())).isEmpty();
        assertThat(TenantApi.notices("carol@corp.example")).isEmpty();
    }
}
