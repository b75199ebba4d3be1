package dev.selfservice.portal.password;

import dev.selfservice.portal.state.Limit;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The round-three attack on the password policy over HTTP: 100 x U+FDFA to the live checklist took 36.6 s, and
 * "Aa1" + 97 x U+FDFA to the expired-password page 72.1 s. Both now answer at once with a refusal; the policy's own
 * bound (50 ms) is shown by {@link PasswordPolicyCostTest}, so the times here are loose for a shared machine.
 */
@QuarkusTest
@CleanSlate
class PasswordCpuBombTest {

    @jakarta.inject.Inject
    dev.selfservice.portal.state.Limits limits;

    private static final String BOMB = "\uFDFA".repeat(100);
    private static final long LOOSE_MILLIS = 2_000;

    private static Map<String, String> expiredForm(Browser browser, String password) {
        Map<String, String> fields = new HashMap<>(browser.get(portal() + "/password/expired").hiddenFields("#expired-password"));
        fields.putAll(Map.of("username", "carol", "current", "Wrong-Current-1", "password", password, "confirm", password));
        return fields;
    }

    @Test
    void theLiveChecklistAnswersTheReportedBombAtOnceAsNotAcceptable() {
        Browser browser = new Browser();
        Map<String, String> fields = new HashMap<>(browser.get(portal() + "/password/expired").hiddenFields("#expired-password"));
        fields.put("password", BOMB);
        long start = System.nanoTime();
        Page answer = browser.post(portal() + "/password/rules", fields);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("POST /password/rules with 100 x U+FDFA: %d ms%n", millis);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"length\":false").contains("\"acceptable\":false");
        assertThat(millis).isLessThan(LOOSE_MILLIS);
    }

    @Test
    void theExpiredPasswordPageRefusesTheReportedBombAtOnceWithItsReason() {
        Browser browser = new Browser();
        long start = System.nanoTime();
        Page answer = browser.post(portal() + "/password/expired", expiredForm(browser, "Aa1" + "\uFDFA".repeat(97)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("POST /password/expired with Aa1 + 97 x U+FDFA: %d ms%n", millis);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("stand for several letters");
        assertThat(millis).isLessThan(LOOSE_MILLIS);
        Browser german = new Browser();
        german.get(portal() + "/language?to=de&back=/");
        assertThat(german.post(portal() + "/password/expired", expiredForm(german, BOMB)).body())
                .contains("für mehrere Buchstaben stehen");
    }

    @Test
    void oneAddressPostsAtMostItsShareOfNewPasswordsAndIsRefusedBeforeThePolicyRuns() {
        Browser browser = new Browser();
        Map<String, String> bomb = expiredForm(browser, BOMB);
        // each post from a jar of its own: a refusal is shown by the GET its answer redirects to, with its own cookie
        List<Integer> statuses = Parallel.run(browser.copies(limits.ceiling(Limit.PASSWORD_POSTS_PER_ADDRESS) + 5).stream()
                .map(b -> (java.util.concurrent.Callable<Integer>) () -> b.post(portal() + "/password/expired", bomb).status())
                .toList());
        // the policy's refusal for the share, the limit's for the rest: counted once each, also in parallel
        assertThat(statuses.stream().filter(s -> s == 400).count()).isEqualTo(limits.ceiling(Limit.PASSWORD_POSTS_PER_ADDRESS));
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(5);
        // past the share, the same bomb gets the limit's answer, not the policy's: the limit comes first
        Page refused = browser.post(portal() + "/password/expired", bomb);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many passwords were checked from your address")
                .doesNotContain("stand for several letters");
    }
}
