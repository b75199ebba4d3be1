package dev.selfservice.portal.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.selfservice.portal.password.PasswordPostLimit;
import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import io.quarkus.test.junit.QuarkusTest;

/** The recovery's reset page runs the password policy too: the reported bomb and the address's share there. */
@QuarkusTest
@CleanSlate
class RecoveryResetLimitTest {

    @Test
    void theResetPageRefusesTheBombAtOnceAndLimitsAnAddressBeforeThePolicyWithTheProofKept() {
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "bob", RecoveryTest.BOB_EMAIL, RecoveryTest.BOB_EMAIL);
        long start = System.nanoTime();
        Page bomb = RecoveryFlow.setPassword(browser, reset, "\uFDFA".repeat(100));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("POST /recovery/reset with 100 x U+FDFA: %d ms%n", millis);
        assertThat(bomb.status()).isEqualTo(400);
        assertThat(bomb.body()).contains("stand for several letters");
        assertThat(millis).isLessThan(2_000);
        // one after the other: each post reads the account from the tenant, whose Management API has a rate limit
        // of its own (the count's atomicity under parallel posts is PasswordCpuBombTest's)
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 1; i < PasswordPostLimit.maxPosts(); i++) {
            statuses.add(RecoveryFlow.setPassword(browser, reset, "\uFDFA".repeat(100)).status());
        }
        assertThat(statuses).containsOnly(400);
        Page limited = RecoveryFlow.setPassword(browser, reset, "\uFDFA".repeat(100));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).contains("Too many passwords were checked from your address")
                .doesNotContain("stand for several letters");
        // the proof still holds: the form is shown again, not the start of recovery
        assertThat(limited.document().selectFirst("#recovery-reset")).isNotNull();
    }
}
