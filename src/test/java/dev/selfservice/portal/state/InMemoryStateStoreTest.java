package dev.selfservice.portal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.MutableClock;

/** The in-memory store: the contract, and that it stays bounded whatever is tried. */
class InMemoryStateStoreTest extends StateStoreContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final InMemoryStateStore store = new InMemoryStateStore(clock, 1_000);

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
            store.tryAcquire("recovery:sends:user:" + i, 5, Duration.ofMinutes(15));
        }
        assertThat(store.size()).isLessThanOrEqualTo(1_000).isPositive();
    }
}
