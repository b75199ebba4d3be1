package dev.selfservice.portal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The in-memory store: the contract, and that it stays bounded whatever is tried without forgetting a claim. */
class InMemoryStateStoreTest extends StateStoreContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final InMemoryStateStore store = new InMemoryStateStore(clock, 1_000, metrics);

    @Override
    StateStore store() {
        return store;
    }

    @Override
    void advance(Duration d) {
        clock.advance(d);
    }

    @Test
    void itKeepsNoMoreThanItsMaximumWhateverIsTried() {
        for (int i = 0; i < 50_000; i++) {
            try {
                store.tryAcquire("recovery:sends:user:" + i, 5, Duration.ofMinutes(15));
            } catch (StateUnavailable refused) {
                // the flood's new counters are refused once the store is full
            }
        }
        assertThat(store.size()).isLessThanOrEqualTo(1_000).isPositive();
    }

    /** Recovery starts under made-up usernames, each tried a few times (so that a cache would rank them above a claim). */
    private void flood() {
        for (int i = 0; i < 20_000; i++) {
            for (int tries = 0; tries < 4; tries++) {
                try {
                    store.tryAcquire(StateKeys.of("recovery:sends:user", "made-up-" + i), 5, Duration.ofMinutes(15));
                } catch (StateUnavailable refused) {
                    // refused once full: what this test is about is what the store still remembers
                }
            }
        }
    }

    @Test
    void aFloodOfNewKeysLetsNoSpentProofActAgainAndNoEndedSessionBackIn() {
        String proof = StateKeys.of("recovery:proof", "proof-of-bob");
        String ended = StateKeys.of("session:ended", "alice-session");
        String validAfter = StateKeys.of("sessions:valid-after", "ad|alice");
        Instant signedOut = clock.instant();
        assertThat(store.claim(proof, Duration.ofMinutes(10))).as("the proof acts once").isTrue();
        store.claim(ended, Duration.ofHours(1));
        store.putInstant(validAfter, signedOut, Duration.ofHours(1));

        flood();

        assertThat(store.claim(proof, Duration.ofMinutes(10))).as("the spent proof acts again").isFalse();
        assertThat(store.isClaimed(ended)).as("the ended session is still ended").isTrue();
        assertThat(store.instant(validAfter)).as("the sign-out everywhere is still known").contains(signedOut);
        // and each for its lifetime only
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(store.isClaimed(ended)).isFalse();
        assertThat(store.instant(validAfter)).isEmpty();
    }

    @Test
    void whenFullItRefusesNewCountersAndCountsTheRefusalButKnownCountersAndClaimsGoOn() {
        String known = StateKeys.of("recovery:codes:account", "bob");
        assertThat(store.tryAcquire(known, 10, Duration.ofHours(1))).isTrue();
        for (int i = 0; store.size() < 1_000; i++) {
            store.tryAcquire("filler:" + i, 5, Duration.ofMinutes(15));
        }
        assertThat(metrics.counter("portal.state.refused", "what", "counter").count()).as("nothing refused yet").isZero();

        assertThatThrownBy(() -> store.tryAcquire(StateKeys.of("recovery:sends:user", "new"), 5, Duration.ofMinutes(15)))
                .isInstanceOf(StateUnavailable.class);
        assertThat(metrics.counter("portal.state.refused", "what", "counter").count()).isEqualTo(1);
        assertThat(store.tryAcquire(known, 10, Duration.ofHours(1))).as("a counter it holds still counts").isTrue();
        assertThat(store.count(known, Duration.ofHours(1))).isEqualTo(2);
        assertThat(store.claim(StateKeys.of("recovery:proof", "new"), Duration.ofMinutes(10))).as("a claim is kept").isTrue();

        clock.advance(Duration.ofMinutes(16));
        assertThat(store.tryAcquire(StateKeys.of("recovery:sends:user", "new"), 5, Duration.ofMinutes(15)))
                .as("once the fillers' windows passed, new counters are taken again").isTrue();
    }

    @Test
    void aFullAgendaRefusesANewMemberAloudInsteadOfDroppingIt() {
        Instant due = clock.instant();
        for (int i = 0; i < InMemoryStateStore.MAX_AGENDA; i++) {
            store.schedule("notice:outbox", "copy-" + i, due);
        }
        assertThatThrownBy(() -> store.schedule("notice:outbox", "one-more", due)).isInstanceOf(StateUnavailable.class);
        assertThat(metrics.counter("portal.state.refused", "what", "agenda").count()).isEqualTo(1);
        store.schedule("notice:outbox", "copy-0", due.plusSeconds(60)); // a member already there is moved
        assertThat(store.due("notice:outbox", due, InMemoryStateStore.MAX_AGENDA)).hasSize(InMemoryStateStore.MAX_AGENDA - 1);
    }
}
