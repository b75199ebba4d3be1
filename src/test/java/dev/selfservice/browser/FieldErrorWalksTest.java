package dev.selfservice.browser;

import static dev.selfservice.browser.BrowserFlowsTest.walk;
import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every error names and marks the field that is wrong (issue 29 item 3): the message beside that field as well as in
 * the summary, whose link goes to it; every error of a submission at once; what was typed kept (passwords aside); and
 * the portal's own words, never the browser's bubbles (the forms are {@code novalidate}: without it, an empty or
 * malformed field is stopped by the browser and the form never reaches the portal, so each walk below would wait in
 * vain for the page's answer).
 */
@QuarkusTest
@ExtendWith(Chromium.class)
@dev.selfservice.support.CleanSlate
class FieldErrorWalksTest {

    @ParameterizedTest
    @EnumSource(Walk.class)
    void aContactTypedWithoutADomainMarksTheContactFieldAndAnEmptyFormNamesBothFields(Walk walk, TestInfo test) {
        walk(test, walk, erin -> {
            erin.open(portal() + "/recovery");
            erin.sees("Forgot your password, or locked out");
            erin.types("Your username", "erin").types("Personal email or mobile number", "erin.home")
                    .chooses("Send me a code").sees("Forgot your password, or locked out");
            String contactError = "Enter an email address with its domain, like name@example.com, or a mobile number,"
                    + " like +44 7700 900123.";
            assertThat(erin.title()).startsWith("Error: ");
            assertThat(erin.focusedId()).as("the summary is where she lands").isEqualTo("problem");
            assertThat(erin.textOf("problem-text")).isEqualTo(contactError);
            assertThat(erin.attributeOf("contact", "aria-invalid")).isEqualTo("true");
            assertThat(erin.attributeOf("contact", "aria-describedby")).isEqualTo("contact-hint contact-error");
            assertThat(erin.textOf("contact-error")).as("beside the field").endsWith(contactError);
            assertThat(erin.attributeOf("username", "aria-invalid")).as("the username is not at fault").isNull();
            assertThat(erin.valueOf("Your username")).as("kept").isEqualTo("erin");
            assertThat(erin.valueOf("Personal email or mobile number")).as("kept, to be corrected").isEqualTo("erin.home");
            assertThat(erin.offers(contactError)).as("the summary links to the field").isTrue();

            // nothing typed: both fields are named at once, in the order of the form, and the browser stops nothing
            erin.types("Your username", "").types("Personal email or mobile number", "").chooses("Send me a code")
                    .sees("Forgot your password, or locked out");
            assertThat(erin.textOf("problem-text")).isEqualTo("Enter your work username, the one you sign in with.\n"
                    + "Enter the personal email address or mobile number you added as a recovery contact.");
            assertThat(erin.attributeOf("username", "aria-invalid")).isEqualTo("true");
            assertThat(erin.attributeOf("contact", "aria-invalid")).isEqualTo("true");
            assertThat(erin.textOf("username-error")).endsWith("Enter your work username, the one you sign in with.");
        });
    }

    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP", "NO_JAVASCRIPT" })
    void theSameInGerman(Walk walk, TestInfo test) {
        walk(test, walk, erin -> {
            erin.open(portal() + "/language?to=de&back=/recovery");
            erin.sees("Passwort vergessen oder gesperrt");
            erin.types("Ihr Benutzername", "erin").types("Private E-Mail-Adresse oder Mobilnummer", "erin.home")
                    .chooses("Code senden").sees("Passwort vergessen oder gesperrt");
            String contactError = "Geben Sie eine E-Mail-Adresse mit Domain ein, etwa name@example.de, oder eine"
                    + " Mobilnummer, etwa +49 151 23456789.";
            assertThat(erin.title()).startsWith("Fehler: ");
            assertThat(erin.textOf("problem")).startsWith("Es gibt ein Problem").endsWith(contactError);
            assertThat(erin.textOf("contact-error")).endsWith(contactError);
            assertThat(erin.attributeOf("contact", "aria-invalid")).isEqualTo("true");
            assertThat(erin.attributeOf("username", "aria-invalid")).isNull();
            assertThat(erin.valueOf("Private E-Mail-Adresse oder Mobilnummer")).isEqualTo("erin.home");
        });
    }

    /** The expired-password page: four fields wrong, four messages at once, the username kept, no password. */
    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP", "PHONE", "NO_JAVASCRIPT" })
    void everyErrorOfTheExpiredPasswordFormIsNamedAtOnceBesideItsField(Walk walk, TestInfo test) {
        walk(test, walk, carol -> {
            carol.open(portal() + "/password/expired");
            carol.sees("Change an expired password");
            carol.types("Your username", "").types("New password", "short").chooses("Change password")
                    .sees("Change an expired password");
            assertThat(carol.textOf("problem-text")).isEqualTo("Enter your work username, the one you sign in with.\n"
                    + "Enter your current password.\n"
                    + "The new password is too short: use at least 15 characters.\n"
                    + "Enter the new password again.");
            for (String field : new String[] { "username", "current", "password", "confirm" }) {
                assertThat(carol.attributeOf(field, "aria-invalid")).as(field).isEqualTo("true");
                assertThat(carol.attributeOf(field, "aria-describedby")).as(field).endsWith(field + "-error");
            }
            assertThat(carol.textOf("password-error")).endsWith("The new password is too short: use at least 15 characters.");
            // the positive control: what is wrong now is only what she leaves wrong
            carol.types("Your username", "carol").types("Current password", DEMO_PASSWORD)
                    .types("New password", BrowserFlowsTest.NEW_PASSWORD).chooses("Change password")
                    .sees("Change an expired password");
            assertThat(carol.textOf("problem-text")).isEqualTo("Enter the new password again.");
            assertThat(carol.attributeOf("username", "aria-invalid")).isNull();
            assertThat(carol.valueOf("Your username")).as("kept").isEqualTo("carol");
            assertThat(carol.valueOf("New password")).as("a password is never sent back").isEmpty();
        });
    }

    /** An address without its domain on the contacts page: the portal's message beside the email field, not a bubble. */
    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP", "NO_JAVASCRIPT" })
    void anEmailWithoutItsDomainIsNamedBesideTheEmailField(Walk walk, TestInfo test) {
        walk(test, walk, alice -> {
            alice.open(portal());
            alice.sees("Get back into your work account");
            alice.chooses("Sign in with your work account").sees("Log in");
            alice.types("Username", "alice").types("Password", DEMO_PASSWORD).chooses("Continue").sees("Your account");
            alice.chooses("Recovery contacts").sees("Recovery contacts");
            alice.types("Personal email address", "alice.home@example.net").chooses("Send a code")
                    .sees("Sign in again to continue");
            alice.chooses("Sign in again").sees("Log in");
            TenantApi.advanceClock(1);
            alice.types("Username", "alice").types("Password", DEMO_PASSWORD).chooses("Continue").sees("Recovery contacts");
            alice.types("Personal email address", "alice.home").chooses("Send a code").sees("Recovery contacts");
            assertThat(alice.title()).startsWith("Error: ");
            assertThat(alice.attributeOf("email", "aria-invalid")).isEqualTo("true");
            assertThat(alice.attributeOf("email", "aria-describedby")).isEqualTo("email-hint email-error");
            assertThat(alice.textOf("email-error")).contains("does not look like an email address");
            assertThat(alice.attributeOf("phone", "aria-invalid")).as("the other form is not at fault").isNull();
            assertThat(alice.valueOf("Personal email address")).isEqualTo("alice.home");
        });
    }
}
