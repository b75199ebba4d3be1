package dev.selfservice.portal.home;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The ways in and the ways back: the landing page's three equal choices, the signed-in state, a way back from every
 * step, help on every code page, the nudge to add a recovery contact, and no recovery offered where it cannot help.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class LandingPageTest {

    @Test
    void theLandingPageOffersTheThreeWaysInAsEqualChoices() {
        Page landing = new Browser().get(portal() + "/");
        assertThat(landing.document().select("#choices > li > form").eachAttr("action"))
                .containsExactly("/signin");
        assertThat(landing.document().select("#sign-in-form button.primary").text()).isEqualTo("Sign in with your work account");
        assertThat(landing.document().select("#choices a.button.primary").eachAttr("href"))
                .containsExactly("/recovery", "/password/expired");
        assertThat(landing.document().select("#signed-in")).isEmpty();
    }

    @Test
    void noAnswerSaysHowLongAuth0TookUnlessServerTimingIsOn() {
        Page landing = new Browser().get(portal() + "/");
        assertThat(landing.headers()).as("the answer's headers are read").containsKey("x-request-id");
        assertThat(landing.headers()).doesNotContainKey("server-timing");
    }

    @Test
    void signedInTheLandingPageSaysWhoAndLeadsToTheAccount() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page landing = alice.get(portal() + "/");
        assertThat(landing.text("#signed-in")).contains("You are signed in as").contains("(alice)");
        assertThat(landing.document().select("#account-link").attr("href")).isEqualTo("/account");
        assertThat(landing.document().select("form.signout")).as("and the way out").hasSize(1);
        assertThat(landing.document().select("#choices")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/recovery", "/password/expired" })
    void everyPublicStepHasAWayBack(String path) {
        Page page = new Browser().get(portal() + path);
        assertThat(page.document().select("#back").attr("href")).isEqualTo("/");
    }

    @Test
    void everySignedInStepHasAWayBackToTheAccount() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        for (String path : new String[] { "/password/change", "/enrolment" }) {
            assertThat(alice.get(portal() + path).document().select("#back").attr("href")).as(path).isEqualTo("/account");
        }
        Page account = alice.get(portal() + "/account");
        assertThat(account.document().select("a[href=/enrolment]")).as("account to contacts").isNotEmpty();
    }

    @Test
    void theRecoveryCodePageHelpsWhenNoCodeCameAndLeadsBackToTheStart() {
        Browser browser = new Browser();
        Page code = browser.submit(browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", "bob", "contact", "bob.personal@example.com"));
        assertThat(code.path()).isEqualTo("/recovery/code");
        Element help = code.document().selectFirst("#code-help");
        assertThat(help).isNotNull();
        assertThat(help.text()).contains("Didn't get a code?").contains("spam").contains("another one")
                .contains("helpdesk@corp.example");
        assertThat(code.document().select("#back").attr("href")).isEqualTo("/recovery");
    }

    @Test
    void theEnrolmentCodePageHelpsToo() {
        Browser alice = PortalSteps.stepUp(PortalSteps.signIn("alice", DEMO_PASSWORD), "alice", DEMO_PASSWORD);
        Page verify = alice.submit(alice.get(portal() + "/enrolment"), "#add-email", Map.of("email", "pat@example.com"));
        assertThat(verify.path()).isEqualTo("/enrolment/verify");
        assertThat(verify.text("#code-help")).contains("Didn't get a code?").contains("spam");
    }

    @Test
    void theAccountPageNudgesToAddAContactOnlyWhenThereIsNone() {
        Page alice = PortalSteps.signIn("alice", DEMO_PASSWORD).get(portal() + "/account");
        assertThat(alice.text("#contacts-nudge")).contains("no recovery contact yet")
                .contains("only the IT helpdesk (+1 555 0100, helpdesk@corp.example) can let you back in");
        assertThat(alice.document().selectFirst("main h1").nextElementSibling().id()).as("plainly and first")
                .isEqualTo("contacts-nudge");
        assertThat(alice.document().select("#contacts-nudge a[href=/enrolment]")).hasSize(1);
        assertThat(alice.document().select("#contacts-nudge.warning")).as("a warning to heed, not a green success")
                .hasSize(1);

        Page bob = PortalSteps.signIn("bob", DEMO_PASSWORD).get(portal() + "/account");
        assertThat(bob.document().select("#contacts-nudge")).isEmpty();
        assertThat(bob.text("#contacts-summary")).startsWith("You have 1 recovery contact. You can use it if");
    }

    /** Disabled (frank) and blocked (grace) accounts: the helpdesk, never a recovery that cannot help them. */
    @ParameterizedTest
    @ValueSource(strings = { "frank", "grace" })
    void aDisabledOrBlockedEmployeeIsSentToTheHelpdeskNotToRecovery(String user) {
        Page error = signInFails(user, DEMO_PASSWORD);
        assertThat(error.path()).isEqualTo("/signin/error");
        assertThat(error.text("#signin-problem")).contains("helpdesk@corp.example");
        assertThat(error.document().select("main a[href=/recovery], main a[href=/password/expired]")).isEmpty();
    }

    @Test
    void aLockedEmployeeIsOfferedRecovery() {
        TenantApi.directoryState("erin", "locked");
        Page error = signInFails("erin", DEMO_PASSWORD);
        assertThat(error.path()).isEqualTo("/signin/error");
        assertThat(error.document().select("main a[href=/recovery]")).isNotEmpty();
    }

    private static Page signInFails(String user, String password) {
        Browser browser = new Browser();
        return browser.submit(browser.get(portal() + "/signin"), "form", Map.of("username", user, "password", password));
    }

    @Test
    void inGermanTheAccountPageNamesTheHelpdeskAsTheOnlyWayBackInAGrammaticalSentence() {
        dev.selfservice.support.Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        alice.get(portal() + "/language?to=de&back=/account");
        // the helpdesk setting reads after "Wenden Sie sich an" (accusative): "über" takes it as it is
        assertThat(alice.get(portal() + "/account").text("#contacts-nudge"))
                .contains("kommen Sie deshalb nur über den IT-Helpdesk (+1 555 0100, helpdesk@corp.example) wieder herein");
    }
}
