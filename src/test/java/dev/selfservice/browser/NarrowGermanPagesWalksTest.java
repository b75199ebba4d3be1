package dev.selfservice.browser;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * German, the language of the longest words, on a narrow screen (issue 29's outside walk, finding 4 and 13): every
 * page of the portal fits 320 CSS px, WCAG 1.4.10's reflow width, and 195 px (a 390 px phone at 200 % zoom), without
 * scrolling sideways, and no button or link standing on its own is less than 24 px tall; {@link Employee#narrowsTo}
 * checks each page seen. "Wiederherstellungskontakte" in a heading was 429 px wide. On the way: the focus ring of
 * "Keinen Code erhalten?" and the checklist's "different from the current password".
 */
@QuarkusTest
@ExtendWith(Chromium.class)
@dev.selfservice.support.CleanSlate
class NarrowGermanPagesWalksTest {

    private static final String BOB_EMAIL = "bob.personal@example.com";

    @ParameterizedTest
    @ValueSource(ints = { 320, 195 })
    void everyPageBobReachesInGermanFitsANarrowScreenWithoutScrollingSideways(int width, TestInfo test) {
        BrowserFlowsTest.walk(test, Walk.PHONE, bob -> {
            bob.open(portal());
            bob.narrowsTo(width).sees("Get back into your work account");
            bob.chooses("Deutsch").sees("Wieder Zugang zu Ihrem Arbeitskonto");

            // the recovery, with its error states
            bob.chooses("Passwort vergessen oder gesperrt").sees("Passwort vergessen oder gesperrt");
            bob.chooses("Code senden").sees("Passwort vergessen oder gesperrt");
            assertThat(bob.title()).startsWith("Fehler: ");
            int before = PortalSteps.outboxCount(BOB_EMAIL);
            bob.types("Ihr Benutzername", "bob").types("Private E-Mail-Adresse oder Mobilnummer", BOB_EMAIL)
                    .chooses("Code senden").sees("Prüfen Sie Ihre Nachrichten");
            String code = PortalSteps.awaitCode(BOB_EMAIL, before);
            String wrong = (char) ('0' + (code.charAt(0) - '0' + 1) % 10) + code.substring(1);
            assertThat(bob.focusRingWhenTabbedTo(".help summary")).as("the 3 px ring every control has").isEqualTo("solid 3px");
            bob.types("Code", wrong).chooses("Bestätigen").sees("Prüfen Sie Ihre Nachrichten");
            assertThat(bob.title()).startsWith("Fehler: ");
            bob.types("Code", code).chooses("Bestätigen").sees("Wieder Zugang zu Ihrem Konto");
            bob.types("Neues Passwort", BrowserFlowsTest.NEW_PASSWORD)
                    .types("Neues Passwort wiederholen", BrowserFlowsTest.NEW_PASSWORD)
                    .chooses("Neues Passwort festlegen").sees("Ihr neues Passwort ist festgelegt");

            // signed in: the account, the contacts, the step-up, removing and adding a contact, changing the password
            bob.chooses("Mit dem Arbeitskonto anmelden").sees("Anmelden");
            bob.types("Benutzername", "bob").types("Passwort", BrowserFlowsTest.NEW_PASSWORD).chooses("Weiter")
                    .sees("Ihr Konto");
            bob.chooses("Wiederherstellungskontakte").sees("Wiederherstellungskontakte");
            bob.chooses("Entfernen").sees("Melden Sie sich erneut an, um fortzufahren");
            bob.chooses("Erneut anmelden").sees("Anmelden");
            TenantApi.advanceClock(1);
            // back on the question the removal asks, not on the list where Remove must be found again
            bob.types("Benutzername", "bob").types("Passwort", BrowserFlowsTest.NEW_PASSWORD).chooses("Weiter")
                    .sees("Diesen Wiederherstellungskontakt entfernen?");
            assertThat(bob.colourOf("remove-confirm")).as("a destructive action in red").isEqualTo("rgb(164, 22, 26)");
            bob.chooses("Behalten").sees("Wiederherstellungskontakte");
            bob.types("Private E-Mail-Adresse", "bob.zweitadresse@example.net").chooses("Code senden").sees("Code eingeben");
            bob.open(portal() + "/account");
            bob.sees("Ihr Konto");
            bob.chooses("Passwort ändern").sees("Passwort ändern");
            // the checklist says nothing is different from a current password not typed yet
            bob.types("Neues Passwort", "Andere-Laterne-Hafen-77");
            assertThat(bob.settledTextOf("strength-label", "wird geprüft…")).isNotBlank();
            assertThat(bob.textOf("rule-different")).endsWith("(noch nicht)");
            bob.types("Aktuelles Passwort", BrowserFlowsTest.NEW_PASSWORD);
            assertThat(bob.textOf("rule-different")).endsWith("(erfüllt)");
            bob.chooses("Abmelden").sees("Wieder Zugang zu Ihrem Arbeitskonto");

            // an expired password, and a sign-in that fails
            bob.chooses("Mein Passwort ist abgelaufen").sees("Abgelaufenes Passwort ändern");
            bob.chooses("Passwort ändern").sees("Abgelaufenes Passwort ändern");
            assertThat(bob.title()).startsWith("Fehler: ");
            bob.open(portal());
            bob.sees("Wieder Zugang zu Ihrem Arbeitskonto");
            bob.chooses("Mit dem Arbeitskonto anmelden").sees("Anmelden");
            bob.types("Benutzername", "erin").types("Passwort", DEMO_PASSWORD).chooses("Weiter").sees("Ihr Konto ist gesperrt");
        });
    }

    /** The control: without the stylesheet's breaking of long words, the same check finds the page too wide. */
    @Test
    void theCheckFindsTheContactsPageTooWideWithoutTheBreakingOfLongWords(TestInfo test) {
        BrowserFlowsTest.walk(test, Walk.PHONE, alice -> {
            alice.open(portal() + "/language?to=de&back=/enrolment");
            alice.sees("Anmelden");
            alice.types("Benutzername", "alice").types("Passwort", DEMO_PASSWORD).chooses("Weiter")
                    .sees("Wiederherstellungskontakte");
            alice.narrowsTo(320).sees("Wiederherstellungskontakte");
            assertThat(alice.sidewaysScroll()).isLessThanOrEqualTo(0);
            // the stylesheet's breaking of long words undone, as it was before
            alice.addsStyle("body, h1, h2, h3, .lead, label, summary, .button, button { overflow-wrap: normal !important;"
                    + " hyphens: manual !important; }");
            assertThat(alice.sidewaysScroll()).as(() -> "px wider than the window without it: " + alice.tooWide()).isPositive();
        });
    }
}
