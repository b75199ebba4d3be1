package dev.selfservice.portal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.selfservice.support.RedisServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A Redis that requires a password, as the Kubernetes component's does: the URL (a ConfigMap's) names none, and
 * {@code REDIS_PASSWORD} (the Secret's) gets the portal in.
 */
@QuarkusTest
@TestProfile(RedisPasswordTest.PasswordInItsOwnSetting.class)
@ExtendWith(RedisServer.Own.Startable.class)
class RedisPasswordTest {

    public static class PasswordInItsOwnSetting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return RedisServer.Own.canStart()
                    ? Map.of("quarkus.redis.hosts", RedisServer.Own.WITH_PASSWORD.url(),
                            "REDIS_PASSWORD", RedisServer.Own.WITH_PASSWORD.password())
                    : Map.of();
        }
    }

    @Inject
    StateStore store;

    @Test
    void thePortalGetsInWithThePasswordSetApartFromTheUrl() throws IOException {
        assertThat(store.kind()).startsWith("Redis");
        assertThat(store.ping()).isEqualTo(StateStore.Reachability.ANSWERS);
        String key = StateKeys.of("test", "password");
        assertThat(store.tryAcquire(key, 1, Duration.ofMinutes(1))).isTrue();
        assertThat(store.tryAcquire(key, 1, Duration.ofMinutes(1))).as("counted in that Redis").isFalse();
        // the control: this Redis does refuse a client without the password
        assertThat(RedisServer.says(URI.create(RedisServer.Own.WITH_PASSWORD.url()).getPort(), "PING\r\n")).startsWith("-NOAUTH");
    }
}
