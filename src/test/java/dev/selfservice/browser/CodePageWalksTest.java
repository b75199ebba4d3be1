package dev.selfservice.browser;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The recovery's code page off the happy path, walked in Chromium (issue 29 items 1, 4 and 7): a code typed after its
 * five minutes is answered on the code page, which keeps the contact and sends a new code for it and says so; wrong
 * codes say the tries left; "Confirm" and "Send a new code" stand apart on a phone. In English and German.
 */
@QuarkusTest
@ExtendWith(Chromium.class)
@dev.selfservice.support.CleanSlate
class CodePageWalksTest {

    private static final String BOB_EMAIL = "bob.personal@example.com";

    @ParameterizedTest
    @EnumSource(Walk.class)
    void bobTypesHisCodeTooLateAndGetsANewOneOnTheSamePage(Walk walk, TestInfo test) {
        BrowserFlowsTest.walk(test, walk, bob -> {
            bob.open(portal() + "/recovery");
            bob.sees("Forgot your password, or locked out");
            int before = PortalSteps.outboxCount(BOB_EMAIL);
            bob.types("Your username", "bob").types("Personal email or mobile number", BOB_EMAIL)
                    .chooses("Send me a code").sees("Check your messages");
            assertThat(bob.gapBetween("Confirm", "Send a new code")).as("px between the two buttons").isGreaterThanOrEqualTo(8);
            String late = PortalSteps.awaitCode(BOB_EMAIL, before);
            bob.types("Code", "000000".equals(late) ? "111111" : "000000").chooses("Confirm").sees("Check your messages");
            assertThat(bob.bodyText()).contains("2 more tries with this code.");

            TenantApi.advanceClocks(Duration.ofMinutes(6));
            bob.types("Code", late).chooses("Confirm").sees("Check your messages");
            assertThat(bob.focusedId()).as("the focus is on the error summary").isEqualTo("problem");
            assertThat(bob.bodyText()).contains("That code has expired. Send a new code.", "b•••")
                    .doesNotContain("adding the contact");

            int sent = PortalSteps.outboxCount(BOB_EMAIL);
            bob.chooses("Send a new code").sees("Check your messages");
            assertThat(bob.textOf("notice")).contains("a new code was sent there");
            assertThat(bob.gapBetween("Confirm", "Send a new code")).isGreaterThanOrEqualTo(8);
            bob.types("Code", PortalSteps.awaitCode(BOB_EMAIL, sent)).chooses("Confirm").sees("Get back into your account");
        });
    }

    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "PHONE", "KEYBOARD_ONLY" })
    void bobTypesHisCodeTooLateInGerman(Walk walk, TestInfo test) {
        BrowserFlowsTest.walk(test, walk, bob -> {
            bob.open(portal());
            bob.chooses("Deutsch").sees("Wieder Zugang zu Ihrem Arbeitskonto");
            bob.chooses("Passwort vergessen oder gesperrt").sees("Passwort vergessen oder gesperrt");
            int before = PortalSteps.outboxCount(BOB_EMAIL);
            bob.types("Ihr Benutzername", "bob").types("Private E-Mail-Adresse oder Mobilnummer", BOB_EMAIL)
                    .chooses("Code senden").sees("Prüfen Sie Ihre Nachrichten");
            assertThat(bob.gapBetween("Bestätigen", "Neuen Code senden")).isGreaterThanOrEqualTo(8);
            String late = PortalSteps.awaitCode(BOB_EMAIL, before);
            bob.types("Code", "000000".equals(late) ? "111111" : "000000").chooses("Bestätigen")
                    .sees("Prüfen Sie Ihre Nachrichten");
            assertThat(bob.bodyText()).contains("Noch 2 Versuche mit diesem Code.");

            TenantApi.advanceClocks(Duration.ofMinutes(6));
            bob.types("Code", late).chooses("Bestätigen").sees("Prüfen Sie Ihre Nachrichten");
            assertThat(bob.bodyText()).contains("Dieser Code ist abgelaufen. Lassen Sie einen neuen Code senden.");

            int sent = PortalSteps.outboxCount(BOB_EMAIL);
            bob.chooses("Neuen Code senden").sees("Prüfen Sie Ihre Nachrichten");
            assertThat(bob.textOf("notice")).contains("wurde dorthin ein neuer Code gesendet");
            bob.types("Code", PortalSteps.awaitCode(BOB_EMAIL, sent)).chooses("Bestätigen")
                    .sees("Wieder Zugang zu Ihrem Konto");
        });
    }
}
