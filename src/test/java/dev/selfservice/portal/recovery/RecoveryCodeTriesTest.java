package dev.selfservice.portal.recovery;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The tries of a recovery code as the page tells them (outside walk, findings 1, 7 and 9), as on enrolment's code
 * page: the code's end after Auth0's three wrong tries, what is no code at all, a wrong code after a resend, and the
 * text above "Send a new code" that says what it does.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class RecoveryCodeTriesTest {

    static final String BOB_EMAIL = RecoveryTest.BOB_EMAIL;

    @Inject
    PortalTestClock clock;

    @Test
    void afterThreeWrongTriesTheRightCodeIsSaidToWorkNoLongerAndANewCodeProvesIt() {
        Browser browser = new Browser();
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page code = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        String right = PortalSteps.awaitCode(BOB_EMAIL, before);
        String wrong = wrongBut(right);
        code = RecoveryFlow.enterCode(browser, code, wrong);
        assertThat(code.text("#problem")).contains("2 more tries with this code.");
        code = RecoveryFlow.enterCode(browser, RecoveryFlow.enterCode(browser, code, wrong), wrong);
        assertThat(code.text("#code-error")).contains("it no longer works", "Send a new code.");
        Page late = RecoveryFlow.enterCode(browser, code, right);
        assertThat(late.path()).isEqualTo("/recovery/code");
        assertThat(late.text("#problem")).as("Auth0 ended it: said so, not 'not right, 6 tries left'")
                .contains("it no longer works").doesNotContain("tries left");

        int sent = PortalSteps.outboxCount(BOB_EMAIL);
        clock.advance(Duration.ofSeconds(31));
        Page again = browser.submit(late, "#recovery-resend", Map.of());
        assertThat(RecoveryFlow.enterCode(browser, again, PortalSteps.awaitCode(BOB_EMAIL, sent)).path())
                .isEqualTo("/recovery/reset");
    }

    @Test
    void aContactNeverEnrolledIsAnsweredWithTheSameWords() {
        Browser browser = new Browser();
        Page code = RecoveryFlow.start(browser, "bob", "bob.guess@example.org");
        code = RecoveryFlow.enterCode(browser, code, "000000");
        assertThat(code.text("#problem")).contains("2 more tries with this code.");
        code = RecoveryFlow.enterCode(browser, RecoveryFlow.enterCode(browser, code, "000000"), "000000");
        assertThat(code.text("#problem")).contains("it no longer works", "Send a new code.");
    }

    @Test
    void anEmptyOrShortCodeIsSaidOnItsFieldAndNeitherReachesAuth0NorSpendsATryInEnglishAndGerman() {
        Browser browser = new Browser();
        Page code = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        int exchanges = exchanges();
        Page empty = RecoveryFlow.enterCode(browser, code, " ");
        assertThat(empty.text("#code-error")).contains("Enter the 6-digit code.").doesNotContain("not right");
        Page shortCode = RecoveryFlow.enterCode(browser, empty, "12 345");
        assertThat(shortCode.text("#code-error")).contains("The code has 6 digits.").doesNotContain("not right");
        assertThat(exchanges()).as("code exchanges that reached the tenant").isEqualTo(exchanges);
        // control: six digits reach Auth0, and this first spent try leaves the code two
        Page wrong = RecoveryFlow.enterCode(browser, shortCode, "000000");
        assertThat(exchanges()).isEqualTo(exchanges + 1);
        assertThat(wrong.text("#problem")).contains("2 more tries with this code.");

        Browser german = german();
        Page de = RecoveryFlow.enterCode(german, RecoveryFlow.start(german, "bob", BOB_EMAIL), "");
        assertThat(de.text("#code-error")).contains("Geben Sie den 6-stelligen Code ein.");
        assertThat(RecoveryFlow.enterCode(german, de, "1234567").text("#code-error")).contains("Der Code hat 6 Ziffern.");
    }

    @Test
    void theCodePageSaysThatSendANewCodeSendsOneAndAWrongCodeAfterItMayBeTheReplacedOne() {
        Browser browser = new Browser();
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page code = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        assertThat(code.text("#still-valid")).contains("\"Send a new code\" sends another one, and then only the newest code works.")
                .doesNotContain("asking again sends no new one");
        String first = PortalSteps.awaitCode(BOB_EMAIL, before);
        Page wrong = RecoveryFlow.enterCode(browser, code, wrongBut(first));
        assertThat(wrong.text("#problem")).as("control: before a resend, just not right").doesNotContain("newer code");

        int sent = PortalSteps.outboxCount(BOB_EMAIL);
        clock.advance(Duration.ofSeconds(31));
        Page again = browser.submit(wrong, "#recovery-resend", Map.of());
        String newest = PortalSteps.awaitCode(BOB_EMAIL, sent);
        Page replaced = RecoveryFlow.enterCode(browser, again, first.equals(newest) ? wrongBut(newest) : first);
        assertThat(replaced.text("#problem")).contains("a newer code was sent", "Use the latest code.");

        Browser german = german();
        Page de = RecoveryFlow.start(german, "bob", BOB_EMAIL);
        assertThat(de.text("#still-valid")).contains("„Neuen Code senden“ sendet einen weiteren");
    }

    @Test
    void parallelWrongCodesOnOneCodeLoseNoCountAndItsEndIsSaid() {
        Browser browser = new Browser();
        Page code = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        List<Page> pages = Parallel.run(browser.copies(5).stream()
                .map(b -> (Callable<Page>) () -> RecoveryFlow.enterCode(b, code, "000000")).toList());
        assertThat(pages).filteredOn(p -> p.text("#problem").contains("2 more tries with this code.")).hasSizeLessThanOrEqualTo(1);
        assertThat(pages).filteredOn(p -> p.text("#problem").contains("1 more try with this code.")).hasSizeLessThanOrEqualTo(1);
        assertThat(pages).filteredOn(p -> p.text("#problem").contains("it no longer works")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(RecoveryFlow.enterCode(browser, code, "000000").text("#problem")).contains("it no longer works");
    }

    private static String wrongBut(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static int exchanges() {
        return TenantApi.events(Map.of("type", "fco")).size();
    }

    private static Browser german() {
        Browser browser = new Browser();
        HttpCookie lang = new HttpCookie("lang", "de");
        lang.setPath("/");
        browser.cookies().getCookieStore().add(URI.create(portal()), lang);
        return browser;
    }
}
