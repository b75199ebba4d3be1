package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The username typed on the start page goes with the employee: into the sign-in page, and after a failed sign-in
 * into the step that helps. Why that sign-in failed decides whether the recovery offers to lift only Auth0's pause.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class UsernameHintTest {

    @Inject
    PortalTestClock clock;


    /** The start page's sign-in form with a username typed: the tenant's login page it leads to. */
    private static Page typedOnTheStartPage(Browser browser, String username) {
        return browser.submit(browser.get(portal() + "/"), "#sign-in-form", Map.of("username", username));
    }

    private static String usernameField(Page page) {
        return page.document().select("#username").attr("value");
    }

    @Test
    void theUsernameTypedOnTheStartPageStartsTheLoginPageAndFillsTheExpiredStep() {
        Browser browser = new Browser();
        Page login = typedOnTheStartPage(browser, "carol");
        assertThat(login.uri().toString()).startsWith(tenant());
        assertThat(usernameField(login)).as("Auth0's login_hint").isEqualTo("carol");

        Page error = browser.submit(login, "form", Map.of("username", "carol", "password", DEMO_PASSWORD));
        assertThat(error.path()).isEqualTo("/signin/error");
        assertThat(error.document().select("a[href=/password/expired]")).isNotEmpty();
        assertThat(usernameField(browser.get(portal() + "/password/expired"))).isEqualTo("carol");
        assertThat(usernameField(browser.get(portal() + "/recovery"))).isEqualTo("carol");
        // the control: a browser where nothing was typed gets empty fields
        assertThat(usernameField(new Browser().get(portal() + "/password/expired"))).isEmpty();
    }

    @Test
    void withoutAUsernameTheFormStillSignsIn() {
        Browser browser = new Browser();
        Page login = typedOnTheStartPage(browser, "");
        assertThat(usernameField(login)).isEmpty();
        Page account = browser.submit(login, "form", Map.of("username", "alice", "password", DEMO_PASSWORD));
        assertThat(account.path()).isEqualTo("/account");
    }

    @Test
    void aSuccessfulSignInForgetsTheUsername() {
        Browser browser = new Browser();
        Page login = typedOnTheStartPage(browser, "alice");
        assertThat(usernameField(browser.get(portal() + "/recovery"))).as("carried before signing in").isEqualTo("alice");
        assertThat(browser.submit(login, "form", Map.of("username", "alice", "password", DEMO_PASSWORD)).path())
                .isEqualTo("/account");
        assertThat(usernameField(browser.get(portal() + "/recovery"))).as("not shown to the next person here").isEmpty();
    }

    @Test
    void theHintIsForgottenAfterFifteenMinutes() {
        Browser browser = new Browser();
        typedOnTheStartPage(browser, "carol");
        clock.advance(Duration.ofMinutes(14));
        assertThat(usernameField(browser.get(portal() + "/password/expired"))).isEqualTo("carol");
        clock.advance(Duration.ofMinutes(2));
        assertThat(usernameField(browser.get(portal() + "/password/expired"))).isEmpty();
    }

    @Test
    void anotherSiteCannotPlantAUsername() {
        Browser browser = new Browser();
        browser.get(portal() + "/"); // holds a CSRF cookie, as a visitor would, but posts without the form's token
        Page refused = browser.post(portal() + "/signin", Map.of("username", "mallory"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(usernameField(browser.get(portal() + "/recovery"))).isEmpty();
    }

    @Test
    void whenTheDirectorySaidLockedTheRecoveryOffersOnlyANewPassword() {
        // Auth0's brute-force protection has paused bob for one address: lifting that pause is normally offered
        TenantApi.pauseByBruteForce("bob", "10.0.0.9");
        TenantApi.directoryState("bob", "locked");

        Browser typed = new Browser();
        Page error = typed.submit(typedOnTheStartPage(typed, "bob"), "form", Map.of("username", "bob", "password", DEMO_PASSWORD));
        assertThat(error.document().select("#signin-problem").attr("data-reason")).isEqualTo("ACCOUNT_LOCKED");
        Page reset = proveBob(typed);
        assertThat(reset.document().select("#recovery-unblock")).as("lifting the pause alone cannot help").isEmpty();
        assertThat(reset.text("#directory-locked")).contains("only a new password", "locked your account");

        // the control: where the portal has not seen the directory say so, the pause can be lifted
        Page elsewhere = proveBob(new Browser());
        assertThat(elsewhere.document().select("#recovery-unblock")).hasSize(1);
        assertThat(elsewhere.document().select("#directory-locked")).isEmpty();
    }

    private static Page proveBob(Browser browser) {
        int before = PortalSteps.outboxCount("bob.personal@example.com");
        Page start = browser.get(portal() + "/recovery");
        Page code = browser.submit(start, "#recovery-start", Map.of("username", "bob", "contact", "bob.personal@example.com"));
        return browser.submit(code, "#recovery-code",
                Map.of("code", PortalSteps.awaitCode("bob.personal@example.com", before)));
    }
}
