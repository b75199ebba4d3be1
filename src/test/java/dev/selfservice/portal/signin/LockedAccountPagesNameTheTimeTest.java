package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A locked account's pages say when AD unlocks it by itself (the domain's lockout duration, a setting), never "after a
 * while"; where AD never does, they say who can.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class LockedAccountPagesNameTheTimeTest {

    static Page signInAs(Browser browser, String username) {
        Page login = browser.get(portal() + "/signin");
        return browser.submit(login, "form", Map.of("username", username, "password", DEMO_PASSWORD));
    }

    @Test
    void theLockedSignInPageSaysItUnlocksByItselfThirtyMinutesAfterItWasLocked() {
        Page page = signInAs(new Browser(), "erin");
        assertThat(page.text("h1")).isEqualTo("Your account is locked");
        assertThat(page.text("main")).contains("It unlocks by itself 30 minutes after it was locked")
                .doesNotContain("after a while");
    }

    @Test
    void inGermanToo() {
        Browser browser = new Browser();
        browser.get(portal() + "/language?to=de&back=/");
        Page page = signInAs(browser, "erin");
        assertThat(page.text("h1")).isEqualTo("Ihr Konto ist gesperrt");
        assertThat(page.text("main")).contains("Die Sperre endet von selbst 30 Minuten nachdem sie begann")
                .doesNotContain("nach einer Weile");
    }

    @Test
    void auth0sPauseAfterManyFailedSignInsIsNotSaidToEndByWaiting() {
        Page page = new Browser().get(portal() + "/signin/error?error=too_many_attempts");
        assertThat(page.text("h1")).isEqualTo("Too many sign-in attempts");
        assertThat(page.text("main")).contains("it does not end by waiting", "you can keep your password")
                .doesNotContain("try again later");
        assertThat(page.document().select("a[href=/recovery]")).as("the way to lift it").isNotEmpty();
    }

    @Test
    void aPasswordChangeRefusedBecauseSignInIsPausedSaysHowToLiftIt() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page form = alice.get(portal() + "/password/change");
        TenantApi.pauseByBruteForce("alice", "127.0.0.1");
        String fresh = "Violet-Harbour-Lantern-93";
        Page refused = alice.submit(form, "#change-password", Map.of("current", DEMO_PASSWORD, "password", fresh,
                "confirm", fresh));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("main")).contains("Sign-in is paused for your account", "Lift the pause")
                .doesNotContain("wait and try");
    }
}
