package dev.selfservice.portal.enrolment;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
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

/** Changing recovery contacts needs a recent AD sign-in; an older one is asked for the password again. */
@QuarkusTest
@TestProfile(EnrolmentNeedsRecentSignInTest.ShortWindow.class)
class EnrolmentNeedsRecentSignInTest {

    public static class ShortWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.enrolment.recent-sign-in", "3S");
        }
    }

    @BeforeEach
    void reset() {
        TenantApi.reset();
    }

    @Test
    void anOldSignInIsAskedForTheAdPasswordAgainEvenWithATenantSession() throws Exception {
        Browser alice = EnrolmentTest.signIn("alice");
        Thread.sleep(3100);

        Page again = EnrolmentTest.add(alice, "add-email", "email", "pat@example.com");
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.text("#again")).contains("recent sign-in");

        Page login = alice.submit(again, "#sign-in-again", Map.of());
        assertThat(login.uri().toString()).as("prompt=login: the tenant asks although its session lives")
                .startsWith(tenant() + "u/login");
        assertThat(alice.visited()).anyMatch(u -> u.toString().startsWith(tenant() + "authorize")
                && u.getQuery().contains("prompt=login"));

        Page back = alice.submit(login, "form", Map.of("username", "alice", "password", DEMO_PASSWORD));
        assertThat(back.uri().toString()).isEqualTo(portal() + "/enrolment");
        Page verify = EnrolmentTest.add(alice, "add-email", "email", "pat@example.com");
        assertThat(verify.path()).isEqualTo("/enrolment/verify");
    }
}
