package dev.selfservice.portal.state;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.RedisServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The Redis store, as the portal configures it from {@code REDIS_URL}: the same contract against a real Redis. */
@QuarkusTest
@TestProfile(RedisServer.OnRedis.class)
@ExtendWith(RedisServer.class)
class RedisStateStoreTest extends StateStoreContract {

    @Inject
    StateStore store;

    @Inject
    PortalTestClock clock;

    @Inject
    dev.selfservice.portal.auth0.TenantSetupCheck tenantCheck;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Override
    StateStore store() {
        return store;
    }

    @Override
    void advance(Duration d) {
        clock.advance(d);
    }

    @Test
    void thePortalUsesRedisAndReadinessSaysSo() {
        org.assertj.core.api.Assertions.assertThat(store.kind()).startsWith("Redis");
        // readiness also carries the tenant self-check, whose first look runs beside the start (and may have found the
        // local tenant not yet listening): look now, so the answer depends on the store alone
        tenantCheck.check();
        given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200)
                .body("checks.name", hasItem("state store"))
                .body("checks.find { it.name == 'state store' }.status", org.hamcrest.Matchers.equalTo("UP"));
    }
}
