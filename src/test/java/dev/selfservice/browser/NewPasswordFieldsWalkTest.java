package dev.selfservice.browser;

import static dev.selfservice.browser.BrowserFlowsTest.NEW_PASSWORD;
import static dev.selfservice.browser.BrowserFlowsTest.walk;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The new-password fields, as an employee types into them (issue 29 item 7): the two new passwords compared while
 * they are typed (and by the server on submit, which is all there is without JavaScript), a weak password shown as bad
 * on the strength meter, and nothing below the field moving when the first key brings the checklist's answers.
 */
@QuarkusTest
@ExtendWith(Chromium.class)
@dev.selfservice.support.CleanSlate
class NewPasswordFieldsWalkTest {

    private static final String EXPIRED = "Change an expired password";

    @ParameterizedTest
    @EnumSource(Walk.class)
    void theTwoNewPasswordsAreComparedAsTheyAreTyped(Walk walk, TestInfo test) {
        walk(test, walk, carol -> {
            carol.open(portal() + "/password/expired");
            carol.sees(EXPIRED);
            carol.types("New password", NEW_PASSWORD).types("New password again", NEW_PASSWORD + "!");
            if (carol.walk().javaScript()) {
                assertThat(carol.settledTextOf("confirm-match")).isEqualTo("The two new passwords are not the same.");
                assertThat(carol.attributeOf("confirm", "aria-invalid")).isEqualTo("true");
                carol.types("New password again", NEW_PASSWORD);
                assertThat(carol.settledTextOf("confirm-match", "The two new passwords are not the same."))
                        .isEqualTo("The two new passwords are the same.");
                assertThat(carol.attributeOf("confirm", "aria-invalid")).isNull();
            } else {
                // without the page's script, the server compares them: its message beside the field
                assertThat(carol.textOf("confirm-match")).as("nothing said before submit").isBlank();
                carol.types("Your username", "carol").types("Current password", "Start-Passw0rd!")
                        .chooses("Change password").sees(EXPIRED);
                assertThat(carol.textOf("confirm-error")).endsWith("The two new passwords are not the same.");
                assertThat(carol.attributeOf("confirm", "aria-invalid")).isEqualTo("true");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(value = Walk.class, names = "DESKTOP")
    void theTwoNewPasswordsAreComparedInGerman(Walk walk, TestInfo test) {
        walk(test, walk, carol -> {
            carol.open(portal() + "/language?to=de&back=/password/expired");
            carol.sees("Abgelaufenes Passwort ändern");
            carol.types("Neues Passwort", NEW_PASSWORD).types("Neues Passwort wiederholen", NEW_PASSWORD + "!");
            assertThat(carol.settledTextOf("confirm-match")).isEqualTo("Die beiden neuen Passwörter stimmen nicht überein.");
            carol.types("Neues Passwort wiederholen", NEW_PASSWORD);
            assertThat(carol.settledTextOf("confirm-match", "Die beiden neuen Passwörter stimmen nicht überein."))
                    .isEqualTo("Die beiden neuen Passwörter stimmen überein.");
        });
    }

    /**
     * "weak" is drawn in the meter's bad colour and "good" in its good one: read from the pixels, since only they show
     * which of the meter's regions the browser drew (without low/high/optimum every value is drawn as good).
     */
    @ParameterizedTest
    @EnumSource(value = Walk.class, names = "DESKTOP")
    void aWeakPasswordShowsAsBadOnTheStrengthMeterAndAGoodOneAsGood(Walk walk, TestInfo test) {
        walk(test, walk, carol -> {
            carol.open(portal() + "/password/expired");
            carol.sees(EXPIRED);
            carol.types("New password", "password password");
            assertThat(carol.settledTextOf("strength-label", "checking…")).isEqualTo("weak");
            assertThat(colourOf(carol.pixelsOf("strength-meter"))).as("weak").isEqualTo(Colour.RED);
            carol.types("New password", NEW_PASSWORD);
            assertThat(carol.settledTextOf("strength-label", "checking…", "weak")).isIn("good", "strong");
            assertThat(colourOf(carol.pixelsOf("strength-meter"))).as("the positive control").isEqualTo(Colour.GREEN);
        });
    }

    /** The first key brings the checklist's and the meter's answers; the confirmation field stays where it was. */
    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP", "PHONE" })
    void nothingBelowTheNewPasswordMovesOnTheFirstKey(Walk walk, TestInfo test) {
        walk(test, walk, carol -> {
            staysInPlace(carol, portal() + "/password/expired", EXPIRED, "New password", "checking…");
            staysInPlace(carol, portal() + "/language?to=de&back=/password/expired", "Abgelaufenes Passwort ändern",
                    "Neues Passwort", "wird geprüft…");
        });
    }

    private static void staysInPlace(Employee carol, String url, String heading, String field, String checking) {
        carol.open(url);
        carol.sees(heading);
        double before = carol.topOf("confirm");
        carol.types(field, "a");
        // the answer has come: the label says how strong, and the checklist has its marks
        carol.settledTextOf("strength-label", checking);
        assertThat(carol.topOf("confirm")).as("the confirmation field's top, in px, after the first key")
                .isEqualTo(before);
    }

    private enum Colour { RED, GREEN, OTHER }

    /** The meter's fill colour: the most common strongly coloured pixel, red or green. */
    private static Colour colourOf(BufferedImage image) {
        int red = 0;
        int green = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > g + 60 && r > b + 60) {
                    red++;
                } else if (g > r + 40 && g > b + 20) {
                    green++;
                }
            }
        }
        return red > green && red > 10 ? Colour.RED : green > red && green > 10 ? Colour.GREEN : Colour.OTHER;
    }
}
