package dev.selfservice.portal.report;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.selfservice.portal.state.PortalState;
import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.RedisServer;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The coverage report with the state store every replica shares (Redis): one reading at a time, figures for all. */
@QuarkusTest
@TestProfile(RedisServer.OnRedis.class)
@ExtendWith(RedisServer.class)
@CleanSlate
class CoverageReportOnRedisTest {

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Test
    void aReadingRunningOnAnotherReplicaKeepsThisOneFromStartingOneAndTheFiguresAreSeenByEveryReplica()
            throws Exception {
        CoverageStore another = new CoverageStore(PortalState.anotherReplicasStore(), json, clock);
        assertThat(another.lock("the-other-replica", Duration.ofMinutes(5))).isTrue();

        Browser rita = PortalSteps.signIn("rita", DEMO_PASSWORD);
        Page refused = rita.submit(rita.get(portal() + "/reports"), "#run", Map.of());
        assertThat(refused.text("#notice")).startsWith("A reading is already running");
        assertThat(refused.text("#running")).startsWith("A reading is running now");
        assertThat(TenantApi.callsTo("POST /api/v2/jobs/users-exports")).isZero();

        // the control: once the other replica is done, this one reads, and the other sees its figures
        another.unlock("the-other-replica");
        Page started = rita.submit(rita.get(portal() + "/reports"), "#run", Map.of());
        assertThat(started.text("#notice")).startsWith("The reading was started");
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while ((another.latest().isEmpty() || another.running()) && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        assertThat(another.latest()).hasValueSatisfying(f -> {
            assertThat(f.total()).isEqualTo(8);
            assertThat(f.withContact()).isEqualTo(2);
        });
        assertThat(another.withoutContact()).hasValueSatisfying(w -> assertThat(w.employees()).hasSize(6));
        assertThat(TenantApi.callsTo("POST /api/v2/jobs/users-exports")).isEqualTo(1);
    }
}
