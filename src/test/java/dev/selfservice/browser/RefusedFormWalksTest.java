package dev.selfservice.browser;

import static dev.selfservice.browser.BrowserFlowsTest.walk;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A refused form is a page of its own, reached by GET (issue 29 item 7; the outside walk's items 2 and 3): Back from
 * the page after a later success lands on it without the browser asking to send the form again, and the language
 * switch on it shows the same errors in the other language with what was typed.
 */
@QuarkusTest
@ExtendWith(Chromium.class)
@dev.selfservice.support.CleanSlate
class RefusedFormWalksTest {

    /** The start page's words in one language, and those of the errors and controls the walks meet on it. */
    private record Words(String language, String start, String username, String contact, String send, String code,
            String contactError, String other, String otherStart, String otherContactError) {
    }

    private static final Words ENGLISH = new Words("en", "Forgot your password, or locked out", "Your username",
            "Personal email or mobile number", "Send me a code", "Check your messages",
            "Enter an email address with its domain, like name@example.com, or a mobile number, like +44 7700 900123.",
            "Deutsch", "Passwort vergessen oder gesperrt",
            "Geben Sie eine E-Mail-Adresse mit Domain ein, etwa name@example.de, oder eine Mobilnummer, etwa +49 151 23456789.");

    private static final Words GERMAN = new Words("de", ENGLISH.otherStart(), "Ihr Benutzername",
            "Private E-Mail-Adresse oder Mobilnummer", "Code senden", "Prüfen Sie Ihre Nachrichten",
            ENGLISH.otherContactError(), "English", ENGLISH.start(), ENGLISH.contactError());

    private static void openStart(Employee erin, Words words) {
        erin.open(portal() + "/language?to=" + words.language() + "&back=/recovery");
        erin.sees(words.start());
    }

    private static void refusedStart(Employee erin, Words words) {
        erin.types(words.username(), "erin").types(words.contact(), "erin.home").chooses(words.send())
                .sees(words.start());
        assertThat(erin.textOf("contact-error")).endsWith(words.contactError());
    }

    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP", "KEYBOARD_ONLY" })
    void backFromTheCodePageAfterARefusalShowsTheStartPageWithoutAskingToResend(Walk walk, TestInfo test) {
        backAfterASuccess(walk, test, ENGLISH);
    }

    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP" })
    void backAfterASuccessInGerman(Walk walk, TestInfo test) {
        backAfterASuccess(walk, test, GERMAN);
    }

    private static void backAfterASuccess(Walk walk, TestInfo test, Words words) {
        walk(test, walk, erin -> {
            openStart(erin, words);
            refusedStart(erin, words);
            assertThat(erin.navigationType()).as("the refusal is a page reached by GET").isEqualTo("navigate");
            erin.types(words.contact(), "+1 415 555 0142").chooses(words.send()).sees(words.code());

            // Back: the start page again, fetched by GET from its own address, not a form result to be sent again
            erin.goesBack().sees(words.start());
            assertThat(erin.path()).isEqualTo("/recovery");
            assertThat(erin.navigationType()).as("a history navigation to a page of the portal").isEqualTo("back_forward");
            assertThat(erin.bodyText()).doesNotContain("ERR_CACHE_MISS").doesNotContain("Confirm Form Resubmission");
        });
    }

    /** The outside walk's finding: Back after a reset showed "This recovery has expired or was already used" in red. */
    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP", "NO_JAVASCRIPT" })
    void backAfterANewPasswordShowsThatItIsSetNotAnExpiredRecovery(Walk walk, TestInfo test) {
        walk(test, walk, erin -> {
            openStart(erin, ENGLISH);
            erin.types(ENGLISH.username(), "erin");
            BrowserFlowsTest.provesWithACode(erin, "+1 415 555 0142", "+14155550142");
            BrowserFlowsTest.choosesNewPassword(erin);
            erin.chooses("Set new password").sees("Your new password is set");

            // Back to the form it was set with, and once more to the code page: each shows what happened
            erin.goesBack().sees("Your new password is set");
            assertThat(erin.bodyText()).doesNotContain("expired").doesNotContain("already used");
            assertThat(erin.title()).doesNotStartWith("Error");
            erin.goesBack().sees("Your new password is set");
            assertThat(erin.bodyText()).doesNotContain("expired").doesNotContain("Confirm Form Resubmission");
        });
    }

    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP", "NO_JAVASCRIPT" })
    void theLanguageSwitchOnARefusedFormKeepsItsErrorsAndWhatWasTyped(Walk walk, TestInfo test) {
        switchesLanguage(walk, test, ENGLISH);
    }

    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP" })
    void theSameFromGerman(Walk walk, TestInfo test) {
        switchesLanguage(walk, test, GERMAN);
    }

    private static void switchesLanguage(Walk walk, TestInfo test, Words words) {
        walk(test, walk, erin -> {
            openStart(erin, words);
            refusedStart(erin, words);

            erin.chooses(words.other()).sees(words.otherStart());
            assertThat(erin.path()).isEqualTo("/recovery");
            assertThat(erin.textOf("contact-error")).as("the same error, in the other language")
                    .endsWith(words.otherContactError());
            assertThat(erin.attributeOf("contact", "aria-invalid")).isEqualTo("true");
            assertThat(erin.valueOf(GERMAN == words ? ENGLISH.username() : GERMAN.username())).isEqualTo("erin");
            assertThat(erin.valueOf(GERMAN == words ? ENGLISH.contact() : GERMAN.contact())).isEqualTo("erin.home");

            // and back again
            erin.chooses(GERMAN == words ? "Deutsch" : "English").sees(words.start());
            assertThat(erin.textOf("contact-error")).endsWith(words.contactError());
            assertThat(erin.valueOf(words.username())).isEqualTo("erin");
            assertThat(erin.valueOf(words.contact())).isEqualTo("erin.home");
        });
    }
}
