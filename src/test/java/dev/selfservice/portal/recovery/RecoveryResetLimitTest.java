package dev.selfservice.portal.recovery;

import dev.selfservice.portal.state.Limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** The recovery's reset page runs the password policy too: the reported bomb and the address's share there. */
@QuarkusTest
@CleanSlate
class RecoveryResetLimitTest {

    @jakarta.inject.Inject
    dev.selfservice.portal.state.Limits limits;

    private static final String ACCOUNT_READ = "GET /api/v2/users/:id";

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
        // a password refused by its form alone costs Auth0 nothing: the account is read only for one that could be
        // set (the positive control: a guessable password of the right form is judged against the employee's names)
        int reads = TenantApi.callsTo(ACCOUNT_READ);
        assertThat(RecoveryFlow.setPassword(browser, reset, "bob-bob-bob-bob").status()).isEqualTo(400);
        assertThat(TenantApi.callsTo(ACCOUNT_READ)).as("a password of the right form is judged with the account")
                .isGreaterThan(reads);
        reads = TenantApi.callsTo(ACCOUNT_READ);
        // one after the other (the count's atomicity under parallel posts is PasswordCpuBombTest's)
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 2; i < limits.ceiling(Limit.PASSWORD_POSTS_PER_ADDRESS); i++) {
            statuses.add(RecoveryFlow.setPassword(browser, reset, "\uFDFA".repeat(100)).status());
        }
        assertThat(statuses).containsOnly(400);
        assertThat(TenantApi.callsTo(ACCOUNT_READ)).as("the bombs read no account").isEqualTo(reads);
        Page limited = RecoveryFlow.setPassword(browser, reset, "\uFDFA".repeat(100));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).contains("Too many passwords were checked from your address")
                .doesNotContain("stand for several letters");
        // the proof still holds: the form is shown again, not the start of recovery
        assertThat(limited.document().selectFirst("#recovery-reset")).isNotNull();
    }
}
