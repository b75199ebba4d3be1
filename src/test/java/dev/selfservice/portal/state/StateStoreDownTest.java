package dev.selfservice.portal.state;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With Redis configured but not answering, limits and proofs fail closed and readiness says so. */
@QuarkusTest
@TestProfile(StateStoreDownTest.RedisNotAnswering.class)
class StateStoreDownTest {

    public static class RedisNotAnswering implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a port nothing listens on, outside the range outgoing connections take theirs from
            int closed = dev.selfservice.support.FreePorts.listenable();
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + closed);
        }
    }

    @BeforeEach
    void reset() {
        // the tenant only: the portal's store is the thing that is down
        given().post(dev.selfservice.support.LocalTenantUrls.tenant() + "test-controls/reset").then().statusCode(204);
    }

    @Test
    void aRecoveryIsRefusedWithATryAgainPageAndNoCodeIsSent() {
        Browser browser = new Browser();
        Page form = browser.get(portal() + "/recovery");
        Page refused = browser.submit(form, "#recovery-start", Map.of("username", "bob", "contact", "bob.personal@example.com"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers().get("retry-after")).containsExactly("60");
        assertThat(refused.text("h1")).isEqualTo("Try again in a minute");
        assertThat(refused.body()).contains("nothing was done").doesNotContain("Exception", "at dev.", "redis");
        // refused before any lookup is handed to the background (the store's limits come first), so no code can
        // arrive later; RecoveryTest shows the same count seeing the code a working store lets through
        assertThat(PortalSteps.outboxCount("bob.personal@example.com")).isZero();
    }

    @Test
    void readinessReportsTheStoreDown() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'state store' }.status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void pagesThatNeedNoStateStillWork() {
        assertThat(new Browser().get(portal() + "/").status()).isEqualTo(200);
        assertThat(new Browser().get(portal() + "/recovery").status()).isEqualTo(200);
    }
}
