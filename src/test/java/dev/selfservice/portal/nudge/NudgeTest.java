package dev.selfservice.portal.nudge;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.selfservice.localtenant.AppSignIn;
import dev.selfservice.support.Browser;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.Jwts;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The portal's nudge page, over real HTTP, reached as the tenant's own enrolment nudge Action
 * ({@code deploy/auth0/actions/enrolment-nudge.js}, run by the local tenant) sends an employee there: only a valid,
 * unexpired token of that login opens it, once; "later" and "add now" go back to the tenant's {@code /continue}, and
 * the employee lands in the application signed in.
 */
@QuarkusTest
@CleanSlate
class NudgeTest {

    static final String ACTION = "deploy/auth0/actions/enrolment-nudge.js";
    /** The Action's NUDGE_SECRET in tests, which is the portal's portal.nudge.secret in the test profile. */
    static final String SECRET = "nudge-secret-shared-by-the-tenant-and-the-portal-0123456789";
    static final String UNUSABLE = "This link cannot be used";
    static final String INTRANET = "intranet";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PortalTestClock clock;

    @Inject
    MeterRegistry metrics;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    static void bindTheAction() {
        TenantApi.bindPostLoginActions(List.of(ACTION),
                Map.of("NUDGE_URL", portal() + "/nudge", "NUDGE_SECRET", SECRET, "AD_CONNECTION", "corp-ad"));
    }

    static String nudgeUrl() {
        return portal() + "/nudge";
    }

    static String intranetCallback() {
        return portal() + "/intranet/callback";
    }

    /** Signs the user in to the portal's application; the nudge link the Action sent the browser to (not opened). */
    static URI nudgeLink(String user) {
        URI link = AppSignIn.signIn(new Browser().stoppingAt(portal()), user);
        assertThat(link.toString()).as("nudged").startsWith(nudgeUrl() + "?");
        return link;
    }

    /** A browser signing in to the intranet, another application of the tenant; it stops at the intranet's callback. */
    static Browser.Page signInToTheIntranet(Browser browser, String user) {
        Browser.Page login = browser.get(AppSignIn.authorizeUrl(INTRANET, intranetCallback(), ""));
        assertThat(login.path()).isEqualTo("/u/login");
        return browser.submit(login, "form", Map.of("username", user, "password", dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD));
    }

