package dev.selfservice.browser;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The helpdesk walked in Chromium (issue 31): helen finds bob, enters her password again, sends a code to his contact,
 * enters the code bob reads out, and removes his lost contact with a reason; on a desktop, a phone, by keyboard alone
 * and without JavaScript, with axe on every page.
 */
@QuarkusTest
@ExtendWith(Chromium.class)
@dev.selfservice.support.CleanSlate
class HelpdeskWalksTest {

    private static final String BOB_EMAIL = "bob.personal@example.com";

    @ParameterizedTest
    @EnumSource(Walk.class)
    void helenVerifiesBobByTheCodeHeReadsOutAndRemovesHisLostContact(Walk walk, TestInfo test) {
        BrowserFlowsTest.walk(test, walk, helen -> {
            helen.open(portal());
            helen.sees("Get back into your work account");
            helen.chooses("Sign in with your work account").sees("Log in");
            helen.types("Username", "helen").types("Password", DEMO_PASSWORD).chooses("Continue").sees("Your account");

            helen.chooses("Helpdesk").sees("Helpdesk: find an employee");
            helen.types("Username or work email", "bob").chooses("Find").sees("Helpdesk: Bob Baker");
            assertThat(helen.bodyText()).contains("b•••@example.com", "The actions are available once the caller is verified")
                    .doesNotContain(BOB_EMAIL);

            helen.chooses("Send a verification code").sees("Sign in again to continue");
            helen.chooses("Sign in again").sees("Log in");
            TenantApi.advanceClock(1);
            helen.types("Username", "helen").types("Password", DEMO_PASSWORD).chooses("Continue")
                    .sees("Helpdesk: Bob Baker");

            int before = PortalSteps.outboxCount(BOB_EMAIL);
            helen.chooses("Send a verification code").sees("Helpdesk: Bob Baker");
            assertThat(helen.bodyText()).contains("A verification code was sent.", "Ask the caller to read it out");
            String readOut = PortalSteps.awaitCode(BOB_EMAIL, before);
            assertThat(helen.bodyText()).doesNotContain(readOut);

            helen.types("Code the caller reads out", readOut).chooses("Verify").sees("Helpdesk: Bob Baker");
            assertThat(helen.bodyText()).contains("The caller is verified until");
            helen.types("Reason", "phone lost, ticket 4711").chooses("Remove b•••@example.com")
                    .sees("Remove this recovery contact?");
            assertThat(helen.bodyText()).contains("It is their only recovery contact", "phone lost, ticket 4711");
            helen.chooses("Yes, remove it").sees("Helpdesk: Bob Baker");
            assertThat(helen.bodyText()).contains("The contact was removed.", "This employee has no recovery contact");
        });
    }

    /**
     * The same call in German: helen's pages, the "sign in again" in staff words, the employee's state as far as it is
     * known, the recent events, and the invitation's own reason field, each in German, with axe on every page.
     */
    @ParameterizedTest
    @EnumSource(Walk.class)
    void helenTakesBobsCallInGerman(Walk walk, TestInfo test) {
        BrowserFlowsTest.walk(test, walk, helen -> {
            helen.open(portal());
            helen.chooses("Deutsch").sees("Wieder Zugang zu Ihrem Arbeitskonto");
            helen.chooses("Mit dem Arbeitskonto anmelden").sees("Anmelden");
            helen.types("Benutzername", "helen").types("Passwort", DEMO_PASSWORD).chooses("Weiter").sees("Ihr Konto");

            helen.chooses("Helpdesk").sees("Helpdesk: Mitarbeitende finden");
            helen.types("Benutzername oder dienstliche E-Mail-Adresse", "bob").chooses("Finden").sees("Helpdesk: Bob Baker");
            assertThat(helen.bodyText()).contains("in Auth0 weder gesperrt noch pausiert", "Letzte Anmeldung bei Auth0",
                    "Letzte Ereignisse im Portal", "Keine Ereignisse im Portal in dieser Zeit.", "Grund für die Einladung")
                    .doesNotContain(BOB_EMAIL);

            helen.chooses("Bestätigungscode senden").sees("Melden Sie sich erneut an, um fortzufahren");
            assertThat(helen.bodyText()).contains("eine anrufende Person bestätigen")
                    .doesNotContain("Wiederherstellungskontakte ändern");
            helen.chooses("Erneut anmelden").sees("Anmelden");
            TenantApi.advanceClock(1);
            helen.types("Benutzername", "helen").types("Passwort", DEMO_PASSWORD).chooses("Weiter").sees("Helpdesk: Bob Baker");

            int before = PortalSteps.outboxCount(BOB_EMAIL);
            helen.chooses("Bestätigungscode senden").sees("Helpdesk: Bob Baker");
            assertThat(helen.bodyText()).contains("Ein Bestätigungscode wurde gesendet.");
            String readOut = PortalSteps.awaitCode(BOB_EMAIL, before);
            helen.types("Code, den die anrufende Person vorliest", readOut).chooses("Bestätigen").sees("Helpdesk: Bob Baker");
            assertThat(helen.bodyText()).contains("Die anrufende Person ist bis", "Bestätigungscode vom Helpdesk gesendet")
                    .doesNotContain(readOut);
        });
    }
}
