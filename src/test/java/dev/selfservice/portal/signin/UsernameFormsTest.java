package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A username as an employee knows it: {@code erin}, {@code erin@corp.example} (a UPN of the configured suffix) and
 * {@code CORP\erin} (the configured NetBIOS domain) are one username wherever the portal takes one; the test profile
 * configures the local tenant's domain. A form of another domain is an unknown username (RecoveryTest and
 * PasswordChangeTest compare their answers).
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class UsernameFormsTest {

    static final String BOB_EMAIL = "bob.personal@example.com";
    static final String ERIN_PHONE = "+14155550142";
    static final String NEW_PASSWORD = "Violet-Harbor-Lamp-73";

    private static Page startRecovery(Browser browser, String username, String contact) {
        return browser.submit(browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", username, "contact", contact));
    }

    private static Page changeExpired(String user, String current) {
        Browser browser = new Browser();
        return browser.submit(browser.get(portal() + "/password/expired"), "#expired-password", Map.of("username", user,
                "current", current, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
    }

    @Test
    void aWorkAddressAndADownLevelNameBringTheRecoveryCodeAsThePlainUsernameDoes() {
        Browser bob = new Browser();
        Page code = startRecovery(bob, "bob@corp.example", BOB_EMAIL);
        Page reset = bob.submit(code, "#recovery-code", Map.of("code", PortalSteps.awaitCode(BOB_EMAIL, 0)));
        assertThat(reset.path()).as("the code proves bob's account").isEqualTo("/recovery/reset");

        Browser erin = new Browser();
        startRecovery(erin, "corp\\Erin", ERIN_PHONE);
        assertThat(PortalSteps.awaitCode(ERIN_PHONE, 0)).as("a code reached erin's phone").matches("[0-9]{6}");
    }

    @Test
    void carolChangesHerExpiredPasswordWithHerDownLevelName() {
        Page changed = changeExpired("CORP\\carol", DEMO_PASSWORD);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.path()).isEqualTo("/password/changed");
        assertThat(PortalSteps.signsIn("carol", NEW_PASSWORD)).isTrue();
    }

    @Test
    void theFormsOfOneUsernameShareItsTriesSoTogetherTheyCannotLockTheAccount() {
        for (String typed : new String[] { "carol", "CORP\\carol", "carol@corp.example" }) {
            assertThat(changeExpired(typed, "not-carols-password").status()).as(typed).isEqualTo(400);
        }
        assertThat(changeExpired("Carol@Corp.Example", "not-carols-password").status()).isEqualTo(429);
        assertThat(TenantApi.events(Map.of("type", "fp", "user", "carol"))).as("wrong passwords that reached AD").hasSize(3);
    }

    @Test
    void aDownLevelNameTypedOnTheStartPageStartsTheLoginPageWithTheNameItTakes() {
        Browser browser = new Browser();
        Page login = browser.submit(browser.get(portal() + "/"), "#sign-in-form", Map.of("username", "CORP\\alice"));
        assertThat(login.uri().toString()).startsWith(tenant());
        assertThat(login.document().select("#username").attr("value")).as("Auth0's login_hint").isEqualTo("alice");
        assertThat(browser.submit(login, "form", Map.of("username", "alice", "password", DEMO_PASSWORD)).path())
                .isEqualTo("/account");
    }

    @Test
    void everyUsernameFieldSaysWhichFormsItTakesInEnglishAndGerman() {
        Browser english = new Browser();
        for (String page : new String[] { "/recovery", "/password/expired" }) {
            Page form = english.get(portal() + page);
            assertThat(form.text("#username-hint")).as(page)
                    .isEqualTo("Your work username, in any of the forms you sign in with at work: for example jdoe, jdoe@corp.example, CORP\\jdoe.");
            assertThat(form.document().selectFirst("#username").attr("aria-describedby")).contains("username-hint");
        }
        assertThat(english.get(portal() + "/").text("#signin-username-forms")).contains("jdoe@corp.example, CORP\\jdoe");

        Browser german = new Browser();
        german.get(portal() + "/language?to=de&back=/recovery");
        for (String page : new String[] { "/recovery", "/password/expired" }) {
            assertThat(german.get(portal() + page).text("#username-hint")).as(page)
                    .isEqualTo("Ihr Benutzername bei der Arbeit, in einer der Formen, mit denen Sie sich dort anmelden: zum Beispiel jdoe, jdoe@corp.example, CORP\\jdoe.");
        }
        assertThat(german.get(portal() + "/").text("#signin-username-forms")).startsWith("Ihr Benutzername bei der Arbeit");
    }
}
