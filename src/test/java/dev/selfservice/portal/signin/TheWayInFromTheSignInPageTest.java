package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An employee at the sign-in page (any application's: it is the tenant's page, with the company's page template
 * around it) finds the portal's recovery before AD locks the account, in the language the portal speaks to them.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class TheWayInFromTheSignInPageTest {

    @Test
    void theSignInPageLinksToRecoveryAndTheLinkLeadsThere() {
        Browser browser = new Browser();
        Page login = browser.get(portal() + "/signin");

        assertThat(login.uri().toString()).startsWith(tenant() + "u/login");
        assertThat(browser.visited()).anySatisfy(uri -> assertThat(uri.toString())
                .startsWith(tenant() + "authorize").contains("ui_locales=en"));
        assertThat(login.document().selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(login.text("h1")).isEqualTo("Log in");
        Element link = login.document().selectFirst("#password-portal a");
        assertThat(link.text()).isEqualTo("Forgot your password or locked out?");
        assertThat(link.attr("href")).isEqualTo(portal() + "/language?to=en&back=/recovery");

        Page recovery = browser.get(link.attr("href"));
        assertThat(recovery.uri().toString()).isEqualTo(portal() + "/recovery");
        assertThat(recovery.text("h1")).isEqualTo("Forgot your password, or locked out");
    }

    @Test
    void aPortalSpeakingGermanGetsAGermanSignInPageWhoseLinkLeadsToGermanRecovery() {
        Browser browser = new Browser();
        Page login = browser.get(portal() + "/language?to=de&back=/signin");

        assertThat(browser.visited()).anySatisfy(uri -> assertThat(uri.toString())
                .startsWith(tenant() + "authorize").contains("ui_locales=de"));
        assertThat(login.document().selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(login.text("h1")).isEqualTo("Anmelden");
        assertThat(login.document().selectFirst("label[for=password]").text()).isEqualTo("Passwort");
        Element link = login.document().selectFirst("#password-portal a");
        assertThat(link.text()).isEqualTo("Passwort vergessen oder Konto gesperrt?");

        Page recovery = browser.get(link.attr("href"));
        assertThat(recovery.uri().toString()).isEqualTo(portal() + "/recovery");
        assertThat(recovery.text("h1")).isEqualTo("Passwort vergessen oder gesperrt");
    }

    @Test
    void aWrongPasswordIsAnsweredInThePagesLanguageAndTheLinkStaysAtHand() {
        Browser browser = new Browser();
        Page login = browser.get(portal() + "/language?to=de&back=/signin");

        Page refused = browser.submit(login, "form", Map.of("username", "bob", "password", "not-bobs-password"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#error-message")).isEqualTo("Falscher Benutzername oder falsches Passwort.");
        assertThat(refused.document().selectFirst("#password-portal a").attr("href"))
                .isEqualTo(portal() + "/language?to=de&back=/recovery");
    }
}
