package dev.selfservice.portal.recovery;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The recovery's code page off the happy path (issue 29 items 1, 4 and 7): a code typed after its time, a code sent
 * again, and the wrong-code limit, said before it is met and when, with nothing sent that could not be used.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class RecoveryCodePageTest {

    static final String BOB_EMAIL = RecoveryTest.BOB_EMAIL;

    @Inject
    PortalTestClock clock;

    @Test
    void theRightCodeTypedAfterItsFiveMinutesIsAnsweredOnTheCodePageWithANewCodeAtHand() {
        Browser browser = new Browser();
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page code = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        String late = PortalSteps.awaitCode(BOB_EMAIL, before);
        // the browser keeps the step past its code, or it would drop it with the code and answer a blank first page
        assertThat(cookie(browser, "recovery_pending").getMaxAge()).as("seconds the browser keeps the step")
                .isGreaterThan(Duration.ofMinutes(5).toSeconds());
        TenantApi.advanceClocks(Duration.ofMinutes(6));

        Page expired = RecoveryFlow.enterCode(browser, code, late);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.path()).isEqualTo("/recovery/code");
        assertThat(expired.text("h1")).isEqualTo("Check your messages");
        assertThat(expired.text("#problem")).contains("That code has expired. Send a new code.")
                .doesNotContain("adding the contact");
        assertThat(expired.text("#sent-to")).as("the contact that was typed, masked").contains("b•••");
        assertThat(expired.document().select("#recovery-resend button").text()).isEqualTo("Send a new code");

        // what was typed is kept: the new code goes to the same username and contact without typing them again
        int sent = PortalSteps.outboxCount(BOB_EMAIL);
        Page again = browser.submit(expired, "#recovery-resend", Map.of());
        assertThat(again.path()).isEqualTo("/recovery/code");
        String fresh = PortalSteps.awaitCode(BOB_EMAIL, sent);
        assertThat(RecoveryFlow.enterCode(browser, again, fresh).path()).isEqualTo("/recovery/reset");
    }

    @Test
    void withNoCodeWaitingAnyMoreRecoverySaysSoInItsOwnWordsNotEnrolments() {
        Browser browser = new Browser();
        Page code = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        clock.advance(Duration.ofMinutes(70)); // past the code and the hour the step is kept after it
        Page gone = RecoveryFlow.enterCode(browser, code, "123456");
        assertThat(gone.status()).isEqualTo(400);
        // the start page, at its own address (post/redirect/get)
        assertThat(gone.path()).isEqualTo("/recovery");
        assertThat(gone.text("h1")).isEqualTo("Forgot your password, or locked out");
        assertThat(gone.text("#problem")).contains("There is no code waiting for this browser")
                .doesNotContain("adding the contact");
    }

    /** "A new code was sent" is the portal's word after its own resend, not something a hand-typed link says. */
    @Test
    void aHandTypedSentAgainOnTheCodePageShowsNoNewCodeLineButTheRealResendDoesOnce() {
        Browser browser = new Browser();
        Page code = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        Page typed = browser.get(portal() + "/recovery/code?sent=again");
        assertThat(typed.status()).isEqualTo(200);
        assertThat(typed.document().select("#notice")).as("no code was sent again").isEmpty();

        // the control: a real resend says it, once
        clock.advance(Duration.ofSeconds(31));
        Page again = browser.submit(code, "#recovery-resend", Map.of());
        assertThat(again.uri().toString()).isEqualTo(portal() + "/recovery/code?sent=again");
        assertThat(again.text("#notice")).contains("a new code was sent there");
        assertThat(browser.get(portal() + "/recovery/code?sent=again").document().select("#notice"))
                .as("a reload of the address is no resend").isEmpty();
    }

    @Test
    void aNewCodeSentIsConfirmedOnTheCodePageInEnglishAndGerman() {
        Browser browser = new Browser();
        Page code = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        assertThat(code.document().select("#notice")).as("control: no confirmation before a resend").isEmpty();
        clock.advance(Duration.ofSeconds(31));
        Page again = browser.submit(code, "#recovery-resend", Map.of());
        assertThat(again.text("#notice")).contains("a new code was sent there", "Use this newest code");

        Browser german = german();
        Page deCode = RecoveryFlow.start(german, "bob", BOB_EMAIL);
        clock.advance(Duration.ofSeconds(31));
        Page deAgain = german.submit(deCode, "#recovery-resend", Map.of());
        assertThat(deAgain.text("#notice")).contains("wurde dorthin ein neuer Code gesendet");
    }

    @Test
    void eachWrongCodeSaysHowManyTriesAreLeftBeforeTheWaitInEnglishAndGerman() {
        Browser browser = new Browser();
        Page code = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        code = RecoveryFlow.enterCode(browser, code, "000000");
        // the code's own tries (Auth0 ends a code at its third wrong one) are fewer than the attempt's nine
        assertThat(code.text("#problem")).contains("That code is not right", "2 more tries with this code.");
        code = RecoveryFlow.enterCode(browser, code, "000000");
        assertThat(code.text("#problem")).contains("1 more try with this code.");
        code = RecoveryFlow.enterCode(browser, code, "000000");
        assertThat(code.text("#problem")).contains("it no longer works", "Send a new code.");
        // with a new code, the attempt's tries are the fewer: 7 left, then after six more (3 and 3) the last
        for (int resend = 0; resend < 2; resend++) {
            clock.advance(Duration.ofSeconds(31));
            code = browser.submit(code, "#recovery-resend", Map.of());
            for (int i = 0; i < 3; i++) {
                code = RecoveryFlow.enterCode(browser, code, "000000");
            }
        }
        clock.advance(Duration.ofSeconds(31));
        code = RecoveryFlow.enterCode(browser, browser.submit(code, "#recovery-resend", Map.of()), "000000");
        assertThat(code.text("#problem")).as("the 10th try").contains("that was the last try for now", "You can try again after ")
                .doesNotContain("Check it and try again");

        Browser german = german();
        Page de = RecoveryFlow.enterCode(german, RecoveryFlow.start(german, "bob", BOB_EMAIL), "000000");
        assertThat(de.text("#problem")).contains("Noch 2 Versuche mit diesem Code.");
    }

    @Test
    void whenTheTriesAreUsedUpThePageSaysUntilWhenAndWhoHelpsAndStartingAgainSendsNoCode() {
        Browser browser = new Browser();
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page code = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        PortalSteps.awaitCode(BOB_EMAIL, before);
        Instant first = clock.instant();
        for (int i = 0; i < 10; i++) {
            code = RecoveryFlow.enterCode(browser, code, "000000");
        }
        Instant last = clock.instant();
        Page met = RecoveryFlow.enterCode(browser, code, "000000");
        assertThat(met.status()).isEqualTo(429);
        assertThat(met.text("h1")).isEqualTo("Forgot your password, or locked out");
        assertThat(met.text("#problem")).contains("Too many wrong codes. You can try again after ")
                .containsAnyOf(at(first.plus(Duration.ofHours(1)), Locale.ENGLISH),
                        at(last.plus(Duration.ofHours(1)), Locale.ENGLISH))
                .contains("contact the IT helpdesk (+1 555 0100");
        assertThat(met.document().select("#username").val()).as("what was typed is kept").isEqualTo("bob");

        // starting again meets the same wait, before any code is sent; so does "Send a new code"
        int sent = PortalSteps.outboxCount(BOB_EMAIL);
        Page again = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.text("#problem")).isEqualTo(met.text("#problem"));
        assertThat(again.document().select("#username").val()).isEqualTo("bob");
        clock.advance(Duration.ofSeconds(31));
        assertThat(browser.submit(code, "#recovery-resend", Map.of()).status()).isEqualTo(429);

        // control: once the hour has passed, starting again sends a code, the only one since the wait began
        TenantApi.advanceClocks(Duration.ofMinutes(61));
        Page after = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        assertThat(after.path()).isEqualTo("/recovery/code");
        PortalSteps.awaitCode(BOB_EMAIL, sent);
        assertThat(PortalSteps.outboxCount(BOB_EMAIL)).as("codes sent since the wait began").isEqualTo(sent + 1);
    }

    @Test
    void startingAgainInTheSameBrowserGoesOnWithTheSameTriesEvenInParallel() {
        Browser browser = new Browser();
        RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        int exchangesBefore = TenantApi.events(Map.of("type", "fco")).size();
        // fifteen at once, each starting again with this browser's cookies and typing a wrong code
        java.util.List<Page> tries = dev.selfservice.support.Parallel.run(browser.copies(15).stream()
                .map(b -> (java.util.concurrent.Callable<Page>) () -> {
                    Page again = RecoveryFlow.start(b, "bob", BOB_EMAIL);
                    return again.status() == 429 ? again : RecoveryFlow.enterCode(b, again, "000000");
                }).toList());
        assertThat(tries).filteredOn(p -> p.status() == 400).as("wrong, and looked at").hasSize(10);
        assertThat(tries).filteredOn(p -> p.status() == 429).as("refused: the attempt's tries are used up").hasSize(5);
        assertThat(TenantApi.events(Map.of("type", "fco")).size() - exchangesBefore)
                .as("code exchanges that reached the tenant").isEqualTo(10);
    }

    @Test
    void theWaitSaysItsTimeInGerman() {
        Browser german = german();
        Page code = RecoveryFlow.start(german, "bob", BOB_EMAIL);
        Instant first = clock.instant();
        for (int i = 0; i < 10; i++) {
            code = RecoveryFlow.enterCode(german, code, "000000");
        }
        Instant last = clock.instant();
        Page met = RecoveryFlow.enterCode(german, code, "000000");
        assertThat(met.status()).isEqualTo(429);
        assertThat(met.text("#problem")).contains("Zu viele falsche Codes. Sie können es nach ")
                .containsAnyOf(at(first.plus(Duration.ofHours(1)), Locale.GERMAN),
                        at(last.plus(Duration.ofHours(1)), Locale.GERMAN))
                .contains("wenden Sie sich an den IT-Helpdesk");
    }

    @Test
    void aContactNeverEnrolledMeetsTheSameWaitWithTheSameWordsAndIsRefusedAtAStartAlike() {
        String[] problems = new String[2];
        int[] statuses = new int[2];
        String[] contacts = { BOB_EMAIL, "bob.guess@example.org" };
        for (int c = 0; c < 2; c++) {
            // each attempt in a browser of its own, ten wrong codes each: only the count kept for the username and
            // contact (fifty an hour) can refuse the start that follows
            for (int attempt = 0; attempt < 5; attempt++) {
                Browser browser = new Browser();
                Page code = RecoveryFlow.start(browser, "bob", contacts[c]);
                assertThat(code.path()).as("attempt %d starts", attempt + 1).isEqualTo("/recovery/code");
                for (int i = 0; i < 10; i++) {
                    code = RecoveryFlow.enterCode(browser, code, "000000");
                    assertThat(code.status()).isEqualTo(400);
                }
            }
            Page refused = RecoveryFlow.start(new Browser(), "bob", contacts[c]);
            statuses[c] = refused.status();
            problems[c] = refused.text("#problem").replaceAll("after .* UTC", "after (time)");
        }
        assertThat(statuses[0]).isEqualTo(429);
        assertThat(statuses[1]).isEqualTo(statuses[0]);
        assertThat(problems[1]).isEqualTo(problems[0]).contains("Too many wrong codes");
    }

    private static String at(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(ZoneOffset.UTC)
                .format(instant) + " UTC";
    }

    private static Browser german() {
        Browser browser = new Browser();
        HttpCookie lang = new HttpCookie("lang", "de");
        lang.setPath("/");
        browser.cookies().getCookieStore().add(URI.create(portal()), lang);
        return browser;
    }

    private static HttpCookie cookie(Browser browser, String name) {
        return browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .findFirst().orElseThrow();
    }
}
