package dev.selfservice.portal.recovery;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The page after a reset says what happened (outside walk, finding 11): "your account is unlocked" only where the
 * directory had said it was locked (this browser's sign-in was refused so); to anyone else, that the account can be
 * used now, which the one checking sign-in showed. The portal cannot read AD's lockout otherwise.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class RecoveryResultWordsTest {

    @Test
    void someoneNeverLockedIsNotToldTheAccountIsUnlocked() {
        Browser browser = new Browser();
        Page done = RecoveryFlow.setPassword(browser, proveBob(browser), RecoveryTest.NEW_PASSWORD);
        assertThat(done.text("#recovery-done")).contains("It works", "your account can be used now")
                .doesNotContain("unlocked");
    }

    @Test
    void someoneNeverLockedIsNotToldSoInGermanEither() {
        Browser german = new Browser();
        HttpCookie lang = new HttpCookie("lang", "de");
        lang.setPath("/");
        german.cookies().getCookieStore().add(URI.create(portal()), lang);
        Page done = RecoveryFlow.setPassword(german, proveBob(german), RecoveryTest.NEW_PASSWORD);
        assertThat(done.text("#recovery-done")).contains("Ihr Konto ist also jetzt nutzbar").doesNotContain("entsperrt");
    }

    @Test
    void whereTheDirectorySaidLockedThePageSaysTheNewPasswordUnlockedIt() {
        TenantApi.directoryState("bob", "locked");
        Browser browser = new Browser();
        Page login = browser.submit(browser.get(portal() + "/"), "#sign-in-form", Map.of("username", "bob"));
        Page error = browser.submit(login, "form", Map.of("username", "bob", "password", DEMO_PASSWORD));
        assertThat(error.document().select("#signin-problem").attr("data-reason")).isEqualTo("ACCOUNT_LOCKED");

        Page done = RecoveryFlow.setPassword(browser, proveBob(browser), RecoveryTest.NEW_PASSWORD);
        assertThat(done.text("#recovery-done")).contains("It works", "your account is unlocked");
        assertThat(PortalSteps.signsIn("bob", RecoveryTest.NEW_PASSWORD)).isTrue();
    }

    private static Page proveBob(Browser browser) {
        Page reset = RecoveryFlow.prove(browser, "bob", RecoveryTest.BOB_EMAIL, RecoveryTest.BOB_EMAIL);
        assertThat(reset.path()).isEqualTo("/recovery/reset");
        return reset;
    }
}
