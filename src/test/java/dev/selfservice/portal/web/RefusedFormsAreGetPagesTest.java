package dev.selfservice.portal.web;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Hop;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Post/redirect/get for refusals (issue 29 item 7, the outside walk's items 2 and 3): every form of the portal that is
 * refused answers 303 to the GET address of the page that shows the refusal, with what was typed (never a password or
 * a code), so that Back, a reload and the language switch post nothing and lose nothing.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class RefusedFormsAreGetPagesTest {

    private static final String BOB_EMAIL = "bob.personal@example.com";
    private static final String A_PASSWORD = "Violet-Harbor-Lamp-73";

    @Inject
    PortalTestClock clock;

    /**
     * Submits the form and checks that the refusal came as a redirect to {@code page}, shown by a GET with the status
     * of the refusal.
     */
    private static Page refused(Browser browser, Page form, String selector, Map<String, String> fields, String page,
            int status) {
        int before = browser.hops().size();
        Page shown = browser.submit(form, selector, fields);
        List<Hop> hops = browser.hops().subList(before, browser.hops().size());
        assertThat(hops.get(0).method()).isEqualTo("POST");
        assertThat(hops.get(0).status()).as("the refused form answers with a redirect").isEqualTo(303);
        URI location = URI.create(hops.get(0).headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo(page);
        assertThat(location.getQuery()).startsWith(RefusedForm.QUERY + "=");
        assertThat(hops.get(hops.size() - 1).method()).as("the refusal is a GET page").isEqualTo("GET");
        assertThat(shown.path()).isEqualTo(page);
        assertThat(shown.status()).as("the refusal's own status, on the GET").isEqualTo(status);
        assertThat(shown.document().select("#problem")).as("the error summary").hasSize(1);
        return shown;
    }

    /** Nothing secret in the page, its address, or the refusal's cookie (sealed, and nothing typed in it either way). */
    private static void keepsNoSecret(Browser browser, Page page, String... secrets) {
        String cookie = browser.cookie(RefusedForm.NAME);
        for (String secret : secrets) {
            assertThat(cookie).doesNotContain(secret);
            assertThat(page.uri().toString()).doesNotContain(secret);
            assertThat(page.body()).doesNotContain(secret);
        }
        assertThat(page.document().select("input[type=password]")).allSatisfy(i -> assertThat(i.val()).isEmpty());
        assertThat(page.document().select("input[name=code]")).allSatisfy(i -> assertThat(i.val()).isEmpty());
    }

    /** The browser's refusal cookie, or null when it holds none (or one the portal asked it to drop). */
    private static String refusalCookie(Browser browser) {
        return browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals(RefusedForm.NAME))
                .filter(c -> !c.getValue().isEmpty()).map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The same page again, as a reload or Back asks for it: a GET, with the same errors. */
    private static Page reload(Browser browser, Page page) {
        return browser.get(page.uri().toString());
    }

    /** The language switch of the page, followed. */
    private static Page switchLanguage(Browser browser, Page page) {
        return browser.get(portal() + page.document().selectFirst("#language").attr("href"));
    }

    @Test
    void aRefusedRecoveryStartIsAGetPageThatKeepsWhatWasTypedAcrossAReloadAndTheLanguageSwitch() {
        Browser browser = new Browser();
        Page shown = refused(browser, browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", "erin", "contact", "erin.home"), "/recovery", 400);
        assertThat(shown.document().selectFirst("#username").val()).isEqualTo("erin");
        assertThat(shown.document().selectFirst("#contact").val()).isEqualTo("erin.home");
        assertThat(shown.document().selectFirst("#contact").attr("aria-invalid")).isEqualTo("true");
        String english = shown.text("#problem");

        Page again = reload(browser, shown);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("#problem")).isEqualTo(english);

        Page german = switchLanguage(browser, shown);
        assertThat(german.path()).isEqualTo("/recovery");
        assertThat(german.status()).isEqualTo(400);
        assertThat(german.document().selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(german.text("#problem")).contains("Es gibt ein Problem").isNotEqualTo(english);
        assertThat(german.document().selectFirst("#username").val()).isEqualTo("erin");
        assertThat(german.document().selectFirst("#contact").val()).isEqualTo("erin.home");
        Page englishAgain = switchLanguage(browser, german);
        assertThat(englishAgain.text("#problem")).isEqualTo(english);
        assertThat(englishAgain.document().selectFirst("#contact").val()).isEqualTo("erin.home");

        // the control: reached by its link, the form is blank again
        Page blank = browser.get(portal() + "/recovery");
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.document().select("#problem")).isEmpty();
        assertThat(blank.document().selectFirst("#contact").val()).isEmpty();
    }

    @Test
    void aWrongRecoveryCodeIsShownOnTheCodePageAndTheRightOneLaterDropsTheRefusal() {
        Browser browser = new Browser();
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page code = browser.submit(browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", "bob", "contact", BOB_EMAIL));
        String right = PortalSteps.awaitCode(BOB_EMAIL, before);
        String wrong = right.equals("000000") ? "111111" : "000000";
        Page shown = refused(browser, code, "#recovery-code", Map.of("code", wrong), "/recovery/code", 400);
        keepsNoSecret(browser, shown, wrong);
        assertThat(refusalCookie(browser)).isNotNull();

        Page reset = browser.submit(shown, "#recovery-code", Map.of("code", right));
        assertThat(reset.path()).isEqualTo("/recovery/reset");
        assertThat(refusalCookie(browser)).as("a form that succeeds drops the refusal").isNull();
        assertThat(reload(browser, shown).document().select("#problem")).as("nor does its address show it again")
                .isEmpty();
    }

    @Test
    void aRefusedNewPasswordInRecoveryKeepsNoPasswordAndASuccessDropsTheRefusal() {
        Browser browser = new Browser();
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page code = browser.submit(browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", "bob", "contact", BOB_EMAIL));
        Page reset = browser.submit(code, "#recovery-code", Map.of("code", PortalSteps.awaitCode(BOB_EMAIL, before)));
        Page shown = refused(browser, reset, "#recovery-reset", Map.of("password", A_PASSWORD, "confirm", A_PASSWORD + "x"),
                "/recovery/reset", 400);
        keepsNoSecret(browser, shown, A_PASSWORD);
        assertThat(shown.document().selectFirst("#confirm").attr("aria-invalid")).isEqualTo("true");

        Page done = browser.submit(shown, "#recovery-reset", Map.of("password", A_PASSWORD, "confirm", A_PASSWORD));
        assertThat(done.path()).isEqualTo("/recovery/done");
        assertThat(refusalCookie(browser)).isNull();
    }

    @Test
    void refusedContactsAreShownOnTheContactsPageWithTheAddressTyped() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page email = refused(alice, alice.get(portal() + "/enrolment"), "#add-email", Map.of("email", "alice.home"),
                "/enrolment", 400);
        assertThat(email.document().selectFirst("#email").val()).isEqualTo("alice.home");
        assertThat(email.document().selectFirst("#email").attr("aria-invalid")).isEqualTo("true");
        Page german = switchLanguage(alice, email);
        assertThat(german.status()).isEqualTo(400);
        assertThat(german.document().selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(german.document().selectFirst("#email").val()).isEqualTo("alice.home");
        assertThat(german.text("#problem")).isNotEqualTo(email.text("#problem"));
        switchLanguage(alice, german);

        Page phone = refused(alice, alice.get(portal() + "/enrolment"), "#add-phone", Map.of("phone", "12"),
                "/enrolment", 400);
        assertThat(phone.document().selectFirst("#phone").val()).isEqualTo("12");
        assertThat(phone.document().selectFirst("#phone").attr("aria-invalid")).isEqualTo("true");

        // bound to the employee: another one signed in in this browser is shown a blank page at the same address
        Browser bob = PortalSteps.signIn("bob", DEMO_PASSWORD);
        bob.cookies().getCookieStore().add(URI.create(portal()), cookieOf(alice));
        Page bobs = bob.get(phone.uri().toString());
        assertThat(bobs.status()).isEqualTo(200);
        assertThat(bobs.document().select("#problem")).isEmpty();
        assertThat(bobs.document().selectFirst("#phone").val()).isEmpty();
    }

    private static java.net.HttpCookie cookieOf(Browser browser) {
        return browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals(RefusedForm.NAME))
                .findFirst().orElseThrow();
    }

    @Test
    void aWrongEnrolmentCodeAndARemovalNotHersAreGetPages() {
        Browser alice = PortalSteps.stepUp(PortalSteps.signIn("alice", DEMO_PASSWORD), "alice", DEMO_PASSWORD);
        Page verify = alice.submit(alice.get(portal() + "/enrolment"), "#add-email", Map.of("email", "alice.home@example.com"));
        assertThat(verify.path()).isEqualTo("/enrolment/verify");
        String right = TenantApi.latestCode("alice.home@example.com");
        String wrong = right.equals("000000") ? "111111" : "000000";
        Page shown = refused(alice, verify, "#verify", Map.of("code", wrong), "/enrolment/verify", 400);
        keepsNoSecret(alice, shown, wrong);
        Page added = alice.submit(shown, "#verify", Map.of("code", right));
        assertThat(added.uri().toString()).isEqualTo(portal() + "/enrolment?done=added");
        assertThat(refusalCookie(alice)).isNull();

        Map<String, String> fields = PortalSteps.sessionFormFields(alice);
        fields.put("contact", "email|not-hers");
        int before = alice.hops().size();
        Page notHers = alice.post(portal() + "/enrolment/remove", fields);
        assertThat(alice.hops().get(before).status()).isEqualTo(303);
        assertThat(notHers.path()).isEqualTo("/enrolment");
        assertThat(notHers.status()).isEqualTo(404);
        assertThat(notHers.document().select("#problem")).hasSize(1);
    }

    @Test
    void aRefusedPasswordChangeIsAGetPageWithNoPasswordInIt() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page shown = refused(alice, alice.get(portal() + "/password/change"), "#change-password",
                Map.of("current", DEMO_PASSWORD, "password", A_PASSWORD, "confirm", A_PASSWORD + "x"), "/password/change", 400);
        keepsNoSecret(alice, shown, A_PASSWORD, DEMO_PASSWORD);
        Page german = switchLanguage(alice, shown);
        assertThat(german.status()).isEqualTo(400);
        assertThat(german.document().selectFirst("#confirm").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void aRefusedExpiredPasswordChangeKeepsTheUsernameOnly() {
        Browser browser = new Browser();
        Page shown = refused(browser, browser.get(portal() + "/password/expired"), "#expired-password",
                Map.of("username", "carol", "current", DEMO_PASSWORD, "password", A_PASSWORD, "confirm", A_PASSWORD + "x"),
                "/password/expired", 400);
        keepsNoSecret(browser, shown, A_PASSWORD, DEMO_PASSWORD);
        assertThat(shown.document().selectFirst("#username").val()).isEqualTo("carol");
        Page german = switchLanguage(browser, shown);
        assertThat(german.document().selectFirst("#username").val()).isEqualTo("carol");
        assertThat(german.document().selectFirst("#confirm").attr("aria-invalid")).isEqualTo("true");

        Page changed = browser.submit(german, "#expired-password",
                Map.of("username", "carol", "current", DEMO_PASSWORD, "password", A_PASSWORD, "confirm", A_PASSWORD));
        assertThat(changed.path()).isEqualTo("/password/changed");
        assertThat(refusalCookie(browser)).isNull();
    }

    @Test
    void aForgedAnotherKindsOrAnEndedRefusalCookieShowsABlankForm() {
        Browser browser = new Browser();
        Page shown = refused(browser, browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", "erin", "contact", "erin.home"), "/recovery", 400);
        String sealed = browser.cookie(RefusedForm.NAME);

        // another page's address with this refusal's id: not shown there
        String id = shown.uri().getQuery();
        Page elsewhere = browser.get(portal() + "/password/expired?" + id);
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.document().select("#problem")).isEmpty();

        // altered, and another kind's sealed value
        browser.replaceCookie(RefusedForm.NAME, sealed.substring(0, sealed.length() - 2) + "AA");
        assertBlank(browser.get(shown.uri().toString()));
        browser.replaceCookie(RefusedForm.NAME, "garbage!");
        assertBlank(browser.get(shown.uri().toString()));
        // another kind: the pending recovery code's cookie, sealed by the same portal
        Browser started = new Browser();
        started.submit(started.get(portal() + "/recovery"), "#recovery-start", Map.of("username", "bob", "contact", BOB_EMAIL));
        browser.replaceCookie(RefusedForm.NAME, started.cookie("recovery_pending"));
        assertBlank(browser.get(shown.uri().toString()));

        // ended by the portal's clock, though the browser still sends it
        browser.replaceCookie(RefusedForm.NAME, sealed);
        assertThat(browser.get(shown.uri().toString()).status()).as("the control: still shown").isEqualTo(400);
        clock.advance(Duration.ofMinutes(11));
        try {
            assertBlank(browser.get(shown.uri().toString()));
        } finally {
            clock.reset();
        }
    }

    @Test
    void theLanguageSwitchOnTheSignInAgainPageGoesBackToTheContactsPageWithTheAddressTyped() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page again = alice.submit(alice.get(portal() + "/enrolment"), "#add-email", Map.of("email", "alice.home@example.com"));
        assertThat(again.status()).as("the sign-in-again page, answering the form").isEqualTo(401);
        Page german = switchLanguage(alice, again);
        assertThat(german.path()).isEqualTo("/enrolment");
        assertThat(german.status()).isEqualTo(200);
        assertThat(german.document().selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(german.document().selectFirst("#email").val()).isEqualTo("alice.home@example.com");
    }

    @Test
    void theLanguageSwitchOnAnErrorPageAnsweringAFormGoesToTheStartPage() {
        Browser browser = new Browser();
        browser.get(portal() + "/recovery");
        // no CSRF token: the form is refused before any resource, with the error page
        Page refused = browser.post(portal() + "/recovery/start", Map.of("username", "erin", "contact", "erin.home"));
        assertThat(refused.status()).isEqualTo(400);
        Page german = switchLanguage(browser, refused);
        assertThat(german.status()).as("not a 405 for a form's address").isEqualTo(200);
        assertThat(german.path()).isEqualTo("/");
        assertThat(german.document().selectFirst("html").attr("lang")).isEqualTo("de");
    }

    private static void assertBlank(Page page) {
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#problem")).isEmpty();
        assertThat(page.document().selectFirst("#contact").val()).isEmpty();
    }
}
