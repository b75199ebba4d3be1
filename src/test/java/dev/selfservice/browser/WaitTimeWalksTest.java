package dev.selfservice.browser;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.selfservice.support.PortalSteps;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The last wrong code says until when the wait lasts once, without "try again" (outside walk, finding 8), and in the
 * employee's own time where scripts run, keeping the UTC time it always says; without JavaScript, the UTC time alone.
 * Bob's browser lives in Berlin (UTC+1 in December, as the test clock stands). In English and German.
 */
@QuarkusTest
@ExtendWith(Chromium.class)
@dev.selfservice.support.CleanSlate
class WaitTimeWalksTest {

    private static final String BOB_EMAIL = "bob.personal@example.com";
    private static final String SPACE = "[\\s\\u202f]";

    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP", "NO_JAVASCRIPT" })
    void theLastTrySaysTheWaitsEndInTheEmployeesOwnTimeAndInUtc(Walk walk, TestInfo test) {
        BrowserFlowsTest.walk(test, walk, bob -> {
            bob.livesIn("Europe/Berlin");
            bob.open(portal() + "/recovery");
            int before = PortalSteps.outboxCount(BOB_EMAIL);
            bob.types("Your username", "bob").types("Personal email or mobile number", BOB_EMAIL)
                    .chooses("Send me a code").sees("Check your messages");
            String wrong = "000000".equals(PortalSteps.awaitCode(BOB_EMAIL, before)) ? "111111" : "000000";
            for (int i = 0; i < 10; i++) {
                bob.types("Code", wrong).chooses("Confirm").sees("Check your messages");
            }
            String error = bob.textOf("code-error");
            assertThat(error).contains("that was the last try for now", "If you cannot wait, contact")
                    .doesNotContain("Check it and try again", "No tries left");
            if (walk.javaScript()) {
                Matcher m = Pattern.compile("after (\\d\\d):\\d\\d" + SPACE + "([AP]M) GMT\\+1 \\((\\d{1,2}):\\d\\d" + SPACE
                        + "([AP]M) UTC\\)").matcher(error);
                assertThat(m.find()).as("local time, then UTC, in: %s", error).isTrue();
                assertThat(hour24(m.group(1), m.group(2))).isEqualTo((hour24(m.group(3), m.group(4)) + 1) % 24);
            } else {
                assertThat(error).containsPattern("after \\d{1,2}:\\d\\d" + SPACE + "[AP]M UTC\\.").doesNotContain("GMT");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "PHONE" })
    void theLastTrySaysTheWaitsEndInTheEmployeesOwnTimeInGerman(Walk walk, TestInfo test) {
        BrowserFlowsTest.walk(test, walk, bob -> {
            bob.livesIn("Europe/Berlin");
            bob.open(portal());
            bob.chooses("Deutsch").sees("Wieder Zugang zu Ihrem Arbeitskonto");
            bob.chooses("Passwort vergessen oder gesperrt").sees("Passwort vergessen oder gesperrt");
            int before = PortalSteps.outboxCount(BOB_EMAIL);
            bob.types("Ihr Benutzername", "bob").types("Private E-Mail-Adresse oder Mobilnummer", BOB_EMAIL)
                    .chooses("Code senden").sees("Prüfen Sie Ihre Nachrichten");
            String wrong = "000000".equals(PortalSteps.awaitCode(BOB_EMAIL, before)) ? "111111" : "000000";
            for (int i = 0; i < 10; i++) {
                bob.types("Code", wrong).chooses("Bestätigen").sees("Prüfen Sie Ihre Nachrichten");
            }
            String error = bob.textOf("code-error");
            assertThat(error).contains("das war vorerst der letzte Versuch");
            Matcher m = Pattern.compile("nach (\\d\\d):\\d\\d (MEZ|GMT\\+1|UTC\\+1) \\((\\d\\d):\\d\\d UTC\\)").matcher(error);
            assertThat(m.find()).as("local time, then UTC, in: %s", error).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isEqualTo((Integer.parseInt(m.group(3)) + 1) % 24);
        });
    }

    private static int hour24(String hour, String amPm) {
        return Integer.parseInt(hour) % 12 + ("PM".equals(amPm) ? 12 : 0);
    }
}
