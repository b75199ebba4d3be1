package dev.selfservice.portal.state;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** An in-memory store that holds its most keys refuses a new counter with the "try again" page, and counts it. */
@QuarkusTest
@TestProfile(StateStoreFullTest.SmallStore.class)
@CleanSlate
class StateStoreFullTest {

    public static class SmallStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.state.max-entries", "12");
        }
    }

    @Inject
    MeterRegistry metrics;

    @Test
    void recoveryAttemptsUnderNewNamesAreRefusedWithATryAgainPageOnceTheStoreIsFull() {
        double before = metrics.counter("portal.state.refused", "what", "counter").count();
        Page last = null;
        int accepted = 0;
        for (int i = 0; i < 12; i++) {
            // each attempt's code counter is a new key (a start alone counts only under its address)
            Browser browser = new Browser();
            Page form = browser.get(portal() + "/recovery");
            Page code = browser.submit(form, "#recovery-start", Map.of("username", "made-up-" + i, "contact", "made-up-" + i + "@example.com"));
            last = code.status() == 503 ? code : browser.submit(code, "#recovery-code", Map.of("code", "123456"));
            if (last.status() == 503) {
                break;
            }
            accepted++;
        }
        assertThat(accepted).as("starts answered before the store was full").isPositive();
        assertThat(last.status()).isEqualTo(503);
        assertThat(last.text("h1")).isEqualTo("Try again in a minute");
        assertThat(last.body()).contains("nothing was done").doesNotContain("Exception", "at dev.");
        assertThat(metrics.counter("portal.state.refused", "what", "counter").count()).isEqualTo(before + 1);
    }
}
