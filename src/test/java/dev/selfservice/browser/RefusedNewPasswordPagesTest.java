package dev.selfservice.browser;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The refusals of a new password that came with the breach screening and the CPU-bomb guard, walked in Chromium as
 * an employee meets them (every page checked by axe in {@link Employee#sees}), in English and German: the employee
 * reads why, lands on the message, and can go on with a better password on the same page.
 */
@QuarkusTest
@ExtendWith(Chromium.class)
@dev.selfservice.support.CleanSlate
class RefusedNewPasswordPagesTest {

    /** In the local tenant's breach list, and passes every other rule (BreachScreeningTest's). */
    private static final String BREACHED = "Nimbus-Quartz-Tangelo-83";
    /** Each U+FDFA stands for 18 letters once normalised. */
    private static final String BALLOONING = "\uFDFA".repeat(20);

    @ParameterizedTest
    @EnumSource(Walk.class)
    void carolIsToldHerNewPasswordIsKnownFromBreachesAndThatItsCharactersStandForSeveralLetters(Walk walk,
            TestInfo test) {
        BrowserFlowsTest.walk(test, walk, carol -> {
            carol.open(portal() + "/password/expired");
            carol.sees("Change an expired password");
            refused(carol, "Your username", "Current password", "New password", "New password again",
                    "Change password", BREACHED, "Change an expired password");
            assertThat(carol.title()).startsWith("Error: ");
            assertThat(carol.bodyText()).contains("appears in known data breaches").doesNotContain(BREACHED);

            refused(carol, "Your username", "Current password", "New password", "New password again",
                    "Change password", BALLOONING, "Change an expired password");
            assertThat(carol.bodyText()).contains("stand for several letters")
                    .doesNotContain("appears in known data breaches");
            assertThat(carol.valueOf("Your username")).as("kept: not a secret").isEqualTo("carol");
        });
    }

    @ParameterizedTest
    @EnumSource(Walk.class)
    void carolReadsTheSameInGerman(Walk walk, TestInfo test) {
        BrowserFlowsTest.walk(test, walk, carol -> {
            carol.open(portal() + "/language?to=de&back=/password/expired");
            carol.sees("Abgelaufenes Passwort ändern");
            refused(carol, "Ihr Benutzername", "Aktuelles Passwort", "Neues Passwort", "Neues Passwort wiederholen",
                    "Passwort ändern", BREACHED, "Abgelaufenes Passwort ändern");
            assertThat(carol.title()).startsWith("Fehler: ");
            assertThat(carol.bodyText()).contains("kommt in bekannten Datenlecks vor");

            refused(carol, "Ihr Benutzername", "Aktuelles Passwort", "Neues Passwort", "Neues Passwort wiederholen",
                    "Passwort ändern", BALLOONING, "Abgelaufenes Passwort ändern");
            assertThat(carol.bodyText()).contains("jeweils für mehrere Buchstaben stehen");
        });
    }

    private static void refused(Employee carol, String user, String current, String password, String again,
            String submit, String newPassword, String heading) {
        carol.types(user, "carol").types(current, DEMO_PASSWORD).types(password, newPassword).types(again, newPassword);
        carol.chooses(submit).sees(heading);
        assertThat(carol.focusedId()).as("the message is where the employee lands").isEqualTo("problem");
    }
}
