package dev.selfservice.portal.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@code portal.enrolment.leftover-sweep-every}, set as the README documents it, starts the application and is used. */
@QuarkusTest
@TestProfile(LeftoverSweepSettingTest.SweepEveryFiveMinutes.class)
class LeftoverSweepSettingTest {

    public static class SweepEveryFiveMinutes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.enrolment.leftover-sweep-every", "5M");
        }
    }

    @Inject
    PortalConfig config;

    @Inject
    Scheduler scheduler;

    @Test
    void theDocumentedSettingStartsTheApplicationAndSetsTheSweepsInterval() {
        assertThat(config.enrolment().leftoverSweepEvery()).isEqualTo(Duration.ofMinutes(5));
        Trigger sweep = scheduler.getScheduledJobs().stream()
                .filter(job -> job.getMethodDescription().contains("Leftovers")).findFirst().orElseThrow();
        // an interval job fires once at start; from then on its next time is one interval after the last
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (sweep.getPreviousFireTime() == null && java.time.Instant.now().isBefore(deadline)) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L); // a bounded wait on the condition
        }
        assertThat(sweep.getPreviousFireTime()).as("the sweep ran").isNotNull();
        assertThat(Duration.between(sweep.getPreviousFireTime(), sweep.getNextFireTime())).isEqualTo(Duration.ofMinutes(5));
    }
}
