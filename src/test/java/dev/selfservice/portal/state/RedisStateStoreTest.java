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

    @Inject
    io.quarkus.redis.datasource.RedisDataSource redis;

    @Test
    void redisHoldsNoUnkeyedHashOfAUsernameOrAnAddress() throws Exception {
        redis.flushall();
        store.tryAcquire(StateKeys.of("recovery:sends:user", "bob"), 5, Duration.ofMinutes(15));
        store.claim(StateKeys.of("lock", "ad|bob"), "holder", Duration.ofMinutes(2));
        store.tryAcquire(StateKeys.of("recovery:sends:ip", "203.0.113.50"), 20, Duration.ofMinutes(15));

        java.util.List<String> keys = new java.util.ArrayList<>();
        redis.execute("KEYS", "ssp:*").forEach(k -> keys.add(k.toString()));
        // positive control: the three keys are there, under their purposes
        org.assertj.core.api.Assertions.assertThat(keys)
                .anySatisfy(k -> org.assertj.core.api.Assertions.assertThat(k).startsWith("ssp:recovery:sends:user:"))
                .anySatisfy(k -> org.assertj.core.api.Assertions.assertThat(k).startsWith("ssp:lock:"))
                .anySatisfy(k -> org.assertj.core.api.Assertions.assertThat(k).startsWith("ssp:recovery:sends:ip:"));
        for (String guess : java.util.List.of("bob", "ad|bob", "203.0.113.50")) {
            String unkeyed = StateKeys.of("x", guess).substring(2); // what anyone can compute from a guess
            org.assertj.core.api.Assertions.assertThat(keys).as("a key reversed by hashing %s", guess)
                    .noneMatch(k -> k.contains(unkeyed) || k.contains(guess));
        }
    }

    /** The lock's time is in its value (the portal's clock) and in Redis's own expiry: a renewal moves both. */
    @Test
    void aRenewedLockIsKeptByRedisItselfForItsNewTimeNotItsFirst() {
        redis.flushall();
        String key = StateKeys.of("test-lock", java.util.UUID.randomUUID().toString());
        org.assertj.core.api.Assertions.assertThat(store.claim(key, "holder", Duration.ofSeconds(5))).isTrue();
        java.util.List<String> keys = new java.util.ArrayList<>();
        redis.execute("KEYS", "ssp:*").forEach(k -> keys.add(k.toString()));
        org.assertj.core.api.Assertions.assertThat(keys).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(redis.execute("PTTL", keys.get(0)).toLong()).isBetween(1L, 5_000L);

        org.assertj.core.api.Assertions.assertThat(store.renew(key, "holder", Duration.ofMinutes(2))).isTrue();
        org.assertj.core.api.Assertions.assertThat(redis.execute("PTTL", keys.get(0)).toLong()).isGreaterThan(60_000L);
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
