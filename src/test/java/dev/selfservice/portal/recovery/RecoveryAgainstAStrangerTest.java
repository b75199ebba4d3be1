package dev.selfservice.portal.recovery;

import static dev.selfservice.portal.recovery.RecoveryTest.BOB_EMAIL;
import static dev.selfservice.portal.recovery.RecoveryTest.NEW_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A stranger who knows bob's username and his enrolled contact (issue 27, item 7): wrong codes, starts and resends of
 * the stranger's own do not take bob's recovery away. Auth0 keeps one code per contact; the portal sends no new one
 * while one is valid, and counts wrong codes per attempt.
 */
@QuarkusTest
@CleanSlate
class RecoveryAgainstAStrangerTest {

    @Inject
    PortalTestClock clock;

    /** What the portal decided for a start, after its answer: a code sent, or none because one is still valid. */
    private static boolean sendDecided(String line) {
        return line.contains("code sent to an enrolled contact") || line.contains("is still valid");
    }

    @Test
    void aStrangersElevenWrongCodesDoNotStopTheEmployeesOwnRecoveryWithTheRealCode() {
        Browser stranger = new Browser();
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page code = RecoveryFlow.start(stranger, "bob", BOB_EMAIL);
        String real = PortalSteps.awaitCode(BOB_EMAIL, before);
        String wrong = real.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 10; i++) {
            assertThat(RecoveryFlow.enterCode(stranger, code, wrong).status()).isEqualTo(400);
        }
        Page stopped = RecoveryFlow.enterCode(stranger, code, wrong);
        assertThat(stopped.status()).as("the stranger's own attempt ends").isEqualTo(429);

        Browser bob = new Browser();
        Page reset = RecoveryFlow.prove(bob, "bob", BOB_EMAIL, BOB_EMAIL);
        assertThat(reset.path()).isEqualTo("/recovery/reset");
        assertThat(RecoveryFlow.setPassword(bob, reset, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(PortalSteps.signsIn("bob", NEW_PASSWORD)).isTrue();
    }

    @Test
    void fiveStartsByAStrangerDoNotStopTheEmployeeFromGettingAndUsingACode() {
        // five browsers; the test has one address, and the per-address limit (twenty) is not what the starts meet
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 5; i++) {
                assertThat(RecoveryFlow.start(new Browser(), "bob", BOB_EMAIL).status()).isEqualTo(200);
            }
            log.awaitCount(RecoveryAgainstAStrangerTest::sendDecided, 5);
        }
        assertThat(PortalSteps.outboxCount(BOB_EMAIL)).as("one code sent; the other starts spent nothing").isEqualTo(1);

        Browser bob = new Browser();
        Page code;
        try (LogCapture log = LogCapture.start()) {
            code = RecoveryFlow.start(bob, "bob", BOB_EMAIL);
            assertThat(code.status()).isEqualTo(200);
            assertThat(code.path()).isEqualTo("/recovery/code");
            assertThat(code.text("#still-valid")).contains("use the newest code you received");
            log.await(RecoveryAgainstAStrangerTest::sendDecided);
        }
        Page reset = RecoveryFlow.enterCode(bob, code, TenantApi.latestCode(BOB_EMAIL));
        assertThat(reset.path()).isEqualTo("/recovery/reset");
        assertThat(RecoveryFlow.setPassword(bob, reset, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aStrangersStartWhileTheEmployeesCodeIsInFlightDoesNotEndTheEmployeesCode() {
        Browser bob = new Browser();
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page code = RecoveryFlow.start(bob, "bob", BOB_EMAIL);
        String bobsCode = PortalSteps.awaitCode(BOB_EMAIL, before);

        Browser stranger = new Browser();
        try (LogCapture log = LogCapture.start()) {
            assertThat(RecoveryFlow.start(stranger, "bob", BOB_EMAIL).status()).isEqualTo(200);
            log.await(RecoveryAgainstAStrangerTest::sendDecided);
        }
        clock.advance(Duration.ofSeconds(31));
        assertThat(stranger.submit(stranger.get(dev.selfservice.support.LocalTenantUrls.portal() + "/recovery/code"),
                "#recovery-resend", Map.of()).status()).as("the stranger's resend answers as always").isEqualTo(200);

        Page reset = RecoveryFlow.enterCode(bob, code, bobsCode);
        assertThat(reset.path()).as("bob's code still works").isEqualTo("/recovery/reset");
        assertThat(PortalSteps.outboxCount(BOB_EMAIL)).as("neither the stranger's start nor resend sent a code")
                .isEqualTo(before + 1);
        assertThat(RecoveryFlow.setPassword(bob, reset, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theAttemptThatSentTheValidCodeMayReplaceItWithItsResend() {
        // the control of the test above: a resend of the attempt that sent the code does send, and the new code works
        Browser bob = new Browser();
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page code = RecoveryFlow.start(bob, "bob", BOB_EMAIL);
        PortalSteps.awaitCode(BOB_EMAIL, before);
        clock.advance(Duration.ofSeconds(31));
        Page again = bob.submit(code, "#recovery-resend", Map.of());
        assertThat(again.status()).isEqualTo(200);
        String second = PortalSteps.awaitCode(BOB_EMAIL, before + 1);
        Page reset = RecoveryFlow.enterCode(bob, again, second);
        assertThat(reset.path()).isEqualTo("/recovery/reset");
    }

    @Test
    void ofTenParallelStartsForOneContactFromTenBrowsersExactlyOneSendsACode() {
        List<Page> pages;
        try (LogCapture log = LogCapture.start()) {
            pages = Parallel.times(10, () -> RecoveryFlow.start(new Browser(), "bob", BOB_EMAIL));
            log.awaitCount(RecoveryAgainstAStrangerTest::sendDecided, 10);
        }
        assertThat(pages).extracting(Page::status).containsOnly(200);
        assertThat(PortalSteps.outboxCount(BOB_EMAIL)).isEqualTo(1);
        assertThat(TenantApi.events(Map.of("type", "cs"))).as("passwordless starts that reached the tenant")
                .hasSize(1);
    }
}