    /**
     * Where the last post of the nudge leads: the portal's "Taking you back" page, which moves on by itself (its
     * {@code Refresh} header) or by its link to the tenant's {@code /continue}; that is followed, as a browser does.
     */
    static Browser.Page returned(Browser browser, Browser.Page page) {
        assertThat(page.path()).as(page.uri() + " " + page.body()).isEqualTo("/nudge/back");
        String link = page.document().select("#continue").attr("href");
        assertThat(link).startsWith(dev.selfservice.support.LocalTenantUrls.tenant() + "continue?state=");
        assertThat(page.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("refresh"))
                .flatMap(h -> h.getValue().stream())).containsExactly("0; url=" + link);
        return browser.get(link);
    }

    static boolean landedInTheIntranet(Browser.Page page) {
        return page.status() == 302 && page.uri().toString().startsWith(intranetCallback() + "?");
    }

    /** The intranet's code exchange works and its ID token is the user's. */
    static void signedInToTheIntranetAs(Browser.Page callback, String user) {
        String idToken = AppSignIn.exchange(INTRANET, "intranet-secret", intranetCallback(),
                AppSignIn.query(callback.uri()).get("code")).then().statusCode(200).extract().path("id_token");
        assertThat(Jwts.subject(idToken)).isEqualTo(TenantApi.adUserId(user));
        assertThat(Jwts.claims(idToken)).containsEntry("aud", INTRANET);
    }

    static io.restassured.response.Response open(String url) {
        return given().redirects().follow(false).get(url);
    }

    /** A clear page with a fitting status, no stack trace, and no nudge cookie: nothing opened. */
    static void refusedClearly(io.restassured.response.Response answer) {
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body().asString()).contains(UNUSABLE).doesNotContain("Exception").doesNotContain("at dev.selfservice");
        assertThat(answer.cookies()).doesNotContainKey(NudgeCookie.NAME);
    }

    static String withToken(URI link, String token, String state) {
        return nudgeUrl() + "?session_token=" + AppSignIn.enc(token) + "&state=" + AppSignIn.enc(state);
    }

    static Map<String, Object> claims(String token) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> nudgeMetadata(String username) {
        return (Map<String, Object>) TenantApi.appMetadata(TenantApi.adUserId(username)).get("enrolment_nudge");
    }

    double nudges(String outcome) {
        io.micrometer.core.instrument.Counter c = metrics.find("portal.nudges").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    // ---- attacks ----

    @Test
    void aNudgeLinkOpensThePageOnceAndAReplayGetsAClearPage() {
        bindTheAction();
        URI link = nudgeLink("alice");
        io.restassured.response.Response first = open(link.toString());
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.header("Location")).endsWith("/nudge/offer").doesNotContain("session_token");
        assertThat(first.cookies()).containsKey(NudgeCookie.NAME);

        refusedClearly(open(link.toString()));
    }

    @Test
    void exactlyOneOfManyParallelUsesOfALinkOpensThePage() {
        bindTheAction();
        URI link = nudgeLink("alice");
        List<Integer> statuses = Parallel.times(8, () -> open(link.toString()).statusCode());
        assertThat(statuses).containsOnly(303, 400);
        assertThat(statuses.stream().filter(s -> s == 303).count()).isEqualTo(1);
    }

    @Test
    void aTokenForAnotherStateAnAlteredOneAndOneOfAnotherSecretGetAClearPageAndUseNothing() {
        bindTheAction();
        URI link = nudgeLink("alice");
        String token = AppSignIn.query(link).get("session_token");
        String state = AppSignIn.query(link).get("state");

        refusedClearly(open(withToken(link, token, "another-login-state")));

        // the same claims for bob, with alice's signature
        Map<String, Object> forBob = new HashMap<>(claims(token));
        forBob.put("sub", TenantApi.adUserId("bob"));
        String[] parts = token.split("\\.");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                toJson(forBob).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        refusedClearly(open(withToken(link, altered, state)));

        // the same claims, signed with a secret the portal does not have
        refusedClearly(open(withToken(link, AppSignIn.sign("another-secret-the-portal-does-not-have-0123456789", claims(token)), state)));
        // and a token of the right secret but another issuer
        Map<String, Object> otherIssuer = new HashMap<>(claims(token));
        otherIssuer.put("iss", "evil.example");
        refusedClearly(open(withToken(link, AppSignIn.sign(SECRET, otherIssuer), state)));

        // none of them used the login's nudge: the real link still opens it, once
        assertThat(open(link.toString()).statusCode()).isEqualTo(303);
        refusedClearly(open(link.toString()));
    }

    @Test
    void theWayBackPageWithoutItsSealedCookieIsAClearPage() {
        refusedClearly(open(nudgeUrl() + "/back"));
        refusedClearly(given().redirects().follow(false).cookie("nudge_back", "forged").get(nudgeUrl() + "/back"));
    }

    @Test
    void anExpiredTokenGetsAClearPage() {
        bindTheAction();
        URI link = nudgeLink("alice");
        clock.advance(Duration.ofMinutes(5).plusSeconds(2));
        refusedClearly(open(link.toString()));
        // the control: moved back, the same link opens the page
        clock.reset();
        assertThat(open(link.toString()).statusCode()).isEqualTo(303);
    }

    @Test
    void withoutTheNudgesCookieOrWithAnAlteredOneLaterAndAddNowGetAClearPageAndRecordNoSnooze() {
        bindTheAction();
        for (String step : List.of("later", "now")) {
            io.restassured.response.Response bare = given().redirects().follow(false).formParam("x", "y")
                    .post(nudgeUrl() + "/" + step);
            // no CSRF token: refused before anything; with one (below) and no nudge, the nudge's own page
            assertThat(bare.statusCode()).isEqualTo(400);
        }
        Browser browser = new Browser().stoppingAt(AppSignIn.callback());
        Browser.Page offer = browser.get(AppSignIn.authorizeUrl(""));
        offer = browser.submit(offer, "form", Map.of("username", "alice", "password", dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD));
        assertThat(offer.path()).isEqualTo("/nudge/offer");
        browser.replaceCookie(NudgeCookie.NAME, browser.cookie(NudgeCookie.NAME).replace('A', 'B').replace('a', 'b'));
        Browser.Page later = browser.submit(offer, "#nudge-later", Map.of());
        assertThat(later.status()).isEqualTo(400);
        assertThat(later.body()).contains(UNUSABLE).doesNotContain("Exception");
        assertThat(nudgeMetadata("alice")).isNull();
    }

    @Test
    void everyStepOfTheNudgeWithAnAlteredOrNoNudgeCookieGetsTheClearPageAndChangesNothing() {
        bindTheAction();
        Browser browser = new Browser().stoppingAt(AppSignIn.callback());
        Browser.Page offer = browser.submit(browser.get(AppSignIn.authorizeUrl("")), "form",
                Map.of("username", "alice", "password", dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD));
        assertThat(offer.path()).isEqualTo("/nudge/offer");
        Map<String, String> tokens = offer.hiddenFields("#nudge-now");
        String real = browser.cookie(NudgeCookie.NAME);
        Browser untouched = browser.copies(1).get(0);
        int codes = dev.selfservice.support.PortalSteps.outboxCount("+14258831929");
        for (String altered : List.of(real.replace('A', 'B').replace('a', 'b'), "")) {
            if (altered.isEmpty()) {
                browser.dropCookie(NudgeCookie.NAME);
            } else {
                browser.replaceCookie(NudgeCookie.NAME, altered);
            }
            for (String step : List.of("later", "now", "email", "phone", "verify", "resend", "confirm", "confirm/code",
                    "confirm/resend")) {
                Map<String, String> fields = new HashMap<>(tokens);
                fields.putAll(Map.of("email", "alice.private@example.com", "phone", "+14258831929", "code", "123456",
                        "contact", "sms|x"));
                Browser.Page answer = browser.post(portal() + "/nudge/" + step, fields);
                assertThat(answer.status()).as(step).isEqualTo(400);
                assertThat(answer.body()).as(step).contains(UNUSABLE).doesNotContain("Exception");
            }
            for (String page : List.of("offer", "contact", "verify", "confirm/code")) {
                Browser.Page answer = browser.get(portal() + "/nudge/" + page);
                assertThat(answer.status()).as(page).isEqualTo(400);
                assertThat(answer.body()).as(page).contains(UNUSABLE);
            }
        }
        assertThat(nudgeMetadata("alice")).isNull();
        assertThat(dev.selfservice.support.PortalSteps.outboxCount("+14258831929")).isEqualTo(codes);
        // the control: the real cookie still opens the page
        assertThat(untouched.get(portal() + "/nudge/offer").status()).isEqualTo(200);
    }

    // ---- the employee's ways ----

    @Test
    void laterInTheIntranetLandsBackSignedInAndTheNudgeComesBackOnlyWhenTheSnoozeEnds() {
        TenantApi.registerApplication(INTRANET, "intranet-secret", intranetCallback());
        bindTheAction();
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page offer = signInToTheIntranet(browser, "alice");
        assertThat(offer.status()).isEqualTo(200);
        assertThat(offer.path()).isEqualTo("/nudge/offer");
        assertThat(offer.uri().toString()).doesNotContain("session_token");
        assertThat(offer.document().select("#nudge-now button").text()).isEqualTo("Add a recovery contact now");
        assertThat(offer.document().select("#nudge-later button").text()).isEqualTo("Remind me later");

        Browser.Page back = returned(browser, browser.submit(offer, "#nudge-later", Map.of()));
        assertThat(landedInTheIntranet(back)).as(back.uri().toString()).isTrue();
        assertThat(AppSignIn.query(back.uri())).containsEntry("state", AppSignIn.APP_STATE);
        signedInToTheIntranetAs(back, "alice");
        assertThat(nudgeMetadata("alice")).containsEntry("snoozes", 1);

        assertThat(landedInTheIntranet(signInToTheIntranet(new Browser().stoppingAt(intranetCallback()), "alice")))
                .as("snoozed").isTrue();
        TenantApi.advanceClocks(Duration.ofDays(7).minusMinutes(5));
        assertThat(landedInTheIntranet(signInToTheIntranet(new Browser().stoppingAt(intranetCallback()), "alice")))
                .as("still snoozed five minutes before its end").isTrue();
        TenantApi.advanceClocks(Duration.ofMinutes(10));
        Browser.Page again = signInToTheIntranet(new Browser().stoppingAt(intranetCallback()), "alice");
        assertThat(again.path()).as("the snooze ended").isEqualTo("/nudge/offer");
    }

    @Test
    void theNudgePageAndItsRefusalSpeakGermanAfterTheLanguageSwitch() {
        TenantApi.registerApplication(INTRANET, "intranet-secret", intranetCallback());
        bindTheAction();
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page offer = signInToTheIntranet(browser, "alice");
        org.jsoup.nodes.Element toGerman = offer.document().selectFirst("a.language[hreflang=de]");
        assertThat(toGerman).as("the page's language switch").isNotNull();

        Browser.Page german = browser.get(offer.uri().resolve(toGerman.attr("href")).toString());
        assertThat(german.path()).isEqualTo("/nudge/offer");
        assertThat(german.document().select("html").attr("lang")).isEqualTo("de");
        assertThat(german.text("h1")).isEqualTo("Wiederherstellungskontakt hinzufügen");
        assertThat(german.document().select("#nudge-now button").text()).isEqualTo("Jetzt einen Wiederherstellungskontakt hinzufügen");
        assertThat(german.document().select("#nudge-later button").text()).isEqualTo("Später erinnern");
        assertThat(german.text("#later-hint")).contains("in 7 Tagen");
        assertThat(german.text("#later-hint")).contains(java.time.format.DateTimeFormatter
                .ofPattern("d. MMMM yyyy", java.util.Locale.GERMAN).withZone(java.time.ZoneOffset.UTC)
                .format(clock.instant().plus(Duration.ofDays(7))));

        Browser.Page refused = browser.get(nudgeUrl() + "?session_token=x&state=y");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Dieser Link kann nicht verwendet werden");
    }

    /** "A new code was sent" is the portal's word after its own resend, not something a hand-typed link says. */
    @Test
    void aHandTypedSentAgainOnTheNudgeCodePageShowsNoNewCodeLineButTheRealResendDoesOnce() {
        TenantApi.registerApplication(INTRANET, "intranet-secret", intranetCallback());
        bindTheAction();
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page offer = signInToTheIntranet(browser, "alice");
        Browser.Page contact = browser.submit(offer, "#nudge-now", Map.of());
        Browser.Page verify = browser.submit(contact, "#add-phone", Map.of("phone", "+1 425 883 1929"));
        assertThat(verify.path()).isEqualTo("/nudge/verify");
        Browser.Page typed = browser.get(portal() + "/nudge/verify?sent=again");
        assertThat(typed.status()).isEqualTo(200);
        assertThat(typed.document().select("#notice")).as("no code was sent again").isEmpty();

        // the control: a real resend says it, once
        clock.advance(Duration.ofSeconds(31));
        Browser.Page again = browser.submit(verify, "#resend", Map.of());
        assertThat(again.uri().toString()).isEqualTo(portal() + "/nudge/verify?sent=again");
        assertThat(again.text("#notice")).startsWith("A new code was sent.");
        assertThat(browser.get(portal() + "/nudge/verify?sent=again").document().select("#notice"))
                .as("a reload of the address is no resend").isEmpty();
    }

    @Test
    void addingAPhoneWithACodeLandsBackSignedInAndIsNotNudgedAgain() {
        TenantApi.registerApplication(INTRANET, "intranet-secret", intranetCallback());
        bindTheAction();
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page offer = signInToTheIntranet(browser, "alice");
        Browser.Page contact = browser.submit(offer, "#nudge-now", Map.of());
        assertThat(contact.status()).isEqualTo(200);
        assertThat(contact.path()).isEqualTo("/nudge/contact");

        Browser.Page verify = browser.submit(contact, "#add-phone", Map.of("phone", "+1 425 883 1929"));
        assertThat(verify.path()).isEqualTo("/nudge/verify");
        assertThat(verify.text("#sent-to")).contains("929").doesNotContain("883");
        Browser.Page wrong = browser.submit(verify, "#verify", Map.of("code", "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(nudgeMetadata("alice")).isNull();

        Browser.Page back = returned(browser, browser.submit(verify, "#verify", Map.of("code", TenantApi.latestCode("+14258831929"))));
        assertThat(landedInTheIntranet(back)).as(back.uri() + " " + back.body()).isTrue();
        signedInToTheIntranetAs(back, "alice");
        assertThat(TenantApi.passwordlessSignIn("sms", "+14258831929")).isEqualTo(TenantApi.adUserId("alice"));
        assertThat(nudgeMetadata("alice")).as("no snooze").isNull();

        assertThat(landedInTheIntranet(signInToTheIntranet(new Browser().stoppingAt(intranetCallback()), "alice")))
                .as("not nudged again").isTrue();
    }

    @Test
    void anEmployeeWithAContactIsNeverSentToTheNudge() {
        TenantApi.registerApplication(INTRANET, "intranet-secret", intranetCallback());
        bindTheAction();
        // the control: alice, without one, is nudged
        assertThat(signInToTheIntranet(new Browser().stoppingAt(intranetCallback()), "alice").path()).isEqualTo("/nudge/offer");
        // bob has a recovery email
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page bob = signInToTheIntranet(browser, "bob");
        assertThat(landedInTheIntranet(bob)).as(bob.uri().toString()).isTrue();
        assertThat(browser.visited()).noneMatch(u -> u.getPath().startsWith("/nudge"));
    }

    static void bindTheActionKnowingThePortal() {
        TenantApi.bindPostLoginActions(List.of(ACTION), Map.of("NUDGE_URL", nudgeUrl(), "NUDGE_SECRET", SECRET,
                "AD_CONNECTION", "corp-ad", "PORTAL_CLIENT_ID", AppSignIn.CLIENT));
    }

    /** The offer page, with the password of the nudged login entered longer ago than portal.nudge.recent-password. */
    static Browser.Page nudgedLongAfterThePassword(Browser browser) {
        Browser.Page offer = signInToTheIntranet(browser, "alice");
        assertThat(offer.path()).isEqualTo("/nudge/offer");
        TenantApi.advanceClocks(Duration.ofMinutes(6));
        return offer;
    }

    @Test
    void addNowLongAfterThePasswordAsksForItAgainAndThenAddsAPhoneAndLandsBackSignedIn() {
        TenantApi.registerApplication(INTRANET, "intranet-secret", intranetCallback());
        bindTheActionKnowingThePortal();
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page offer = nudgedLongAfterThePassword(browser);
        // no form of a later step opens without the password
        assertThat(browser.get(portal() + "/nudge/contact").status()).isEqualTo(401);

        Browser.Page login = browser.submit(offer, "#nudge-now", Map.of());
        assertThat(login.path()).as("the password is asked for again").isEqualTo("/u/login");
        assertThat(browser.visited()).anyMatch(u -> u.getPath().endsWith("/authorize")
                && u.getRawQuery().contains("prompt=login") && u.getRawQuery().contains("login_hint=alice"));
        Browser.Page contact = browser.submit(login, "form", Map.of("username", "alice",
                "password", dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD));
        assertThat(contact.path()).as(contact.body()).isEqualTo("/nudge/contact");

        Browser.Page verify = browser.submit(contact, "#add-phone", Map.of("phone", "+1 425 883 1929"));
        Browser.Page back = returned(browser, browser.submit(verify, "#verify", Map.of("code", TenantApi.latestCode("+14258831929"))));
        assertThat(landedInTheIntranet(back)).as(back.uri() + " " + back.body()).isTrue();
        signedInToTheIntranetAs(back, "alice");
        assertThat(TenantApi.passwordlessSignIn("sms", "+14258831929")).isEqualTo(TenantApi.adUserId("alice"));
    }

    @Test
    void thePasswordNeededPageKeepsRemindMeLaterWhichLandsBackSnoozed() {
        TenantApi.registerApplication(INTRANET, "intranet-secret", intranetCallback());
        bindTheActionKnowingThePortal();
        Browser browser = new Browser().stoppingAt(intranetCallback());
        nudgedLongAfterThePassword(browser);
        Browser.Page needed = browser.get(portal() + "/nudge/contact");
        assertThat(needed.status()).isEqualTo(401);
        assertThat(needed.text("h1")).isEqualTo("Your password is needed");
        assertThat(needed.document().select("#back").attr("href")).isEqualTo("/nudge/offer");
        assertThat(needed.document().select("#nudge-later button").text()).isEqualTo("Remind me later");
        assertThat(needed.text("#later-hint")).contains(englishDate(clock.instant().plus(Duration.ofDays(7))));

        Browser.Page back = returned(browser, browser.submit(needed, "#nudge-later", Map.of()));
        assertThat(landedInTheIntranet(back)).as(back.uri().toString()).isTrue();
        signedInToTheIntranetAs(back, "alice");
        assertThat(nudgeMetadata("alice")).containsEntry("snoozes", 1);
    }

    @Test
    void theOfferSaysTheDayItAsksAgainBeforeLaterIsPressed() {
        TenantApi.registerApplication(INTRANET, "intranet-secret", intranetCallback());
        bindTheAction();
        Browser.Page offer = signInToTheIntranet(new Browser().stoppingAt(intranetCallback()), "alice");
        assertThat(offer.text("#later-hint")).isEqualTo("We will ask again when you sign in after "
                + englishDate(clock.instant().plus(Duration.ofDays(7))) + ", in 7 days.");
    }

    static String englishDate(Instant when) {
        return java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC).format(when);
    }

    @Test
    void anotherEmployeesPasswordAtThatStepDoesNotCountForTheNudgedOne() {
        TenantApi.registerApplication(INTRANET, "intranet-secret", intranetCallback());
        bindTheActionKnowingThePortal();
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page offer = nudgedLongAfterThePassword(browser);
        Browser.Page login = browser.submit(offer, "#nudge-now", Map.of());
        assertThat(login.path()).isEqualTo("/u/login");
        Browser.Page bobs = browser.submit(login, "form", Map.of("username", "bob",
                "password", dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD));
        assertThat(bobs.status()).isEqualTo(401);
        assertThat(bobs.body()).contains("Your password is needed").doesNotContain("Exception");
        assertThat(bobs.document().select("#add-phone")).isEmpty();
        assertThat(browser.post(portal() + "/nudge/phone", Map.of("phone", "+14258831929")).status()).isIn(400, 401);
    }

    // ---- audit and metric ----

    @Test
    void theNudgeShownSnoozedAndEnrolledAreAuditedAndCountedByOutcome() throws Exception {
        TenantApi.registerApplication(INTRANET, "intranet-secret", intranetCallback());
        bindTheAction();
        double shown = nudges("shown");
        double snoozed = nudges("snoozed");
        double enrolled = nudges("enrolled");
        double refused = nudges("refused");
        String alice = TenantApi.adUserId("alice");
        try (LogCapture log = LogCapture.start()) {
            Browser browser = new Browser().stoppingAt(intranetCallback());
            returned(browser, browser.submit(signInToTheIntranet(browser, "alice"), "#nudge-later", Map.of()));

            Browser enrolling = new Browser().stoppingAt(intranetCallback());
            TenantApi.advanceClocks(Duration.ofDays(8));
            Browser.Page offer = signInToTheIntranet(enrolling, "alice");
            Browser.Page verify = enrolling.submit(enrolling.submit(offer, "#nudge-now", Map.of()), "#add-email",
                    Map.of("email", "alice.private@example.com"));
            assertThat(landedInTheIntranet(returned(enrolling, enrolling.submit(verify, "#verify",
                    Map.of("code", TenantApi.latestCode("alice.private@example.com")))))).isTrue();
            refusedClearly(open(nudgeUrl() + "?session_token=x&state=y"));

            List<Map<String, Object>> events = new ArrayList<>();
            for (String line : log.lines()) {
                if (line.startsWith("{\"time\"")) {
                    events.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
                }
            }
            assertThat(events.stream().filter(e -> "nudge.shown".equals(e.get("event")))).hasSize(2)
                    .allMatch(e -> alice.equals(e.get("user_id")) && "success".equals(e.get("outcome")));
            assertThat(events.stream().filter(e -> "nudge.snoozed".equals(e.get("event")))).singleElement()
                    .satisfies(e -> assertThat(e).containsEntry("user_id", alice).containsEntry("snooze_seconds", "604800"));
            assertThat(events.stream().filter(e -> "nudge.enrolled".equals(e.get("event")))).singleElement()
                    .satisfies(e -> assertThat(e).containsEntry("user_id", alice).containsEntry("channel", "email")
                            .containsEntry("contact", "a\u2022\u2022\u2022@example.com"));
            assertThat(log.lines()).noneMatch(l -> l.contains("session_token=") || l.contains("alice.private@"));
        }
        assertThat(nudges("shown") - shown).isEqualTo(2);
        assertThat(nudges("snoozed") - snoozed).isEqualTo(1);
        assertThat(nudges("enrolled") - enrolled).isEqualTo(1);
        assertThat(nudges("refused") - refused).isEqualTo(1);
    }

    private static String toJson(Map<String, Object> claims) {
        try {
            return JSON.writeValueAsString(claims);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
