package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A personal email address typed where the work username goes (issue 29's outside walk, finding 10): the recovery and
 * the expired-password page say what is wanted, with the forms the portal takes, in English and German. The answer
 * comes from the shape of the typed text alone: the same for an address that is someone's recovery contact, one of no
 * one, and a known username at another domain, and nothing is looked up or sent.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class PersonalEmailAsUsernameTest {

    static final String BOB_EMAIL = "bob.personal@example.com";
    static final String NEW_PASSWORD = "Violet-Harbor-Lamp-73";
    static final String SAID = "Use your work username, not a personal email address: for example jdoe, jdoe@corp.example, CORP\\jdoe.";

    private static Page startRecovery(Browser browser, String username) {
        return browser.submit(browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", username, "contact", BOB_EMAIL));
    }

    private static Page changeExpired(Browser browser, String username) {
        return browser.submit(browser.get(portal() + "/password/expired"), "#expired-password", Map.of("username",
                username, "current", DEMO_PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
    }

    /** The page echoes the typed username and carries tokens of its own: the rest must be identical. */
    private static String normalise(Page page, String username) {
        String body = page.body();
        for (var hidden : page.document().select("input[type=hidden]")) {
            if (!hidden.attr("value").isEmpty()) {
                body = body.replace(hidden.attr("value"), "TOKEN");
            }
        }
        // the refusal's address (post/redirect/get), whose id is random, in the language switch's link
        String query = page.uri().getQuery();
        if (query != null && query.startsWith("refused=")) {
            body = body.replace(query.substring("refused=".length()), "REFUSED");
        }
        // only the username field's value: the contact field may hold the same text
        return body.replaceFirst("(<input id=\"username\"[^>]*value=\")" + java.util.regex.Pattern.quote(username) + "\"",
                "$1USER\"").replace("data-words=\"" + username + "\"", "data-words=\"USER\"");
    }

    @Test
    void theRecoverySaysAPersonalEmailIsNoUsernameWhateverAccountItNames() {
        Page contact = startRecovery(new Browser(), BOB_EMAIL);
        Page nobody = startRecovery(new Browser(), "nobody@example.org");
        Page otherDomain = startRecovery(new Browser(), "bob@other.example");

        assertThat(contact.status()).isEqualTo(400);
        assertThat(contact.text("#username-error")).isEqualTo("Error: " + SAID);
        assertThat(contact.text("#problem")).contains(SAID);
        assertThat(contact.document().selectFirst("#username").attr("aria-invalid")).isEqualTo("true");
        assertThat(contact.document().selectFirst("#username").attr("value")).as("kept").isEqualTo(BOB_EMAIL);
        assertThat(nobody.status()).isEqualTo(contact.status());
        assertThat(otherDomain.status()).isEqualTo(contact.status());
        assertThat(normalise(nobody, "nobody@example.org")).isEqualTo(normalise(contact, BOB_EMAIL));
        assertThat(normalise(otherDomain, "bob@other.example")).isEqualTo(normalise(contact, BOB_EMAIL));
        assertThat(PortalSteps.outboxCount(BOB_EMAIL)).as("no code sent").isZero();

        // the control: the work address, a form the portal takes, goes on to the code
        Browser bob = new Browser();
        assertThat(startRecovery(bob, "bob@corp.example").path()).isEqualTo("/recovery/code");
        assertThat(PortalSteps.awaitCode(BOB_EMAIL, 0)).matches("[0-9]{6}");
    }

    @Test
    void theExpiredPasswordPageSaysItTooAndChangesNothing() {
        Page other = changeExpired(new Browser(), "carol@other.example");
        Page nobody = changeExpired(new Browser(), "nobody@example.org");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.text("#username-error")).isEqualTo("Error: " + SAID);
        assertThat(nobody.status()).isEqualTo(other.status());
        assertThat(normalise(nobody, "nobody@example.org")).isEqualTo(normalise(other, "carol@other.example"));

        // the control: the work address is carol's username, and her password is changed
        Page changed = changeExpired(new Browser(), "carol@corp.example");
        assertThat(changed.path()).isEqualTo("/password/changed");
        assertThat(PortalSteps.signsIn("carol", NEW_PASSWORD)).isTrue();
    }

    @Test
    void itIsSaidInGerman() {
        Browser german = new Browser();
        german.get(portal() + "/language?to=de&back=/recovery");
        assertThat(startRecovery(german, BOB_EMAIL).text("#username-error")).isEqualTo(
                "Fehler: Geben Sie Ihren Benutzernamen bei der Arbeit ein, keine private E-Mail-Adresse: zum Beispiel jdoe, jdoe@corp.example, CORP\\jdoe.");
        assertThat(changeExpired(german, "erin@example.net").text("#username-error"))
                .startsWith("Fehler: Geben Sie Ihren Benutzernamen bei der Arbeit ein, keine private E-Mail-Adresse");
    }
}
