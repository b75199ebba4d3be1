package dev.selfservice.portal.enrolment;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The contact fields suggest only what fits them, and say how a phone number is read with an example in the page's
 * language. No region is set here ({@code portal.phone-default-region}, as in dev mode): a German page reads a number
 * without a country code as German, an English one as US (issue 29's outside walk, finding 5).
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class ContactFieldHintsTest {

    @Test
    void theRecoveryContactFieldSuggestsNoEmailToPhoneUsersAndShowsBothForms() {
        Page recovery = new Browser().get(portal() + "/recovery");
        Element contact = recovery.document().selectFirst("#contact");
        assertThat(contact.attr("autocomplete")).as("no email suggestions to someone typing a number").isEqualTo("off");
        assertThat(contact.hasAttr("inputmode")).isFalse();
        assertThat(contact.attr("aria-describedby")).contains("contact-hint");
        assertThat(recovery.text("#contact-hint"))
                .isEqualTo("The one you added: an email address, or a mobile number such as +1 201-555-0123.");

        // the control: the enrolment page's own fields keep the suggestions that fit them
        Page contacts = PortalSteps.signIn("alice", DEMO_PASSWORD).get(portal() + "/enrolment");
        assertThat(contacts.document().selectFirst("#phone").attr("autocomplete")).isEqualTo("tel");
        assertThat(contacts.document().selectFirst("#phone").attr("inputmode")).isEqualTo("tel");
        assertThat(contacts.document().selectFirst("#email").attr("autocomplete")).isEqualTo("email");
    }

    @Test
    void thePhoneHintNamesThePagesRegionAndShowsAnExampleOfThePagesLanguage() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        assertThat(alice.get(portal() + "/enrolment").text("#phone-hint")).isEqualTo(
                "A number without a country code is taken as +1 (United States). From another country, start with + and its code, for example +44 7400 123456.");
        alice.get(portal() + "/language?to=de&back=/enrolment");
        assertThat(alice.get(portal() + "/enrolment").text("#phone-hint")).isEqualTo(
                "Eine Nummer ohne Ländervorwahl gilt als +1 (Vereinigte Staaten). Aus einem anderen Land beginnen Sie mit + und dessen Vorwahl, zum Beispiel +49 1512 3456789.");
        assertThat(alice.get(portal() + "/recovery").text("#contact-hint")).endsWith("Mobilnummer wie +49 1512 3456789.");
    }

    @Test
    void aLocalNumberIsReadInTheConfiguredRegionWhateverTheLanguageOfThePage() {
        // an outside walk typed a US number on a German page, and the code went to +49: the region is the
        // organisation's (portal.phone-default-region, US here), never the page's language
        Browser alice = PortalSteps.stepUp(PortalSteps.signIn("alice", DEMO_PASSWORD), "alice", DEMO_PASSWORD);
        alice.get(portal() + "/language?to=de&back=/enrolment");
        Page verify = EnrolmentTest.add(alice, "add-phone", "phone", "(415) 555-0199");
        assertThat(verify.path()).isEqualTo("/enrolment/verify");
        assertThat(PortalSteps.outboxCount("+14155550199")).as("the code went to the US number").isEqualTo(1);
        assertThat(PortalSteps.outboxCount("+494155550199")).as("and not to a German one").isZero();
    }
}
