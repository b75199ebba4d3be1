package dev.selfservice.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The reading's one deadline, which the job's polls and the file's download share. */
class ExportDeadlineTest {

    private static final Instant GIVE_UP = Instant.parse("2026-03-02T08:30:00Z");

    @Test
    void aDownloadStartedAfterTheDeadlineFailsAsTooSlowInsteadOfGettingAFreshTimeout() {
        assertThatThrownBy(() -> ExportReading.left(GIVE_UP.plus(Duration.ofMinutes(10)), GIVE_UP))
                .isInstanceOfSatisfying(ExportReading.Failed.class,
                        e -> assertThat(e.getMessage()).isEqualTo("export_too_slow"));
    }

    @Test
    void aDownloadStartedAtTheDeadlineFailsAsTooSlow() {
        assertThatThrownBy(() -> ExportReading.left(GIVE_UP, GIVE_UP)).isInstanceOf(ExportReading.Failed.class)
                .hasMessage("export_too_slow");
    }

    @Test
    void beforeTheDeadlineTheDownloadMayTakeWhatIsLeftOfIt() {
        assertThat(ExportReading.left(GIVE_UP.minus(Duration.ofSeconds(90)), GIVE_UP)).isEqualTo(Duration.ofSeconds(90));
    }
}
