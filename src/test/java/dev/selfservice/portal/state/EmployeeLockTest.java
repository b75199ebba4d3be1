package dev.selfservice.portal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The per-employee lock is given back only by the step that holds it. */
class EmployeeLockTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final InMemoryStateStore store = new InMemoryStateStore(clock, 1_000, new SimpleMeterRegistry());
    private final EmployeeLock lock = new EmployeeLock(store);

    @Test
    void aStepThatOutlivedItsHoldDoesNotGiveBackTheLockAnotherStepNowHolds() {
        String key = StateKeys.of("lock", "ad|bob");
        boolean[] otherTookIt = {false};
        lock.holding("ad|bob", () -> {
            assertThat(store.isClaimed(key)).as("held while the step runs").isTrue();
            clock.advance(EmployeeLock.HOLD.plusSeconds(1)); // a slow Auth0 call
            otherTookIt[0] = store.claim(key, "the other step", EmployeeLock.HOLD);
            return null;
        });
        assertThat(otherTookIt[0]).isTrue();
        assertThat(store.isClaimed(key)).as("the other step's lock, after the first step ended").isTrue();
        assertThat(store.release(key, "the other step")).isTrue();
    }

    @Test
    void aStepGivesBackItsOwnLock() {
        lock.holding("ad|bob", () -> null);
        assertThat(store.isClaimed(StateKeys.of("lock", "ad|bob"))).isFalse();
        assertThat(store.claim(StateKeys.of("lock", "ad|bob"), "next", Duration.ofMinutes(2))).isTrue();
    }
}
