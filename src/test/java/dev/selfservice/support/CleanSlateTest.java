package dev.selfservice.support;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;

/** {@link CleanSlate} resets what a test changed before the next one starts: tenant, directory and portal clock. */
@QuarkusTest
@CleanSlate
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CleanSlateTest {

    @Inject
    PortalTestClock clock;

    @Test
    @Order(1)
    void aTestChangesTheTenantAndThePortal() {
        TenantApi.directoryState("bob", "disabled");
        clock.advance(Duration.ofDays(3));
        assertThat(PortalSteps.signsIn("bob", DEMO_PASSWORD)).as("the change took").isFalse();
        assertThat(clock.instant()).isAfter(Instant.now().plus(Duration.ofDays(2)));
    }

    @Test
    @Order(2)
    void theNextOneFindsEverythingBack() {
        assertThat(PortalSteps.signsIn("bob", DEMO_PASSWORD)).isTrue();
        assertThat(clock.instant()).isBefore(Instant.now().plus(Duration.ofMinutes(1)));
    }
}
