package dev.selfservice.portal.web;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Refusals follow the GOV.UK error pattern: "Error:" in the title, a summary first in the page that takes the focus
 * and links to the field, the field marked invalid and described by the summary, non-secret values kept and
 * passwords not.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class ErrorSummaryTest {

    @Test
    void aRefusedNewPasswordPointsAtItsFieldAndKeepsTheUsernameOnly() {
        Browser browser = new Browser();
        Page form = browser.get(portal() + "/password/expired");
        assertThat(form.document().title()).doesNotStartWith("Error:");
        assertThat(form.document().select("[aria-invalid]")).as("nothing invalid before a try").isEmpty();
        assertThat(form.document().select("#problem")).isEmpty();

        Page refused = browser.submit(form, "#expired-password", Map.of("username", "carol", "current", DEMO_PASSWORD,
                "password", "Violet-Harbor-Lamp-73", "confirm", "Violet-Harbor-Lamp-74"));
        Document page = refused.document();
        assertThat(page.title()).startsWith("Error: ");
        Element summary = page.selectFirst("#problem");
        assertThat(summary).isNotNull();
        assertThat(summary.attr("tabindex")).isEqualTo("-1");
        assertThat(summary.hasAttr("autofocus")).as("focused on arrival").isTrue();
        assertThat(summary.text()).contains("There is a problem").contains("not the same");
        assertThat(summary.select("a").attr("href")).isEqualTo("#confirm");
        assertThat(page.selectFirst("#confirm").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#confirm").attr("aria-describedby")).isEqualTo("confirm-match confirm-error");
        assertThat(page.selectFirst("#confirm-error").text()).as("the message beside the field").endsWith("not the same.");
        assertThat(page.selectFirst("#password").hasAttr("aria-invalid")).as("only the field at fault").isFalse();
        assertThat(page.selectFirst("#username").val()).as("the username is kept").isEqualTo("carol");
        assertThat(page.select("input[type=password]")).as("passwords are not sent back").hasSize(3)
                .allSatisfy(i -> assertThat(i.val()).isEmpty());
    }

    @Test
    void aContactTypedWithoutADomainMarksTheContactFieldNotTheUsername() {
        Browser browser = new Browser();
        Document page = browser.submit(browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", "erin", "contact", "erin.home")).document();
        String words = "Enter an email address with its domain, like name@example.com, or a mobile number, like +44 7700 900123.";
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select("#problem li")).hasSize(1);
        assertThat(page.select("#problem a").attr("href")).isEqualTo("#contact");
        assertThat(page.select("#problem a").text()).isEqualTo(words);
        assertThat(page.selectFirst("#contact").attr("aria-invalid")).isEqualTo("true");
        // its hint (which forms a contact takes), then the error
        assertThat(page.selectFirst("#contact").attr("aria-describedby")).isEqualTo("contact-hint contact-error");
        assertThat(page.selectFirst("#contact-error").text()).isEqualTo("Error: " + words);
        assertThat(page.selectFirst("#username").hasAttr("aria-invalid")).as("the username is not at fault").isFalse();
        assertThat(page.selectFirst("#username").attr("aria-describedby")).as("its hint only").isEqualTo("username-hint");
        assertThat(page.select("#username-error")).isEmpty();
        assertThat(page.selectFirst("#username").val()).isEqualTo("erin");
        assertThat(page.selectFirst("#contact").val()).as("kept, to be corrected").isEqualTo("erin.home");
    }

    @Test
    void theSameInGerman() {
        Browser browser = new Browser();
        browser.get(portal() + "/language?to=de&back=/recovery");
        Document page = browser.submit(browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", "erin", "contact", "erin.home")).document();
        assertThat(page.title()).startsWith("Fehler: ");
        assertThat(page.select("#problem a").attr("href")).isEqualTo("#contact");
        assertThat(page.selectFirst("#contact-error").text()).isEqualTo("Fehler: Geben Sie eine E-Mail-Adresse mit Domain"
                + " ein, etwa name@example.de, oder eine Mobilnummer, etwa +49 151 23456789.");
        assertThat(page.selectFirst("#username").hasAttr("aria-invalid")).isFalse();
    }

    @Test
    void anEmptyRecoveryFormNamesBothFieldsAtOnceInTheirOrder() {
        Browser browser = new Browser();
        Document page = browser.submit(browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", " ", "contact", "")).document();
        assertThat(page.select("#problem a").eachAttr("href")).containsExactly("#username", "#contact");
        assertThat(page.select("#problem a").eachText()).containsExactly(
                "Enter your work username, the one you sign in with.",
                "Enter the personal email address or mobile number you added as a recovery contact.");
        assertThat(page.select("[aria-invalid=true]").eachAttr("id")).containsExactly("username", "contact");
        assertThat(page.select(".error-message").eachAttr("id")).containsExactly("username-error", "contact-error");
    }

    /** Each of the four fields wrong: four messages, each beside its field, the username kept and no password. */
    @Test
    void theExpiredPasswordFormNamesEveryWrongFieldAtOnce() {
        Browser browser = new Browser();
        Page refused = browser.submit(browser.get(portal() + "/password/expired"), "#expired-password",
                Map.of("username", "", "current", "", "password", "short", "confirm", ""));
        assertThat(refused.status()).isEqualTo(400);
        Document page = refused.document();
        assertThat(page.select("#problem a").eachAttr("href")).containsExactly("#username", "#current", "#password",
                "#confirm");
        assertThat(page.select("#problem a").eachText()).containsExactly(
                "Enter your work username, the one you sign in with.", "Enter your current password.",
                "The new password is too short: use at least 15 characters.", "Enter the new password again.");
        assertThat(page.selectFirst("#password").attr("aria-describedby")).isEqualTo("policy strength password-error");
        assertThat(page.selectFirst("#current").attr("aria-describedby")).isEqualTo("current-error");
        assertThat(page.select("input[type=password]")).allSatisfy(i -> assertThat(i.val()).isEmpty());

        // the control: a username typed is not an error, and is kept
        Document some = browser.submit(browser.get(portal() + "/password/expired"), "#expired-password",
                Map.of("username", "carol", "current", "", "password", "short", "confirm", "short")).document();
        assertThat(some.select("#problem a").eachAttr("href")).containsExactly("#current", "#password");
        assertThat(some.selectFirst("#username").hasAttr("aria-invalid")).isFalse();
        assertThat(some.selectFirst("#username").val()).isEqualTo("carol");
    }

    /** Signed in: no current password and two new ones that differ are both said, and no try of the directory is spent. */
    @Test
    void theSignedInChangeNamesTheMissingCurrentPasswordAndTheMismatchTogether() {
        Browser alice = dev.selfservice.support.PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page refused = alice.submit(alice.get(portal() + "/password/change"), "#change-password",
                Map.of("current", "", "password", "Violet-Harbor-Lamp-73", "confirm", "Violet-Harbor-Lamp-74"));
        Document page = refused.document();
        assertThat(page.select("#problem a").eachAttr("href")).containsExactly("#current", "#confirm");
        assertThat(page.selectFirst("#current-error").text()).endsWith("Enter your current password.");
        assertThat(page.selectFirst("#confirm-error").text()).endsWith("The two new passwords are not the same.");
        assertThat(page.selectFirst("#password").hasAttr("aria-invalid")).isFalse();
    }

    /** A phone number that is already hers is marked on the phone form, not left without a field. */
    @Test
    void aContactAlreadyHersIsMarkedOnTheFormThatPostedIt() {
        Browser alice = dev.selfservice.support.PortalSteps.stepUp(
                dev.selfservice.support.PortalSteps.signIn("alice", DEMO_PASSWORD), "alice", DEMO_PASSWORD);
        Page verify = alice.submit(alice.get(portal() + "/enrolment"), "#add-phone", Map.of("phone", "+1 415 555 0199"));
        Page added = alice.submit(verify, "#verify",
                Map.of("code", dev.selfservice.support.TenantApi.latestCode("+14155550199")));
        assertThat(added.text("#notice")).isNotBlank();

        Document again = alice.submit(alice.get(portal() + "/enrolment"), "#add-phone",
                Map.of("phone", "+1 415 555 0199")).document();
        assertThat(again.select("#problem a").attr("href")).isEqualTo("#phone");
        assertThat(again.selectFirst("#phone-error").text()).endsWith("That contact is already one of yours.");
        assertThat(again.selectFirst("#phone").attr("aria-describedby")).isEqualTo("phone-hint phone-error");
        assertThat(again.selectFirst("#phone").val()).as("kept").isEqualTo("+1 415 555 0199");
        assertThat(again.selectFirst("#email").hasAttr("aria-invalid")).as("the other form is not at fault").isFalse();
    }

    @Test
    void everyFormOfThePortalLeavesItsMessagesToThePortal() {
        Browser browser = new Browser();
        for (String path : new String[] { "/", "/recovery", "/password/expired" }) {
            Document page = browser.get(portal() + path).document();
            assertThat(page.select("form:has(input:not([type=hidden]))")).as(path).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.hasAttr("novalidate")).as(path + " " + f.id()).isTrue());
        }
        Browser alice = dev.selfservice.support.PortalSteps.signIn("alice", DEMO_PASSWORD);
        for (String path : new String[] { "/password/change", "/enrolment" }) {
            Document page = alice.get(portal() + path).document();
            assertThat(page.select("form:has(input:not([type=hidden]))")).as(path).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.hasAttr("novalidate")).as(path + " " + f.id()).isTrue());
        }
    }

    @Test
    void aWrongCodeMarksTheCodeField() {
        Browser browser = new Browser();
        Page code = browser.submit(browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", "bob", "contact", "bob.personal@example.com"));
        Page wrong = browser.submit(code, "#recovery-code", Map.of("code", "12345"));
        assertThat(wrong.document().title()).startsWith("Error: ");
        assertThat(wrong.document().selectFirst("#code").attr("aria-invalid")).isEqualTo("true");
        assertThat(wrong.document().select("#problem a").attr("href")).isEqualTo("#code");
        assertThat(wrong.document().selectFirst("#code").attr("aria-describedby")).isEqualTo("code-error");
        // five digits are no code at all: said so (outside walk, finding 7), on the same field
        assertThat(wrong.document().selectFirst("#code-error").text()).contains("The code has 6 digits.");
    }

    @Test
    void aRefusalAboutNoFieldHasTheSummaryWithoutALink() {
        Browser browser = new Browser();
        Page code = browser.submit(browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", "bob", "contact", "bob.personal@example.com"));
        Page tooSoon = browser.submit(code, "#recovery-resend", Map.of());
        assertThat(tooSoon.document().title()).startsWith("Error: ");
        assertThat(tooSoon.text("#problem")).contains("moments ago");
        assertThat(tooSoon.document().select("#problem a")).isEmpty();
        assertThat(tooSoon.document().select("[aria-invalid]")).isEmpty();
    }
}
