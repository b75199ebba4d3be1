package dev.selfservice.portal.enrolment;

import static dev.selfservice.portal.enrolment.EnrolmentTest.add;
import static dev.selfservice.portal.enrolment.EnrolmentTest.enterCode;
import static dev.selfservice.portal.enrolment.EnrolmentTest.signIn;
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
 * The tries of an enrolment code as the page tells them (outside walk, findings 1, 7, 8 and 9): Auth0 ends a code at
 * its third wrong try, so the tries left are the fewer of the portal's and the code's, and the code's end is said as
 * such; what is no code at all is said on the field and costs nothing; the last try says so once, with the wait's end;
 * a wrong code after a resend may be the replaced one.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class EnrolmentCodeTriesTest {

    static final String PAT = "pat@example.com";

    @Inject
    PortalTestClock clock;

    @Test
    void afterThreeWrongTriesTheCodeIsSaidToWorkNoLongerAndANewCodeLinksTheContact() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-email", "email", PAT);
        String right = TenantApi.latestCode(PAT);
        Page wrong = enterCode(alice, verify, "000000");
        assertThat(wrong.text("#problem")).contains("That code is not right", "2 more tries with this code.")
                .doesNotContain("9 tries left");
        wrong = enterCode(alice, wrong, "000000");
        assertThat(wrong.text("#problem")).contains("1 more try with this code.");
        Page ended = enterCode(alice, wrong, "000000");
        assertThat(ended.text("#problem")).contains("it no longer works", "Send a new code.")
                .doesNotContain("tries left", "Check it and try again");
        assertThat(ended.text("#code-error")).contains("it no longer works");
        assertThat(ended.document().select("#resend button").text()).isEqualTo("Send a new code");

        // the right code of the ended one is refused as Auth0 refuses it, and said so, not "not right, 6 tries left"
        Page late = enterCode(alice, ended, right);
        assertThat(late.path()).isEqualTo("/enrolment/verify");
        assertThat(late.text("#problem")).contains("it no longer works").doesNotContain("tries left");

        int sent = PortalSteps.outboxCount(PAT);
        clock.advance(Duration.ofSeconds(31));
        Page again = alice.submit(late, "#resend", Map.of());
        Page added = enterCode(alice, again, PortalSteps.awaitCode(PAT, sent));
        assertThat(added.path()).isEqualTo("/enrolment");
        assertThat(added.text("#notice")).contains("was added");
    }

    @Test
    void theCodesEndIsSaidInGerman() {
        Browser alice = signIn("alice");
        german(alice);
        Page wrong = enterCode(alice, add(alice, "add-email", "email", PAT), "000000");
        assertThat(wrong.text("#problem")).contains("Noch 2 Versuche mit diesem Code.");
        wrong = enterCode(alice, enterCode(alice, wrong, "000000"), "000000");
        assertThat(wrong.text("#problem")).contains("er gilt nicht mehr", "Lassen Sie einen neuen Code senden.");
    }

    @Test
    void theTriesLeftAreThePortalsWhenFewerAndTheLastTrySaysTheWaitOnceWithoutTryAgain() {
        Browser alice = signIn("alice");
        Page page = add(alice, "add-email", "email", PAT);
        // three codes with 3, 3 and 2 wrong tries: 8 of the portal's 10
        for (int code = 0; code < 3; code++) {
            for (int i = 0; i < (code < 2 ? 3 : 2); i++) {
                page = enterCode(alice, page, "000000");
            }
            if (code < 2) {
                clock.advance(Duration.ofSeconds(31));
                page = alice.submit(page, "#resend", Map.of());
            }
        }
        assertThat(page.text("#problem")).as("the 8th: the code has 1, the portal 2").contains("1 more try with this code.");
        clock.advance(Duration.ofSeconds(31));
        page = enterCode(alice, alice.submit(page, "#resend", Map.of()), "000000");
        assertThat(page.text("#problem")).as("the 9th, the first on a new code: the portal has 1, the code 2")
                .contains("1 try left before you must wait.").doesNotContain("with this code");

        Page last = enterCode(alice, page, "000000");
        assertThat(last.text("#problem")).contains("That code is not right, and that was the last try for now.",
                "You can try again after ", " UTC", "contact the IT helpdesk")
                .doesNotContain("Check it and try again", "No tries left", "send a new code");
        assertThat(last.document().select("#problem time.local-time").attr("datetime")).as("the wait's end, marked up")
                .matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(last.document().select("script[src=/js/local-time.js]")).hasSize(1);

        german(alice);
        Page de = enterCode(alice, alice.get(portal() + "/enrolment/verify"), "000000");
        assertThat(de.text("#problem")).as("then the wait, in German").contains("Zu viele falsche Codes. Sie können es nach ");
    }

    @Test
    void theLastTryIsSaidInGerman() {
        Browser alice = signIn("alice");
        german(alice);
        Page page = add(alice, "add-email", "email", PAT);
        for (int code = 0; code < 4; code++) {
            for (int i = 0; i < (code < 2 ? 3 : code == 2 ? 2 : 1); i++) { // 3, 3, 2 and 1: 9 of the 10
                page = enterCode(alice, page, "000000");
            }
            if (code < 3) {
                clock.advance(Duration.ofSeconds(31));
                page = alice.submit(page, "#resend", Map.of());
            }
        }
        assertThat(page.text("#problem")).contains("Noch 1 Versuch, bevor Sie warten müssen.");
        Page last = enterCode(alice, page, "000000");
        assertThat(last.text("#problem")).contains("das war vorerst der letzte Versuch", "Sie können es nach ", " UTC")
                .doesNotContain("Prüfen Sie ihn und versuchen Sie es erneut");
    }

    @Test
    void anEmptyOrShortCodeIsSaidOnItsFieldAndNeitherReachesAuth0NorSpendsATry() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-email", "email", PAT);
        int exchanges = exchanges();
        Page empty = enterCode(alice, verify, "");
        assertThat(empty.text("#problem")).contains("Enter the 6-digit code.").doesNotContain("not right");
        assertThat(empty.text("#code-error")).contains("Enter the 6-digit code.");
        Page shortCode = enterCode(alice, empty, "12345");
        assertThat(shortCode.text("#code-error")).contains("The code has 6 digits.").doesNotContain("not right");
        assertThat(exchanges()).as("code exchanges that reached the tenant").isEqualTo(exchanges);

        // control: a wrong code of six digits reaches Auth0, and is the first try spent, of the portal's and the code's
        Page wrong = enterCode(alice, shortCode, "000000");
        assertThat(exchanges()).isEqualTo(exchanges + 1);
        assertThat(wrong.text("#problem")).contains("not right", "2 more tries with this code.");

        german(alice);
        Page de = enterCode(alice, alice.get(portal() + "/enrolment/verify"), "");
        assertThat(de.text("#code-error")).contains("Geben Sie den 6-stelligen Code ein.");
        assertThat(enterCode(alice, de, "1234").text("#code-error")).contains("Der Code hat 6 Ziffern.");
    }

    @Test
    void anEmptyEmailOrPhoneIsAskedForNotCalledMalformed() {
        Browser alice = signIn("alice");
        Page email = add(alice, "add-email", "email", "");
        assertThat(email.text("#email-error")).contains("Enter an email address.").doesNotContain("does not look like");
        Page phone = add(alice, "add-phone", "phone", " ");
        assertThat(phone.text("#phone-error")).contains("Enter a mobile phone number.");
        // control: something typed that is no address is still called so
        assertThat(add(alice, "add-email", "email", "pat").text("#email-error")).contains("does not look like an email address");

        german(alice);
        assertThat(add(alice, "add-email", "email", "").text("#email-error")).contains("Geben Sie eine E-Mail-Adresse ein.");
        assertThat(add(alice, "add-phone", "phone", "").text("#phone-error")).contains("Geben Sie eine Mobilnummer ein.");
    }

    @Test
    void aWrongCodeAfterANewOneWasSentMayBeTheReplacedOneAndIsSaidSo() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-email", "email", PAT);
        String first = TenantApi.latestCode(PAT);
        Page before = enterCode(alice, verify, wrongBut(first));
        assertThat(before.text("#problem")).as("control: before a resend, just not right").doesNotContain("newer code");

        int sent = PortalSteps.outboxCount(PAT);
        clock.advance(Duration.ofSeconds(31));
        Page again = alice.submit(before, "#resend", Map.of());
        String newest = PortalSteps.awaitCode(PAT, sent);
        Page replaced = enterCode(alice, again, first.equals(newest) ? wrongBut(newest) : first);
        assertThat(replaced.text("#problem")).contains("a newer code was sent", "Use the latest code.");

        german(alice);
        Page de = enterCode(alice, alice.get(portal() + "/enrolment/verify"), wrongBut(newest));
        assertThat(de.text("#problem")).contains("Verwenden Sie den neuesten Code.");
    }

    @Test
    void parallelWrongCodesOnOneCodeLoseNoCountAndItsEndIsSaid() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-email", "email", PAT);
        // five at once on one code: each is counted on the code, so that afterwards it is said to be ended
        List<Page> pages = Parallel.run(alice.copies(5).stream()
                .map(b -> (Callable<Page>) () -> enterCode(b, verify, "000000")).toList());
        assertThat(pages).filteredOn(p -> p.text("#problem").contains("1 more try with this code.")).hasSizeLessThanOrEqualTo(1);
        assertThat(pages).filteredOn(p -> p.text("#problem").contains("2 more tries with this code.")).hasSizeLessThanOrEqualTo(1);
        assertThat(pages).filteredOn(p -> p.text("#problem").contains("it no longer works")).hasSizeGreaterThanOrEqualTo(3);
        Page next = enterCode(alice, alice.get(portal() + "/enrolment/verify"), "000000");
        assertThat(next.text("#problem")).contains("it no longer works", "Send a new code").doesNotContain("tries left");
    }

    /** A six-digit code that is not this one. */
    private static String wrongBut(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static int exchanges() {
        return TenantApi.events(Map.of("type", "fco")).size();
    }

    private static void german(Browser browser) {
        HttpCookie lang = new HttpCookie("lang", "de");
        lang.setPath("/");
        browser.cookies().getCookieStore().add(URI.create(portal()), lang);
    }
}
