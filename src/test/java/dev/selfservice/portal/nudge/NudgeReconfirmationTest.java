package dev.selfservice.portal.nudge;

import static dev.selfservice.portal.nudge.NudgeTest.INTRANET;
import static dev.selfservice.portal.nudge.NudgeTest.intranetCallback;
import static dev.selfservice.portal.nudge.NudgeTest.landedInTheIntranet;
import static dev.selfservice.portal.nudge.NudgeTest.nudgeMetadata;
import static dev.selfservice.portal.nudge.NudgeTest.returned;
import static dev.selfservice.portal.nudge.NudgeTest.signInToTheIntranet;
import static dev.selfservice.portal.nudge.NudgeTest.signedInToTheIntranetAs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.selfservice.localtenant.AppSignIn;
import dev.selfservice.support.Browser;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.LocalTenantUrls;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "Is this still yours?" in the nudge (issue 30 item 3): with the Action's RECONFIRM_AFTER_DAYS set, the tenant's own
 * Action sends an employee whose contact is due to the nudge with the reason {@code reconfirm}; the page asks about the
 * due contact, a code proves it through the same confirmation as the contacts page's and refreshes its date, and the
 * employee lands back in the application signed in. "Later" snoozes; "no longer mine" adds another and removes nothing.
 */
@QuarkusTest
@CleanSlate
class NudgeReconfirmationTest {

