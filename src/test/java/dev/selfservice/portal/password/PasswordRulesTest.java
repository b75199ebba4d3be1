package dev.selfservice.portal.password;

import dev.selfservice.portal.state.Limit;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** The pages' live checklist is the server's policy: for every password in the table they agree. */
@QuarkusTest
class PasswordRulesTest {

    @jakarta.inject.Inject
    dev.selfservice.portal.state.Limits limits;

    @Inject
    PasswordPolicy policy;

    Browser browser;
    Map<String, String> formFields;

    @BeforeEach
    void reset() {
        TenantApi.reset();
        browser = new Browser();
        Page form = browser.get(portal() + "/password/expired");
        formFields = form.hiddenFields("#expired-password");
    }

    private Map<String, String> withPassword(String password) {
        Map<String, String> fields = new java.util.HashMap<>(formFields);
        fields.put("password", password);
        fields.put("words", "carol");
        return fields;
    }

    private Map<String, Object> checklistOf(String password) {
        Page answer = browser.post(portal() + "/password/rules", withPassword(password));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().getOrDefault("cache-control", List.of())).contains("no-store");
        return new io.restassured.path.json.JsonPath(answer.body()).getMap("$");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Violet-Harbor-Lamp-73", "Summer2024Summer2024!", "quiet harbour lanterns drift at dusk",
            "Password123456789!", "Welcome2026!Welcome", "short", "carol-likes-long-passwords-2024", "correct horse battery staple",
            "Ünïcödé-Wörter-im-Passwort-9", "Quiet harbour lanterns drift at dusk" })
    void thePageTicksExactlyWhatTheServerAccepts(String password) {
        Map<String, Object> checklist = checklistOf(password);
        boolean pageSaysYes = Boolean.TRUE.equals(checklist.get("length")) && Boolean.TRUE.equals(checklist.get("complex"))
                && Boolean.TRUE.equals(checklist.get("guessable")) && !"breached".equals(checklist.get("breach"));
        assertThat(checklist.get("acceptable")).as("the strength hint's verdict").isEqualTo(pageSaysYes);
        boolean serverSaysYes = policy.check(password, password, DEMO_PASSWORD, List.of("carol")).isEmpty();
        assertThat(pageSaysYes).as(password + " " + checklist).isEqualTo(serverSaysYes);
    }

    @Test
    void theExamplesFromTheWalkAreJudgedAsTheServerJudgesThem() {
        assertThat(checklistOf("Summer2024Summer2024!").get("guessable")).as("too common for the server").isEqualTo(false);
        // common passwords joined with digits: long, but the first guesses an attacker makes
        assertThat(checklistOf("Password123456789!")).containsEntry("guessable", false).containsEntry("acceptable", false);
        assertThat(checklistOf("Welcome2026!Welcome")).containsEntry("guessable", false);
        assertThat(checklistOf("Violet-Harbor-Lamp-73")).containsEntry("length", true).containsEntry("guessable", true);
        assertThat(checklistOf("carol-likes-long-passwords-2024").get("guessable")).as("contains the username").isEqualTo(false);
        assertThat(checklistOf("short").get("length")).isEqualTo(false);
        // AD's complexity rule, which the test domain has on: two categories are not enough, three are
        assertThat(checklistOf("quiet harbour lanterns drift at dusk")).as("the domain refuses it")
                .containsEntry("complex", false).containsEntry("acceptable", false);
        assertThat(checklistOf("Quiet harbour lanterns drift at dusk")).containsEntry("complex", true)
                .containsEntry("acceptable", true);
    }

    /** In the local tenant's breach list, and passes every other rule of the policy. */
    static final String BREACHED = "Nimbus-Quartz-Tangelo-83";
    static final String NOT_BREACHED = "Violet-Harbor-Lamp-73";

    private static String sha1(String password) throws Exception {
        return HexFormat.of().withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> rangePathsAsked() {
        return given().get(tenant() + "test-controls/pwned-range").then().statusCode(200).extract().jsonPath()
                .getList("path", String.class);
    }

    @Test
    void theChecklistSaysABreachedPasswordIsBreachedAndAcleanOneIsNotAskingOnlyAHashPrefix() throws Exception {
        // only the breach screen refuses it: the other items pass, the breach item and the verdict do not
        assertThat(checklistOf(BREACHED)).containsEntry("length", true).containsEntry("complex", true)
                .containsEntry("guessable", true).containsEntry("breach", "breached").containsEntry("acceptable", false);
        // the positive control: a password not in the list is clean and acceptable
        assertThat(checklistOf(NOT_BREACHED)).containsEntry("breach", "clean").containsEntry("acceptable", true);
        // too short to be set: not screened at all, so the first characters typed cost the breach list nothing
        assertThat(checklistOf("short")).containsEntry("breach", "unchecked");

        assertThat(rangePathsAsked()).as("the same k-anonymity request as a change: 5 hex characters, nothing more")
                .containsExactly("/range/" + sha1(BREACHED).substring(0, 5), "/range/" + sha1(NOT_BREACHED).substring(0, 5));
    }

    @Test
    void withTheBreachServiceDownTheChecklistSaysItCouldNotCheckRatherThanClean() {
        TenantApi.fault(Map.of("method", "GET", "path", "/range/", "status", 503, "times", 0));
        try {
            assertThat(checklistOf(BREACHED)).containsEntry("breach", "unavailable");
            assertThat(checklistOf(NOT_BREACHED)).containsEntry("breach", "unavailable")
                    .as("the change would accept it (BREACH_WHEN_UNAVAILABLE=accept)").containsEntry("acceptable", true);
        } finally {
            TenantApi.clearFaults();
            // the failures may have opened the range API's breaker (PwnedRange.BREAKER): closed again, as after its delay
            io.quarkus.arc.Arc.container().instance(io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.class).get()
                    .reset("pwned-passwords-range");
        }
        // the positive control: the service back, the same candidates are known again
        assertThat(checklistOf(BREACHED)).containsEntry("breach", "breached");
        assertThat(checklistOf(NOT_BREACHED)).containsEntry("breach", "clean");
    }

    @Test
    void aBreachCheckIsCountedByTheSameLimitAsTheRestOfTheChecklist() {
        // one breach check answered, and counted
        assertThat(checklistOf(BREACHED)).containsEntry("breach", "breached");
        assertThat(rangePathsAsked()).hasSize(1);
        // the rest of the window, in parallel: exactly what the one check left of the limit is answered
        List<Integer> statuses = Parallel.times(limits.ceiling(Limit.PASSWORD_RULES_CHECKS_PER_ADDRESS) + 4,
                () -> browser.post(portal() + "/password/rules", withPassword("short")).status());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(limits.ceiling(Limit.PASSWORD_RULES_CHECKS_PER_ADDRESS) - 1);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(429);
        // over the limit, a breach check is refused like any other, and the breach list is not asked
        assertThat(browser.post(portal() + "/password/rules", withPassword(BREACHED)).status()).isEqualTo(429);
        assertThat(rangePathsAsked()).hasSize(1);
    }

    @Test
    void theChecksAreLimitedPerAddress() {
        int answered = 0;
        for (int i = 0; i < limits.ceiling(Limit.PASSWORD_RULES_CHECKS_PER_ADDRESS) + 5; i++) {
            if (browser.post(portal() + "/password/rules", withPassword("Violet-Harbor-Lamp-" + i)).status() == 200) {
                answered++;
            }
        }
        assertThat(answered).isEqualTo(limits.ceiling(Limit.PASSWORD_RULES_CHECKS_PER_ADDRESS));
    }
}
