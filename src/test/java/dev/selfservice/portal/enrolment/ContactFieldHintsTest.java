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
 * language: a German page shows a German number, whatever the default region (here the test profile's US).
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
    void thePhoneHintNamesTheDefaultRegionAndShowsAnExampleOfThePagesLanguage() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        assertThat(alice.get(portal() + "/enrolment").text("#phone-hint")).isEqualTo(
                "Without a country code, a number is read as one of this country: United States. From anywhere else, start with + and the country code, for example +1 201-555-0123.");
        alice.get(portal() + "/language?to=de&back=/enrolment");
        assertThat(alice.get(portal() + "/enrolment").text("#phone-hint")).isEqualTo(
                "Ohne Ländervorwahl gilt eine Nummer als eine aus diesem Land: Vereinigte Staaten. Aus anderen Ländern beginnen Sie mit + und der Ländervorwahl, zum Beispiel +49 1512 3456789.");
        assertThat(alice.get(portal() + "/recovery").text("#contact-hint")).endsWith("Mobilnummer wie +49 1512 3456789.");
    }
}
