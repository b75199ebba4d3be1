package dev.selfservice.portal.password;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** The pages' live checklist is the server's policy: for every password in the table they agree. */
@QuarkusTest
class PasswordRulesTest {

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
                && Boolean.TRUE.equals(checklist.get("guessable"));
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

    @Test
    void theChecksAreLimitedPerAddress() {
        int answered = 0;
        for (int i = 0; i < PasswordRulesResource.MAX_CHECKS + 5; i++) {
            if (browser.post(portal() + "/password/rules", withPassword("Violet-Harbor-Lamp-" + i)).status() == 200) {
                answered++;
            }
        }
        assertThat(answered).isEqualTo(PasswordRulesResource.MAX_CHECKS);
    }
}
