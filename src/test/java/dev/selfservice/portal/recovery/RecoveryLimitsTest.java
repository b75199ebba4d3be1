package dev.selfservice.portal.recovery;

import dev.selfservice.portal.state.Limit;

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

    @jakarta.inject.Inject
    dev.selfservice.portal.state.Limits limits;

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.recovery.max-sends", "2", "portal.recovery.protected-usernames", "erin");
        }
    }


    @jakarta.inject.Inject
    dev.selfservice.support.PortalTestClock clock;

    @Test
    void recoveryStartsAreLimitedPerAddressOnThePage() {
        Browser browser = new Browser();
        for (int i = 0; i < 8; i++) {
            assertThat(RecoveryFlow.start(browser, "nobody" + i, "same" + i + "@example.com").status()).isEqualTo(200);
        }
        Page limited = RecoveryFlow.start(browser, "nobody9", "same9@example.com");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("#problem")).contains("Too many requests");
    }

    @Test
    void aPendingCodePostedAgainAndAgainCostsTheManagementApiNoMoreThanTheAttemptsTries() {
        Browser browser = new Browser();
        Page code = RecoveryFlow.start(browser, "zz-ghost", "ghost@example.org");
        // an attacker keeps the pending cookie and sends it again, whatever the answers set
        Browser kept = browser.copies(1).get(0);
        int reads = TenantApi.callsTo(USER_SEARCH);
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(RecoveryFlow.enterCode(replayed(kept), code, "123456").status());
        }
        // the attempt's ten tries are answered (each looks the username up, whether or not it exists), the rest are
        // refused before Auth0 is asked anything
        assertThat(statuses.subList(0, 10)).containsOnly(400);
        assertThat(statuses.subList(10, 30)).containsOnly(429);
        assertThat(TenantApi.callsTo(USER_SEARCH) - reads).isEqualTo(10);
    }

    private static final String USER_SEARCH = "GET /api/v2/users";

    /** A request with exactly the cookies {@code kept} holds, whatever earlier answers set or cleared. */
    private static Browser replayed(Browser kept) {
        return kept.copies(1).get(0);
    }

    @Test
    void whileAuth0AnswersItsRateLimitACodePostStillUsesATrySoPostsCannotFeedTheOverload() {
        Browser browser = new Browser();
        Page code;
        try (LogCapture log = LogCapture.start()) {
            code = RecoveryFlow.start(browser, "zz-ghost", "ghost@example.org");
            // the start's own lookup runs after its answer: counted before the posts are
            log.await(line -> line.contains("no code sent: the contact is not enrolled"));
        }
        Browser kept = browser.copies(1).get(0);
        TenantApi.fault(Map.of("method", "GET", "path", "/api/v2/users", "status", 429, "times", 0));
        int reads = TenantApi.callsTo(USER_SEARCH);
        List<String> problems = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            problems.add(RecoveryFlow.enterCode(replayed(kept), code, "123456").text("#problem"));
        }
        int lookups = TenantApi.callsTo(USER_SEARCH) - reads;
        TenantApi.clearFaults();
        // each of the attempt's ten tries was told Auth0 is busy (its lookup retried as Auth0's SDKs do); the five
        // after them asked nothing
        assertThat(problems.subList(0, 10)).allSatisfy(p -> assertThat(p).contains("The sign-in service is busy"));
        assertThat(problems.subList(10, 15)).allSatisfy(p -> assertThat(p).contains("Too many wrong codes"));
        assertThat(lookups).isBetween(10, 10 * 3);
        // the tries stay used once Auth0 answers again
        assertThat(RecoveryFlow.enterCode(replayed(kept), code, "123456").text("#problem")).contains("Too many wrong codes");
    }

    @Test
    void oneProofShowsTheResetPageABoundedNumberOfTimesAndStillResets() {
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "bob", RecoveryTest.BOB_EMAIL, RecoveryTest.BOB_EMAIL);
        assertThat(reset.path()).isEqualTo("/recovery/reset");
        String page = dev.selfservice.support.LocalTenantUrls.portal() + "/recovery/reset";
        for (int i = 1; i < limits.ceiling(Limit.RECOVERY_PROOF_VIEWS); i++) {
            assertThat(browser.get(page).status()).as("view " + (i + 1)).isEqualTo(200);
        }
        int reads = TenantApi.callsTo("GET /api/v2/users/:id");
        Page limited = browser.get(page);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("#problem")).contains("Too many requests");
        assertThat(TenantApi.callsTo("GET /api/v2/users/:id")).as("no account read for it").isEqualTo(reads);
        // the proof still holds: the reset itself goes through
        assertThat(RecoveryFlow.setPassword(browser, limited, "Quiet-Garden-Moon-58").path()).isEqualTo("/recovery/done");
    }

    @Test
    void codesSentToOneContactAreLimitedWithoutThePageTelling() {
        Browser browser = new Browser();
        int first = PortalSteps.outboxCount(RecoveryTest.BOB_EMAIL);
        Page code = RecoveryFlow.start(browser, "bob", RecoveryTest.BOB_EMAIL);
        PortalSteps.awaitCode(RecoveryTest.BOB_EMAIL, first);
        clock.advance(java.time.Duration.ofSeconds(31));
        code = browser.submit(code, "#recovery-resend", Map.of());
        PortalSteps.awaitCode(RecoveryTest.BOB_EMAIL, first + 1);

        // the third code for that contact: the page answers as always, and no code is sent
        clock.advance(java.time.Duration.ofSeconds(31));
        try (LogCapture log = LogCapture.start()) {
            Page third = browser.submit(code, "#recovery-resend", Map.of());
            assertThat(third.status()).isEqualTo(200);
            assertThat(third.path()).isEqualTo("/recovery/code");
            log.await(line -> line.contains("the contact had the most codes in the window"));
        }
        assertThat(PortalSteps.outboxCount(RecoveryTest.BOB_EMAIL)).isEqualTo(first + 2);
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
        clock.advance(java.time.Duration.ofMinutes(6)); // the first code is no longer valid, so a start may send one

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
    void aProtectedAccountIsSentNoCodeThoughThePageAnswersAsForAnyOther() {
        Browser bob = new Browser();
        int bobsBefore = PortalSteps.outboxCount(RecoveryTest.BOB_EMAIL);
        Page bobs = RecoveryFlow.start(bob, "bob", RecoveryTest.BOB_EMAIL);
        // the control: an account not protected is sent its code
        PortalSteps.awaitCode(RecoveryTest.BOB_EMAIL, bobsBefore);

        int erinsBefore = PortalSteps.outboxCount(RecoveryTest.ERIN_PHONE);
        try (LogCapture log = LogCapture.start()) {
            Page erins = RecoveryFlow.start(new Browser(), "erin", RecoveryTest.ERIN_PHONE);
            assertThat(erins.status()).isEqualTo(bobs.status()).isEqualTo(200);
            assertThat(erins.path()).isEqualTo(bobs.path());
            assertThat(erins.text("h1")).isEqualTo(bobs.text("h1"));
            // the decision is taken after the answer: wait for it, then look at the outbox
            log.await(line -> line.contains("no code sent") && line.contains("protected from self-service"));
        }
        assertThat(PortalSteps.outboxCount(RecoveryTest.ERIN_PHONE)).as("no code to the protected account's contact")
                .isEqualTo(erinsBefore);
        assertThat(TenantApi.events(Map.of("type", "sapi"))).as("nothing was written to the account").isEmpty();
    }
}
