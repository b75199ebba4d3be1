package dev.selfservice.portal.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Recovery's send limits and protected accounts, with small limits and erin protected. */
@QuarkusTest
@TestProfile(RecoveryLimitsTest.SmallLimits.class)
class RecoveryLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.recovery.max-sends", "2", "portal.recovery.protected-usernames", "erin");
        }
    }

    @BeforeEach
    void reset() {
        TenantApi.reset();
    }

    @Test
    void codeRequestsAreLimitedPerUsernameAndPerContact() {
        Browser browser = new Browser();
        assertThat(RecoveryFlow.start(browser, "nobody1", "a1@example.com").status()).isEqualTo(200);
        assertThat(RecoveryFlow.start(browser, "nobody1", "a2@example.com").status()).isEqualTo(200);
        Page limited = RecoveryFlow.start(browser, "nobody1", "a3@example.com");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("#problem")).contains("Too many requests");

        assertThat(RecoveryFlow.start(browser, "nobody2", "same@example.com").status()).isEqualTo(200);
        assertThat(RecoveryFlow.start(browser, "nobody3", "same@example.com").status()).isEqualTo(200);
        assertThat(RecoveryFlow.start(browser, "nobody4", "same@example.com").status()).isEqualTo(429);
    }

    @Test
    void aProtectedAccountGetsTheHelpdeskMessageAndIsNotReset() {
        Page refused = RecoveryFlow.prove(new Browser(), "erin", RecoveryTest.ERIN_PHONE, RecoveryTest.ERIN_PHONE);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("#problem")).contains("Self-service cannot unlock or reset this account");
    }
}
