package dev.selfservice.portal.password;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The per-address limits on new passwords are settings, not constants: an office whose employees all come through one
 * NAT address raises them, and the benchmark (620 password changes from one machine in minutes) did not run at all
 * while the posts' limit was a fixed 100. Set here to other values than the defaults, in parallel, exactly those pass.
 */
@QuarkusTest
@TestProfile(PerAddressPasswordLimitsAreSettingsTest.LowLimits.class)
@CleanSlate
class PerAddressPasswordLimitsAreSettingsTest {

    static final int POSTS = 3;
    static final int CHECKS = 7;

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.password.posts-per-address", String.valueOf(POSTS),
                    "portal.password.rules-checks-per-address", String.valueOf(CHECKS));
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @Test
    void anAddressPostsExactlyTheSetNumberOfNewPasswords() {
        Browser browser = new Browser();
        Map<String, String> fields = new HashMap<>(browser.get(portal() + "/password/expired").hiddenFields("#expired-password"));
        // refused by the policy (too short), so that only the limit decides the status: 400 within the share, 429 past it
        fields.putAll(Map.of("username", "carol", "current", "Wrong-Current-1", "password", "short", "confirm", "short"));
        List<Integer> statuses = Parallel.run(browser.copies(POSTS + 4).stream()
                .map(b -> (Callable<Integer>) () -> b.post(portal() + "/password/expired", fields).status())
                .toList());
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(POSTS);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(4);
    }

    @Test
    void anAddressMakesExactlyTheSetNumberOfChecklistChecks() {
        Browser browser = new Browser();
        Map<String, String> fields = new HashMap<>(browser.get(portal() + "/password/expired").hiddenFields("#expired-password"));
        fields.put("password", "Violet-Harbor-Lamp");
        List<Integer> statuses = Parallel.times(CHECKS + 4, () -> browser.post(portal() + "/password/rules", fields).status());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(CHECKS);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(429);
    }
}
