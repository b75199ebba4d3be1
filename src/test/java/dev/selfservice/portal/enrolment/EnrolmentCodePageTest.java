package dev.selfservice.portal.enrolment;

import static dev.selfservice.portal.enrolment.EnrolmentTest.add;
import static dev.selfservice.portal.enrolment.EnrolmentTest.enterCode;
import static dev.selfservice.portal.enrolment.EnrolmentTest.signIn;
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
 * The enrolment's code page off the happy path (issue 29 items 1, 4 and 7): a code typed after its time, a code sent
 * again, and the wrong-code limit, said before it is met and when, with nothing sent that could not be used.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class EnrolmentCodePageTest {

    static final String PAT = "pat@example.com";

    @Inject
    PortalTestClock clock;

    @Test
    void theRightCodeTypedAfterItsFiveMinutesIsAnsweredOnTheCodePageAndANewOneLinksTheContact() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-email", "email", PAT);
        String late = TenantApi.latestCode(PAT);
        assertThat(cookie(alice, PendingEnrolmentCookie.NAME).getMaxAge()).as("seconds the browser keeps the step")
                .isGreaterThan(Duration.ofMinutes(5).toSeconds());
        TenantApi.advanceClocks(Duration.ofMinutes(6));

        Page expired = enterCode(alice, verify, late);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.text("h1")).isEqualTo("Enter the code");
        assertThat(expired.text("#problem")).contains("That code has expired. Send a new code.");
        assertThat(expired.text("#sent-to")).contains("p•••@example.com");

        // within the ten minutes of the password entered again: what was typed is kept, and a new code sent for it
        int sent = PortalSteps.outboxCount(PAT);
        Page again = alice.submit(expired, "#resend", Map.of());
        assertThat(again.path()).isEqualTo("/enrolment/verify");
        assertThat(again.status()).isEqualTo(200);
        Page added = enterCode(alice, again, PortalSteps.awaitCode(PAT, sent));
        assertThat(added.path()).isEqualTo("/enrolment");
        assertThat(added.text("#notice")).contains("was added");
    }

    @Test
    void aNewCodeSentIsConfirmedOnTheCodePageInEnglishAndGerman() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-email", "email", PAT);
        assertThat(verify.document().select("#notice")).as("control: no confirmation before a resend").isEmpty();
        clock.advance(Duration.ofSeconds(31));
        Page again = alice.submit(verify, "#resend", Map.of());
        assertThat(again.text("#notice")).isEqualTo("A new code was sent. Use this newest code: an earlier one no longer works.");

        german(alice);
        assertThat(alice.get(portal() + "/enrolment/verify").document().select("#notice")).as("a reload is no resend")
                .isEmpty();
        clock.advance(Duration.ofSeconds(31));
        Page deAgain = alice.submit(alice.get(portal() + "/enrolment/verify"), "#resend", Map.of());
        assertThat(deAgain.text("#notice")).startsWith("Ein neuer Code wurde gesendet.");
    }

    @Test
    void eachWrongCodeSaysHowManyTriesAreLeftAndWhenTheyAreUsedUpUntilWhenAndNoCodeIsSent() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-email", "email", PAT);
        Instant first = clock.instant();
        Page wrong = enterCode(alice, verify, "000000");
        // the code's own tries (Auth0 ends a code at its third wrong one) are fewer than the portal's nine
        assertThat(wrong.text("#problem")).contains("not right", "2 more tries with this code.");
        for (int i = 0; i < 9; i++) {
            wrong = enterCode(alice, wrong, "000000");
        }
        assertThat(wrong.text("#problem")).contains("that was the last try for now", "You can try again after ");
        Instant last = clock.instant();
        Page met = enterCode(alice, wrong, "000000");
        assertThat(met.status()).isEqualTo(429);
        assertThat(met.text("#problem")).contains("Too many wrong codes. You can try again after ")
                .containsAnyOf(at(first.plus(Duration.ofHours(1)), Locale.ENGLISH), at(last.plus(Duration.ofHours(1)), Locale.ENGLISH))
                .contains("contact the IT helpdesk (+1 555 0100");

        // adding the contact again, or another, meets the same wait before a code is sent
        int sent = PortalSteps.outboxCount(PAT);
        Page again = add(alice, "add-email", "email", PAT);
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.text("#problem")).isEqualTo(met.text("#problem"));
        assertThat(again.document().select("#email").val()).as("what was typed is kept").isEqualTo(PAT);

        german(alice);
        Page de = add(alice, "add-email", "email", PAT);
        assertThat(de.text("#problem")).contains("Zu viele falsche Codes. Sie können es nach ")
                .containsAnyOf(at(first.plus(Duration.ofHours(1)), Locale.GERMAN), at(last.plus(Duration.ofHours(1)), Locale.GERMAN));

        // control: once the hour has passed, adding it sends a code, the only one since the wait began
        TenantApi.advanceClocks(Duration.ofMinutes(61));
        assertThat(add(signIn("alice"), "add-email", "email", PAT).path()).isEqualTo("/enrolment/verify");
        PortalSteps.awaitCode(PAT, sent);
        assertThat(PortalSteps.outboxCount(PAT)).as("codes sent since the wait began").isEqualTo(sent + 1);
    }

    private static String at(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(ZoneOffset.UTC)
                .format(instant) + " UTC";
    }

    private static void german(Browser browser) {
        HttpCookie lang = new HttpCookie("lang", "de");
        lang.setPath("/");
        browser.cookies().getCookieStore().add(URI.create(portal()), lang);
    }

    private static HttpCookie cookie(Browser browser, String name) {
        return browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .findFirst().orElseThrow();
    }
}
