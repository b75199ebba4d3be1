package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A locked account's pages say when AD unlocks it by itself (the domain's lockout duration, a setting), never "after a
 * while"; where AD never does, they say who can.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class LockedAccountPagesNameTheTimeTest {

    static Page signInAs(Browser browser, String username) {
        Page login = browser.get(portal() + "/signin");
        return browser.submit(login, "form", Map.of("username", username, "password", DEMO_PASSWORD));
    }

    @jakarta.inject.Inject
    dev.selfservice.support.PortalTestClock clock;

    @org.junit.jupiter.api.AfterEach
    void clockBack() {
        clock.reset();
    }

    /**
     * When AD locked the account cannot be read, but it was at the latest now: the page names the time by which it
     * unlocks at the latest, in the page's language and UTC, marked up for the employee's own time.
     */
    @Test
    void theLockedSignInPageSaysByWhatTimeItUnlocksByItselfAtTheLatest() {
        clock.advance(java.time.Duration.ofMinutes(197)); // another time of day than the machine's
        java.time.Instant before = clock.instant();
        Page page = signInAs(new Browser(), "erin");
        java.time.Instant after = clock.instant();
        assertThat(page.text("h1")).isEqualTo("Your account is locked");
        assertThat(page.text("main")).contains("It unlocks by itself within 30 minutes, by ")
                .doesNotContain("after a while");
        assertThat(page.text("#signin-problem time")).isIn(utc(before.plusSeconds(1800), java.util.Locale.ENGLISH),
                utc(after.plusSeconds(1800), java.util.Locale.ENGLISH));
        assertThat(page.document().select("#signin-problem time").attr("datetime")).startsWith(
                before.plusSeconds(1800).toString().substring(0, 13));
        assertThat(page.document().select("script[src=/js/local-time.js]")).isNotEmpty();
    }

    @Test
    void inGermanToo() {
        Browser browser = new Browser();
        browser.get(portal() + "/language?to=de&back=/");
        java.time.Instant before = clock.instant();
        Page page = signInAs(browser, "erin");
        java.time.Instant after = clock.instant();
        assertThat(page.text("h1")).isEqualTo("Ihr Konto ist gesperrt");
        assertThat(page.text("main")).contains("Die Sperre endet von selbst innerhalb von 30 Minuten, spätestens um ")
                .doesNotContain("nach einer Weile");
        assertThat(page.text("#signin-problem time")).isIn(utc(before.plusSeconds(1800), java.util.Locale.GERMAN),
                utc(after.plusSeconds(1800), java.util.Locale.GERMAN));
    }

    private static String utc(java.time.Instant instant, java.util.Locale locale) {
        return java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT).withLocale(locale)
                .withZone(java.time.ZoneOffset.UTC).format(instant) + " UTC";
    }

    @Test
    void auth0sPauseAfterManyFailedSignInsIsNotSaidToEndByWaiting() {
        Page page = new Browser().get(portal() + "/signin/error?error=too_many_attempts");
        assertThat(page.text("h1")).isEqualTo("Too many sign-in attempts");
        assertThat(page.text("main")).contains("it does not end by waiting", "you can keep your password")
                .doesNotContain("try again later");
        assertThat(page.document().select("a[href=/recovery]")).as("the way to lift it").isNotEmpty();
    }

    @Test
    void aPasswordChangeRefusedBecauseSignInIsPausedSaysHowToLiftIt() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page form = alice.get(portal() + "/password/change");
        TenantApi.pauseByBruteForce("alice", "127.0.0.1");
        String fresh = "Violet-Harbour-Lantern-93";
        Page refused = alice.submit(form, "#change-password", Map.of("current", DEMO_PASSWORD, "password", fresh,
                "confirm", fresh));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("main")).contains("Sign-in is paused for your account", "Lift the pause")
                .doesNotContain("wait and try");
    }
}
