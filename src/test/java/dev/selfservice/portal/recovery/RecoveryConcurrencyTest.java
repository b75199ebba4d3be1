package dev.selfservice.portal.recovery;

import static dev.selfservice.portal.recovery.RecoveryTest.BOB_EMAIL;
import static dev.selfservice.portal.recovery.RecoveryTest.NEW_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** Recovery's single-use proof and its counters under parallel requests: exactly the allowed number pass. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class RecoveryConcurrencyTest {

    private static int passwordWrites() {
        return TenantApi.events(Map.of("type", "sapi", "operation", "set_password")).size();
    }

    @Test
    void ofTenParallelResetsWithOneProofExactlyOneActsAndTheAccountIsNotLocked() {
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "bob", BOB_EMAIL, BOB_EMAIL);
        // each from a jar of its own: a refusal is shown by the GET its answer redirects to, with its own cookie
        List<Page> answers = Parallel.run(browser.copies(10).stream()
                .map(b -> (Callable<Page>) () -> RecoveryFlow.setPassword(b, reset, NEW_PASSWORD)).toList());

        assertThat(answers).filteredOn(p -> p.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(p -> p.status() == 400)
                .allSatisfy(p -> assertThat(p.text("#problem")).contains("expired or was already used")).hasSize(9);
        assertThat(passwordWrites()).isEqualTo(1);
        assertThat(PortalSteps.signsIn("bob", NEW_PASSWORD)).as("not locked: the new password opens the portal").isTrue();
        assertThat(TenantApi.events(Map.of("type", "fp", "user", "bob"))).as("no wrong password tried").isEmpty();
        assertThat(TenantApi.events(Map.of("type", "f", "user", "bob"))).as("no failed sign-in").isEmpty();
        // the control: a wrong password is a failed sign-in the same query sees
        assertThat(PortalSteps.signsIn("bob", "Not-" + NEW_PASSWORD)).isFalse();
        assertThat(TenantApi.events(Map.of("type", "fp", "user", "bob"))).hasSize(1);
    }

    @Test
    void ofFiveUnblocksAndFiveResetsWithOneProofExactlyOneActs() {
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "bob", BOB_EMAIL, BOB_EMAIL);
        // the unblock form shows only when Auth0 blocks the account; its request is the same with or without it
        Map<String, String> unblock = reset.hiddenFields("#recovery-reset");
        List<Callable<Page>> calls = new ArrayList<>();
        // each from a jar of its own: a refusal is shown by the GET its answer redirects to, with its own cookie
        List<Browser> copies = browser.copies(10);
        for (int i = 0; i < 5; i++) {
            Browser resetting = copies.get(2 * i);
            Browser unblocking = copies.get(2 * i + 1);
            calls.add(() -> RecoveryFlow.setPassword(resetting, reset, NEW_PASSWORD));
            calls.add(() -> unblocking.post(dev.selfservice.support.LocalTenantUrls.portal() + "/recovery/unblock", unblock));
        }
        List<Page> answers = Parallel.run(calls);

        assertThat(answers).filteredOn(p -> p.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(p -> p.status() == 400).hasSize(9);
        int writes = passwordWrites();
        int unblocks = (int) answers.stream().filter(p -> p.status() == 200 && p.body().contains("pause on sign-in is lifted")).count();
        assertThat(writes + unblocks).isEqualTo(1);
    }

    @Test
    void ofThirtyParallelWrongCodesOnlyTheAllowedTenReachAuth0() {
        Browser browser = new Browser();
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page code = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        String right = PortalSteps.awaitCode(BOB_EMAIL, before);
        String wrong = right.equals("000000") ? "111111" : "000000";

        // each sent with the pending cookie, as an attacker replays it (a shared jar would drop it once an answer
        // ended the attempt)
        List<Page> answers = Parallel.run(browser.copies(30).stream()
                .map(b -> (java.util.concurrent.Callable<Page>) () -> RecoveryFlow.enterCode(b, code, wrong)).toList());
        assertThat(answers).filteredOn(p -> p.status() == 400).hasSize(10);
        assertThat(answers).filteredOn(p -> p.status() == 429)
                .allSatisfy(p -> assertThat(p.text("#problem")).contains("Too many wrong codes")).hasSize(20);
        assertThat(TenantApi.events(Map.of("type", "fco"))).as("code exchanges that reached the tenant").hasSize(10);
    }

    @Test
    void aStrangerWhoTypesBobsUsernameWithTheirOwnAddressCannotKeepBobFromRecovering() {
        Browser stranger = new Browser();
        Page code;
        try (LogCapture log = LogCapture.start()) {
            code = RecoveryFlow.start(stranger, "bob", "stranger@example.net");
            // the lookup runs after the answer: wait for its end before looking for what it did not send
            log.await(line -> line.contains("no code sent: the contact is not enrolled"));
        }
        for (int i = 0; i < 10; i++) {
            assertThat(RecoveryFlow.enterCode(stranger, code, String.format("%06d", i)).status()).isEqualTo(400);
        }
        Page stopped = RecoveryFlow.enterCode(stranger, code, "999999");
        assertThat(stopped.status()).as("the stranger's own request is limited").isEqualTo(429);
        assertThat(PortalSteps.outboxCount("stranger@example.net")).as("no code went to an address bob never enrolled").isZero();

        Browser bob = new Browser();
        Page reset = RecoveryFlow.prove(bob, "bob", BOB_EMAIL, BOB_EMAIL);
        assertThat(reset.path()).isEqualTo("/recovery/reset");
        assertThat(RecoveryFlow.setPassword(bob, reset, NEW_PASSWORD).status()).isEqualTo(200);
    }

    // the positive control of the test above (guesses at codes that really went to bob's address do count against
    // his account, up to its ceiling) is SecurityMailboxTest's, whose profile has a ceiling small enough to meet
}
