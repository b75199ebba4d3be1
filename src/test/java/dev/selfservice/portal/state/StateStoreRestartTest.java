package dev.selfservice.portal.state;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.selfservice.portal.auth0.TenantSetupCheck;
import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.RedisServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Redis stops under a running replica that it has answered (as it does when its pod is drained) and starts again:
 * the replica stays in the Service and says why it answers "try again" (readiness names the store as not answering,
 * the log says so once, a gauge shows it for an alert), and serves again once Redis is back. A store that never
 * answered keeps it out: {@link StateStoreDownTest}.
 */
@QuarkusTest
@TestProfile(StateStoreRestartTest.OwnRedis.class)
@ExtendWith(RedisServer.Own.Startable.class)
class StateStoreRestartTest {

    public static class OwnRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return RedisServer.Own.canStart() ? Map.of("quarkus.redis.hosts", RedisServer.Own.RESTARTING.url()) : Map.of();
        }
    }

    @Inject
    TenantSetupCheck tenantCheck;

    private boolean stopped;

    @AfterEach
    void redisBack() {
        if (stopped) {
            RedisServer.Own.RESTARTING.start();
        }
    }

    @Test
    void aStoreThatStopsAfterAnsweringLeavesTheReplicaInAndSaysSoUntilItAnswersAgain() {
        tenantCheck.check(); // readiness also carries the self-check, whose first look runs beside the start
        assertThat(stateStore(readiness(200))).containsEntry("status", "UP").containsEntry("answering", true);
        assertThat(metrics()).contains("portal_state_store_answering 1.0");

        try (LogCapture log = LogCapture.start()) {
            RedisServer.Own.RESTARTING.stop();
            stopped = true;
            assertThat(stateStore(readiness(200))).as("still in the Service").containsEntry("status", "UP")
                    .containsEntry("answering", false);
            assertThat(metrics()).contains("portal_state_store_answering 0.0");
            readiness(200);
            assertThat(log.lines().stream().filter(l -> l.contains("does not answer"))).as("said once").hasSize(1);

            // what the employee meets meanwhile: the portal's own page, not the load balancer's
            Browser browser = new Browser();
            Page form = browser.get(portal() + "/recovery");
            assertThat(form.status()).isEqualTo(200);
            Page refused = browser.submit(form, "#recovery-start",
                    Map.of("username", "bob", "contact", "bob.personal@example.com"));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.text("h1")).isEqualTo("Try again in a minute");

            RedisServer.Own.RESTARTING.start();
            stopped = false;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (!ping() && Instant.now().isBefore(deadline)) {
                sleep(100); // the pool's next connection, not a clock: nothing here is timed by the portal
            }
            assertThat(stateStore(readiness(200))).containsEntry("answering", true);
            assertThat(metrics()).contains("portal_state_store_answering 1.0");
            assertThat(log.lines()).anyMatch(l -> l.contains("answers again"));
        }
    }

    @Test
    void aStoreThatComesBackWithAPasswordThisReplicaLacksTakesItOut() {
        tenantCheck.check();
        assertThat(stateStore(readiness(200))).containsEntry("answering", true);
        try (LogCapture log = LogCapture.start()) {
            RedisServer.Own.RESTARTING.stop();
            stopped = true;
            // as when Redis is restarted with a new password and this pod was started without it
            RedisServer.Own.RESTARTING.startRequiring("a-password-this-replica-lacks");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            Map<String, Object> check = stateStore(given().get("/q/health/ready").then().extract().jsonPath());
            while (!Boolean.TRUE.equals(check.get("refused")) && Instant.now().isBefore(deadline)) {
                sleep(100);
                check = stateStore(given().get("/q/health/ready").then().extract().jsonPath());
            }
            assertThat(stateStore(readiness(503))).as("this replica's setup, not an outage: out")
                    .containsEntry("status", "DOWN").containsEntry("refused", true).containsEntry("answering", false);
            assertThat(log.lines()).anyMatch(l -> l.contains("refuses this replica's password"))
                    .noneMatch(l -> l.contains("a-password-this-replica-lacks"));
            RedisServer.Own.RESTARTING.stop();
            RedisServer.Own.RESTARTING.start();
            stopped = false;
            deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (!ping() && Instant.now().isBefore(deadline)) {
                sleep(100);
            }
            assertThat(stateStore(readiness(200))).containsEntry("answering", true).containsEntry("refused", false);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean ping() {
        return Boolean.TRUE.equals(stateStore(given().get("/q/health/ready").then().extract().jsonPath()).get("answering"));
    }

    private static JsonPath readiness(int status) {
        return given().get("/q/health/ready").then().log().ifValidationFails().statusCode(status).extract().jsonPath();
    }

    private static Map<String, Object> stateStore(JsonPath ready) {
        Map<String, Object> check = new java.util.HashMap<>(ready.getMap("checks.find { it.name == 'state store' }.data"));
        check.put("status", ready.getString("checks.find { it.name == 'state store' }.status"));
        return check;
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
