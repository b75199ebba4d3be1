package dev.selfservice.portal.recovery;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "Didn't get a code?" helps with the way the code travels: spam folders for an email, the number and signal for a
 * text message; and recovery's help names the username, which decides where a code goes. It says only what was
 * typed, so it tells nothing about the account.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class CodeHelpSpeaksOfTheChannelTest {

    @Test
    void aRecoveryCodeSentToAPhoneIsHelpedWithSignalNotSpamFolders() {
        Page phone = RecoveryFlow.start(new Browser(), "erin", "+1 415 555 0142");
        Page email = RecoveryFlow.start(new Browser(), "bob", RecoveryTest.BOB_EMAIL);

        assertThat(phone.text("#code-help-wait")).contains("Text messages", "signal").doesNotContain("spam");
        assertThat(email.text("#code-help-wait")).as("the control: an email's help").contains("spam or junk folder");
        assertThat(phone.text("#code-help")).contains("check that you typed your work username");
    }

    @Test
    void inGermanToo() {
        Browser browser = new Browser();
        browser.get(portal() + "/language?to=de&back=/recovery");
        Page phone = RecoveryFlow.start(browser, "erin", "+1 415 555 0142");

        assertThat(phone.text("#code-help-wait")).contains("SMS", "Empfang").doesNotContain("Spam");
        assertThat(phone.text("#code-help")).contains("Arbeits-Benutzernamen");
    }
}
