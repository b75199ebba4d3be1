package dev.selfservice.portal.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Recovery's send limits and protected accounts, with small limits and erin protected. */
@QuarkusTest
@TestProfile(RecoveryLimitsTest.SmallLimits.class)
@dev.selfservice.support.CleanSlate
class RecoveryLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.recovery.max-sends", "2", "portal.recovery.protected-usernames", "erin");
        }
    }


    @Test
    void codeRequestsAreLimitedPerContactOnThePage() {
        Browser browser = new Browser();
        assertThat(RecoveryFlow.start(browser, "nobody2", "same@example.com").status()).isEqualTo(200);
        assertThat(RecoveryFlow.start(browser, "nobody3", "same@example.com").status()).isEqualTo(200);
        Page limited = RecoveryFlow.start(browser, "nobody4", "same@example.com");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("#problem")).contains("Too many requests");
    }

    @Test
    void aStrangersRequestsForAUsernameDoNotUseUpItsSendLimit() {
        Browser stranger = new Browser();
        for (String address : List.of("a1@example.com", "a2@example.com", "a3@example.com")) {
            assertThat(RecoveryFlow.start(stranger, "bob", address).status()).isEqualTo(200);
        }
        int before = PortalSteps.outboxCount(RecoveryTest.BOB_EMAIL);
        assertThat(RecoveryFlow.start(new Browser(), "bob", RecoveryTest.BOB_EMAIL).status()).isEqualTo(200);
        PortalSteps.awaitCode(RecoveryTest.BOB_EMAIL, before);
    }

    @Test
    void codesToTheEnrolledContactsOfOneUsernameAreLimitedWithoutThePageTelling() {
        TenantApi.linkContact("bob", "email", "bob.second@example.com");
        Browser browser = new Browser();
        int first = PortalSteps.outboxCount(RecoveryTest.BOB_EMAIL);
        assertThat(RecoveryFlow.start(browser, "bob", RecoveryTest.BOB_EMAIL).status()).isEqualTo(200);
        PortalSteps.awaitCode(RecoveryTest.BOB_EMAIL, first);
        int second = PortalSteps.outboxCount("bob.second@example.com");
        assertThat(RecoveryFlow.start(browser, "bob", "bob.second@example.com").status()).isEqualTo(200);
        PortalSteps.awaitCode("bob.second@example.com", second);

        // the third code for bob: the page answers as always, and no code is sent
        try (LogCapture log = LogCapture.start()) {
            Page third = RecoveryFlow.start(browser, "bob", RecoveryTest.BOB_EMAIL);
            assertThat(third.status()).isEqualTo(200);
            assertThat(third.path()).isEqualTo("/recovery/code");
            log.await(line -> line.contains("had the most codes in the window"));
        }
        assertThat(PortalSteps.outboxCount(RecoveryTest.BOB_EMAIL)).isEqualTo(first + 1);
    }

    @Test
    void aProtectedAccountGetsTheHelpdeskMessageAndIsNotReset() {
        Browser browser = new Browser();
        Page refused = RecoveryFlow.prove(browser, "erin", RecoveryTest.ERIN_PHONE, RecoveryTest.ERIN_PHONE);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("#problem")).contains("Self-service cannot unlock or reset this account");
        // no proof was kept: the reset form is not there to post
        assertThat(browser.get(dev.selfservice.support.LocalTenantUrls.portal() + "/recovery/reset").document()
                .select("#recovery-reset")).isEmpty();
        assertThat(TenantApi.events(Map.of("type", "sapi"))).as("nothing was written to the account").isEmpty();

        // the control: an account not protected gets the form, and its reset is a write the same query sees
        Browser bob = new Browser();
        Page reset = RecoveryFlow.prove(bob, "bob", RecoveryTest.BOB_EMAIL, RecoveryTest.BOB_EMAIL);
        assertThat(reset.document().select("#recovery-reset")).hasSize(1);
        assertThat(RecoveryFlow.setPassword(bob, reset, "Violet-Harbor-Lamp-73").status()).isEqualTo(200);
        assertThat(TenantApi.events(Map.of("type", "sapi"))).isNotEmpty();
    }
}