    static final String PHONE = "+14155550177";
    static final String MASKED_PHONE = "+1 \u2022\u2022\u2022\u2022 \u2022\u2022\u2022 177";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PortalTestClock clock;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void anIntranet() {
        TenantApi.registerApplication(INTRANET, "intranet-secret", intranetCallback());
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    static Map<String, String> secrets(boolean knowingThePortal) {
        Map<String, String> secrets = new HashMap<>(Map.of("NUDGE_URL", NudgeTest.nudgeUrl(), "NUDGE_SECRET",
                NudgeTest.SECRET, "AD_CONNECTION", "corp-ad", "RECONFIRM_AFTER_DAYS", "180"));
        if (knowingThePortal) {
            secrets.put("PORTAL_CLIENT_ID", AppSignIn.CLIENT);
        }
        return secrets;
    }

    static void bindTheActionWithReconfirmAfterDays() {
        TenantApi.bindPostLoginActions(List.of(NudgeTest.ACTION), secrets(false));
    }

    /** Alice's phone, added that many days ago as far as the dates in her app_metadata say. */
    static String alicesPhoneAddedDaysAgo(int days) {
        String phone = TenantApi.linkContact("alice", "sms", PHONE);
        TenantApi.dateContact(TenantApi.adUserId("alice"), phone, "enrolled_at", Instant.now().minus(Duration.ofDays(days)));
        return phone;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> confirmedAt(String user) {
        Object dates = TenantApi.appMetadata(TenantApi.adUserId(user)).get("confirmed_at");
        return dates == null ? Map.of() : (Map<String, Object>) dates;
    }

    double nudges(String outcome) {
        io.micrometer.core.instrument.Counter c = metrics.find("portal.nudges").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aDueContactIsAskedAboutAndACodeConfirmsItRefreshesItsDateAndLandsBackSignedIn() throws Exception {
        bindTheActionWithReconfirmAfterDays();
        String phone = alicesPhoneAddedDaysAgo(181);
        String alice = TenantApi.adUserId("alice");
        double confirmed = nudges("confirmed");
        try (LogCapture log = LogCapture.start()) {
            Browser browser = new Browser().stoppingAt(intranetCallback());
            Browser.Page question = signInToTheIntranet(browser, "alice");
            assertThat(question.status()).isEqualTo(200);
            assertThat(question.path()).isEqualTo("/nudge/offer");
            assertThat(question.text("h1")).isEqualTo("Is this still yours?");
            assertThat(question.document().select(".contact .address").eachText()).containsExactly(MASKED_PHONE);
            assertThat(question.body()).doesNotContain(PHONE).doesNotContain("Add a recovery contact now");
            assertThat(question.document().select("#still-yours-0 button").text()).isEqualTo("Yes, send a code");

            Browser.Page code = browser.submit(question, "#still-yours-0", Map.of());
            assertThat(code.path()).isEqualTo("/nudge/confirm/code");
            assertThat(code.text("#sent-to")).contains(MASKED_PHONE);
            String right = TenantApi.latestCode(PHONE);
            Browser.Page wrong = browser.submit(code, "#verify", Map.of("code", right.equals("000000") ? "111111" : "000000"));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.text("#problem")).contains("That code is not right");
            assertThat(confirmedAt("alice")).as("a wrong code confirms nothing").isEmpty();

            Browser.Page back = returned(browser, browser.submit(wrong, "#verify", Map.of("code", right)));
            assertThat(landedInTheIntranet(back)).as(back.uri() + " " + back.body()).isTrue();
            assertThat(AppSignIn.query(back.uri())).containsEntry("state", AppSignIn.APP_STATE);
            signedInToTheIntranetAs(back, "alice");
            assertThat(confirmedAt("alice")).containsOnlyKeys(phone);
            assertThat(nudgeMetadata("alice")).as("no snooze").isNull();
            assertThat(TenantApi.passwordlessSignIn("sms", PHONE)).as("still alice's").isEqualTo(alice);

            List<Map<String, Object>> events = new ArrayList<>();
            for (String line : log.lines()) {
                if (line.startsWith("{\"time\"")) {
                    events.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
                }
            }
            assertThat(events.stream().filter(e -> "nudge.shown".equals(e.get("event")))).singleElement()
                    .satisfies(e -> assertThat(e).containsEntry("user_id", alice).containsEntry("reason", "reconfirm"));
            assertThat(events.stream().filter(e -> "enrolment.reconfirm".equals(e.get("event"))
                    && "success".equals(e.get("outcome")))).singleElement()
                    .satisfies(e -> assertThat(e).containsEntry("via", "nudge").containsEntry("contact", MASKED_PHONE));
            assertThat(events.stream().filter(e -> "nudge.confirmed".equals(e.get("event")))).singleElement()
                    .satisfies(e -> assertThat(e).containsEntry("user_id", alice).containsEntry("channel", "sms"));
            assertThat(log.lines()).noneMatch(l -> l.contains(PHONE) || l.contains(right) || l.contains("session_token="));
        }
        assertThat(nudges("confirmed") - confirmed).isEqualTo(1);

        Browser.Page again = signInToTheIntranet(new Browser().stoppingAt(intranetCallback()), "alice");
        assertThat(landedInTheIntranet(again)).as("confirmed: not asked again").isTrue();
    }

    /** "A new code was sent" is the portal's word after its own resend, not something a hand-typed link says. */
    @Test
    void aHandTypedSentAgainOnTheConfirmationCodePageShowsNoNewCodeLineButTheRealResendDoes() {
        bindTheActionWithReconfirmAfterDays();
        alicesPhoneAddedDaysAgo(181);
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page question = signInToTheIntranet(browser, "alice");
        Browser.Page code = browser.submit(question, "#still-yours-0", Map.of());
        assertThat(code.path()).isEqualTo("/nudge/confirm/code");
        Browser.Page typed = browser.get(dev.selfservice.support.LocalTenantUrls.portal() + "/nudge/confirm/code?sent=again");
        assertThat(typed.status()).isEqualTo(200);
        assertThat(typed.document().select("#notice")).as("no code was sent again").isEmpty();

        // the control: a real resend says it, once
        clock.advance(Duration.ofSeconds(31));
        Browser.Page again = browser.submit(code, "#resend", Map.of());
        assertThat(again.path()).isEqualTo("/nudge/confirm/code");
        assertThat(again.text("#notice")).startsWith("A new code was sent.");
        assertThat(browser.get(dev.selfservice.support.LocalTenantUrls.portal() + "/nudge/confirm/code?sent=again")
                .document().select("#notice")).as("a reload of the address is no resend").isEmpty();
    }

    @Test
    void anEmployeeWhoseContactIsNotDueIsNeverSentToTheNudge() {
        bindTheActionWithReconfirmAfterDays();
        String phone = alicesPhoneAddedDaysAgo(10);
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page landed = signInToTheIntranet(browser, "alice");
        assertThat(landedInTheIntranet(landed)).as(landed.uri().toString()).isTrue();
        assertThat(browser.visited()).noneMatch(u -> u.getPath().startsWith("/nudge"));

        // the control: the same contact, due, is asked about
        TenantApi.dateContact(TenantApi.adUserId("alice"), phone, "enrolled_at", Instant.now().minus(Duration.ofDays(181)));
        Browser.Page asked = signInToTheIntranet(new Browser().stoppingAt(intranetCallback()), "alice");
        assertThat(asked.path()).isEqualTo("/nudge/offer");
        assertThat(asked.text("h1")).isEqualTo("Is this still yours?");
    }

    @Test
    void aReconfirmNudgeCannotConfirmAnotherEmployeesContactNorSendItACode() {
        bindTheActionWithReconfirmAfterDays();
        alicesPhoneAddedDaysAgo(181);
        String bobsPhone = TenantApi.linkContact("bob", "sms", "+14155550188");
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page question = signInToTheIntranet(browser, "alice");
        int sent = PortalSteps.outboxCount("+14155550188");

        Browser.Page refused = browser.submit(question, "#still-yours-0", Map.of("contact", bobsPhone));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text("#problem")).contains("There is no such recovery contact on your account.");
        assertThat(refused.body()).doesNotContain("0188").doesNotContain("Exception");
        assertThat(PortalSteps.outboxCount("+14155550188")).isEqualTo(sent);
        assertThat(browser.get(LocalTenantUrls.portal() + "/nudge/confirm/code").path()).as("no code waits")
                .isEqualTo("/nudge/offer");
        assertThat(confirmedAt("bob")).isEmpty();

        // the control: her own contact, from the same page, gets its code
        Browser.Page own = browser.submit(refused, "#still-yours-0", Map.of());
        assertThat(own.path()).isEqualTo("/nudge/confirm/code");
    }

    @Test
    void theRightCodePostedInParallelConfirmsOnceAndAnswersTheTenantOnce() {
        bindTheActionWithReconfirmAfterDays();
        alicesPhoneAddedDaysAgo(181);
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page code = browser.submit(signInToTheIntranet(browser, "alice"), "#still-yours-0", Map.of());
        String right = TenantApi.latestCode(PHONE);

        List<Browser.Page> answers = Parallel.run(browser.copies(4).stream()
                .map(b -> (Callable<Browser.Page>) () -> b.submit(code, "#verify", Map.of("code", right))).toList());

        assertThat(answers).filteredOn(p -> p.path().equals("/nudge/back")).as("one answer to the tenant").hasSize(1);
        assertThat(answers).filteredOn(p -> !p.path().equals("/nudge/back")).allMatch(p -> p.status() >= 400);
        assertThat(confirmedAt("alice")).hasSize(1);
    }

    @Test
    void laterOnTheQuestionSnoozesAndSaysInGermanWhenItAsksAgain() {
        bindTheActionWithReconfirmAfterDays();
        alicesPhoneAddedDaysAgo(181);
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page question = signInToTheIntranet(browser, "alice");
        org.jsoup.nodes.Element toGerman = question.document().selectFirst("a.language[hreflang=de]");
        Browser.Page german = browser.get(question.uri().resolve(toGerman.attr("href")).toString());
        assertThat(german.text("h1")).isEqualTo("Gehört das noch Ihnen?");
        assertThat(german.document().select("#still-yours-0 button").text()).isEqualTo("Ja, Code senden");
        assertThat(german.text("#not-mine-title")).isEqualTo("Gehört er nicht mehr Ihnen?");
        assertThat(german.text("#later-hint")).contains("in 7 Tagen").contains(
                java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy", java.util.Locale.GERMAN)
                        .withZone(java.time.ZoneOffset.UTC).format(clock.instant().plus(Duration.ofDays(7))));

        Browser.Page back = returned(browser, browser.submit(german, "#nudge-later", Map.of()));
        assertThat(landedInTheIntranet(back)).as(back.uri().toString()).isTrue();
        signedInToTheIntranetAs(back, "alice");
        assertThat(nudgeMetadata("alice")).containsEntry("snoozes", 1);
        assertThat(confirmedAt("alice")).as("nothing confirmed").isEmpty();
        assertThat(TenantApi.passwordlessSignIn("sms", PHONE)).as("nothing removed").isEqualTo(TenantApi.adUserId("alice"));
    }

    @Test
    void noLongerMineAddsAnotherContactWithACodeAndRemovesNothing() {
        bindTheActionWithReconfirmAfterDays();
        alicesPhoneAddedDaysAgo(181);
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page question = signInToTheIntranet(browser, "alice");
        assertThat(question.text("#not-mine-hint")).contains("Nothing is removed");

        Browser.Page contact = browser.submit(question, "#nudge-now", Map.of());
        assertThat(contact.path()).isEqualTo("/nudge/contact");
        Browser.Page verify = browser.submit(contact, "#add-email", Map.of("email", "alice.new@example.com"));
        assertThat(verify.path()).isEqualTo("/nudge/verify");
        Browser.Page back = returned(browser, browser.submit(verify, "#verify", Map.of("code", TenantApi.latestCode("alice.new@example.com"))));
        assertThat(landedInTheIntranet(back)).as(back.uri() + " " + back.body()).isTrue();
        signedInToTheIntranetAs(back, "alice");

        String alice = TenantApi.adUserId("alice");
        assertThat(TenantApi.passwordlessSignIn("email", "alice.new@example.com")).isEqualTo(alice);
        assertThat(TenantApi.passwordlessSignIn("sms", PHONE)).as("the old one is still linked").isEqualTo(alice);
    }

    @Test
    void yesLongAfterThePasswordAsksForItAgainAndComesBackToTheQuestion() {
        TenantApi.bindPostLoginActions(List.of(NudgeTest.ACTION), secrets(true));
        alicesPhoneAddedDaysAgo(181);
        Browser browser = new Browser().stoppingAt(intranetCallback());
        Browser.Page question = signInToTheIntranet(browser, "alice");
        TenantApi.advanceClocks(Duration.ofMinutes(6));
        int sent = PortalSteps.outboxCount(PHONE);

        Browser.Page login = browser.submit(question, "#still-yours-0", Map.of());
        assertThat(login.path()).as("the password is asked for again").isEqualTo("/u/login");
        assertThat(browser.visited()).anyMatch(u -> u.getPath().endsWith("/authorize")
                && u.getRawQuery().contains("prompt=login") && u.getRawQuery().contains("login_hint=alice"));
        assertThat(PortalSteps.outboxCount(PHONE)).as("no code before the password").isEqualTo(sent);

        Browser.Page again = browser.submit(login, "form", Map.of("username", "alice",
                "password", LocalTenantUrls.DEMO_PASSWORD));
        assertThat(again.path()).as(again.body()).isEqualTo("/nudge/offer");
        assertThat(again.text("h1")).isEqualTo("Is this still yours?");
        Browser.Page code = browser.submit(again, "#still-yours-0", Map.of());
        assertThat(code.path()).isEqualTo("/nudge/confirm/code");
        Browser.Page back = returned(browser, browser.submit(code, "#verify", Map.of("code", TenantApi.latestCode(PHONE))));
        assertThat(landedInTheIntranet(back)).as(back.uri() + " " + back.body()).isTrue();
        assertThat(confirmedAt("alice")).hasSize(1);
    }
}
