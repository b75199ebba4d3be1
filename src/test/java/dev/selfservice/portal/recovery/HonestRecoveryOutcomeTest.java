package dev.selfservice.portal.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 27, item 5 (a): the page after a reset says what happened. When the one sign-in that checks the new password
 * gets no answer, no check ran, so the page must not say "It works: we signed in with it once to check".
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class HonestRecoveryOutcomeTest {

    private static final String PASSWORD_REALM = "http://auth0.com/oauth/grant-type/password-realm";

    @AfterEach
    void noFaultOutlivesTheTest() {
        TenantApi.clearFaults();
    }

    @Test
    void aDisabledAccountWhoseCheckSignInGotNoAnswerIsNotToldThatItWorks() {
        TenantApi.linkContact("frank", "email", "frank.home@example.com");
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "frank", "frank.home@example.com", "frank.home@example.com");
        // every try of the check sign-in (the password-realm grant) answers 503
        TenantApi.fault(Map.of("method", "POST", "path", "/oauth/token", "grantType", PASSWORD_REALM, "status", 503,
                "times", 20));
        Page done = RecoveryFlow.setPassword(browser, reset, RecoveryTest.NEW_PASSWORD);
        assertThat(done.path()).isEqualTo("/recovery/done");
        assertThat(done.text("#recovery-done")).doesNotContain("It works").doesNotContain("we signed in with it")
                .contains("could not try it once to check").contains("helpdesk");
        assertThat(TenantApi.events(Map.of("type", "sapi", "operation", "set_password"))).as("the password is set, as it says")
                .hasSize(1);
        assertThat(PortalSteps.signsIn("frank", RecoveryTest.NEW_PASSWORD)).as("and frank, disabled, cannot use it").isFalse();
    }

    @Test
    void theControlACheckThatRanSaysItWorks() {
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "bob", RecoveryTest.BOB_EMAIL, RecoveryTest.BOB_EMAIL);
        Page done = RecoveryFlow.setPassword(browser, reset, RecoveryTest.NEW_PASSWORD);
        assertThat(done.text("#recovery-done")).contains("It works");
    }
}
