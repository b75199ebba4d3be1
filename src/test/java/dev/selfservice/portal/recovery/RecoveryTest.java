package dev.selfservice.portal.recovery;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Forgot password and unlock through an enrolled contact, through the portal and the local tenant. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class RecoveryTest {

    static final String NEW_PASSWORD = "Quiet-Garden-Moon-58";
    static final String BOB_EMAIL = "bob.personal@example.com";
    static final String ERIN_PHONE = "+14155550142";


    @Test
    void bobRecoversWithHisEmailAndSignsInWithTheNewPassword() {
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "bob", "Bob.Personal@Example.com", BOB_EMAIL);
        assertThat(reset.path()).isEqualTo("/recovery/reset");

        Page done = RecoveryFlow.setPassword(browser, reset, NEW_PASSWORD);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text("h1")).isEqualTo("Your new password is set");
        assertThat(done.text("#recovery-done")).contains("It works");
        // post/redirect/get: the result has a page of its own, which a reload shows again without posting anything
        assertThat(done.path()).isEqualTo("/recovery/done");
        assertThat(browser.get(portal() + "/recovery/done").text("h1")).isEqualTo("Your new password is set");
        assertThat(new Browser().get(portal() + "/recovery/done").path()).as("not without a result").isEqualTo("/recovery");
        assertThat(browser.get(portal() + "/account").uri().toString()).as("no automatic sign-in")
                .startsWith(tenant() + "u/login");
        assertThat(PortalSteps.signsIn("bob", NEW_PASSWORD)).isTrue();
        // the result cookie ends by the portal's clock, not only when the browser drops it: a copy opens no later
        clock.advance(java.time.Duration.ofMinutes(6));
        assertThat(browser.get(portal() + "/recovery/done").path()).as("shown for five minutes only").isEqualTo("/recovery");
    }

    @Test
    void lockedOutErinResetsWithHerPhoneAndIsUnlocked() {
        assertThat(PortalSteps.signsIn("erin", DEMO_PASSWORD)).isFalse();
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "erin", "+1 415 555 0142", ERIN_PHONE);
        Page done = RecoveryFlow.setPassword(browser, reset, NEW_PASSWORD);
        // this browser never saw the directory say "locked" (RecoveryResultWordsTest has the browser that did)
        assertThat(done.text("#recovery-done")).contains("can be used now");
        assertThat(PortalSteps.signsIn("erin", NEW_PASSWORD)).isTrue();
    }

    @Test
    void anAuth0BruteForceBlockIsClearedWithoutChangingThePassword() {
        // ten failed logins for bob from this machine's address: Auth0 blocks the pair
        TenantApi.pauseByBruteForce("bob", "127.0.0.1");
        TenantApi.directoryState("bob", "unlocked");
        assertThat(PortalSteps.signsIn("bob", DEMO_PASSWORD)).as("blocked by brute-force protection").isFalse();

        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "bob", BOB_EMAIL, BOB_EMAIL);
        assertThat(reset.document().select("#recovery-unblock")).hasSize(1);
        Page done = browser.submit(reset, "#recovery-unblock", Map.of());
        assertThat(done.text("h1")).contains("pause on sign-in is lifted");
        assertThat(done.text("#recovery-done")).as("honest: a directory lockout needs a new password").contains("only a new password unlocks it");
        assertThat(PortalSteps.signsIn("bob", DEMO_PASSWORD)).isTrue();
    }

    @Test
    void aDisabledAccountGetsTheHelpdeskMessage() {
        TenantApi.linkContact("frank", "email", "frank.home@example.com");
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "frank", "frank.home@example.com", "frank.home@example.com");
        Page done = RecoveryFlow.setPassword(browser, reset, NEW_PASSWORD);
        assertThat(done.text("#recovery-done")).contains("cannot be used").contains("helpdesk");
        assertThat(done.document().select("#recovery-done.warning")).as("set, with a remark to heed: not green")
                .hasSize(1);
        // the password is set, as the page says; the account still cannot sign in
        assertThat(TenantApi.events(Map.of("type", "sapi", "operation", "set_password"))).hasSize(1);
        assertThat(PortalSteps.signsIn("frank", NEW_PASSWORD)).isFalse();
        // the control: enabled again, frank signs in with that password
        TenantApi.directoryState("frank", "enabled");
        assertThat(PortalSteps.signsIn("frank", NEW_PASSWORD)).isTrue();
    }

    @Test
    void anAccountBlockedByAnAdministratorIsNeverUnblockedBySelfService() {
        TenantApi.linkContact("grace", "email", "grace.home@example.com");
        Browser browser = new Browser();
        Page refused = RecoveryFlow.prove(browser, "grace", "grace.home@example.com", "grace.home@example.com");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("#problem")).contains("contact the IT helpdesk");
        assertThat(given().auth().oauth2(TenantApi.managementToken()).get(tenant() + "api/v2/users/"
                + TenantApi.adUserId("grace")).then().extract().<Boolean>path("blocked")).isTrue();
    }

    @Test
    void theAnswerIsTheSameForAnUnknownUserAnUnenrolledContactAndTheRightPair() throws Exception {
        Response unknown;
        Response notEnrolled;
        Response otherDomain;
        Response right;
        try (LogCapture log = LogCapture.start()) {
            unknown = rawStart("nobody", BOB_EMAIL);
            notEnrolled = rawStart("bob", "someone.else@example.com");
            // bob's username in the down-level form of a domain the portal does not know: an unknown username, as
            // "nobody" is (name@other.example is answered from its shape: PersonalEmailAsUsernameTest)
            otherDomain = rawStart("OTHER\\bob", BOB_EMAIL);
            right = rawStart("bob", BOB_EMAIL);
            // the lookups run after the answers: wait until all four have ended rather than for a while
            log.awaitCount(line -> line.contains("no code sent: the contact is not enrolled"), 3);
            log.await(line -> line.contains("code sent to an enrolled contact"));
        }

        for (Response r : new Response[] { unknown, notEnrolled, otherDomain }) {
            assertThat(r.statusCode()).isEqualTo(right.statusCode()).isEqualTo(303);
            assertThat(r.header("Location")).isEqualTo(right.header("Location"));
            assertThat(r.headers().asList().stream().map(h -> h.getName()).toList())
                    .containsExactlyInAnyOrderElementsOf(right.headers().asList().stream().map(h -> h.getName()).toList());
            assertThat(r.body().asString()).isEqualTo(right.body().asString());
        }
        PortalSteps.awaitCode(BOB_EMAIL, 0);
        assertThat(PortalSteps.outboxCount("someone.else@example.com")).as("never to an address not enrolled").isZero();
        assertThat(PortalSteps.outboxCount(BOB_EMAIL)).isEqualTo(1);
    }

    /** The start form posted with a fresh page's CSRF token, without following the redirect. */
    private static Response rawStart(String username, String contact) {
        Response form = given().get(portal() + "/recovery");
        org.jsoup.nodes.Element csrf = org.jsoup.Jsoup.parse(form.asString()).selectFirst("#recovery-start input[type=hidden]");
        return given().redirects().follow(false).cookies(form.cookies()).formParam(csrf.attr("name"), csrf.attr("value"))
                .formParam("username", username).formParam("contact", contact).post(portal() + "/recovery/start");
    }

    @Test
    void aProofIsUsedOnceAndCannotBeReusedAfterAReset() {
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "bob", BOB_EMAIL, BOB_EMAIL);
        HttpCookie proof = cookie(browser, "recovery_proof");
        RecoveryFlow.setPassword(browser, reset, NEW_PASSWORD);

        browser.cookies().getCookieStore().add(URI.create(portal()), proof);
        Page replay = RecoveryFlow.setPassword(browser, reset, "Another-Fresh-Pass-91");
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.text("#problem")).contains("expired or was already used");
        assertThat(PortalSteps.signsIn("bob", NEW_PASSWORD)).isTrue();
    }

    @Inject
    PortalTestClock clock;

    @Test
    void aProofLastsTenMinutesOnThePortalsClock() {
        Browser browser = new Browser();
        RecoveryFlow.prove(browser, "bob", BOB_EMAIL, BOB_EMAIL);
        clock.advance(java.time.Duration.ofMinutes(9));
        Page reset = browser.get(portal() + "/recovery/reset");
        assertThat(reset.status()).as("still valid after 9 minutes").isEqualTo(200);
        clock.advance(java.time.Duration.ofMinutes(2));
        Page expired = RecoveryFlow.setPassword(browser, reset, NEW_PASSWORD);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.text("#problem")).contains("expired or was already used");
        assertThat(TenantApi.events(Map.of("type", "sapi", "operation", "set_password"))).isEmpty();
        // the control: a fresh proof sets the password, and the same query sees it
        Page again = RecoveryFlow.prove(browser, "bob", BOB_EMAIL, BOB_EMAIL);
        assertThat(RecoveryFlow.setPassword(browser, again, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(TenantApi.events(Map.of("type", "sapi", "operation", "set_password"))).hasSize(1);
    }

    @Test
    void whenAuth0IsBusyTheResetPageKeepsTheProofForAnotherTry() {
        Browser browser = new Browser();
        RecoveryFlow.prove(browser, "bob", BOB_EMAIL, BOB_EMAIL);
        // the page's one call: the account's brute-force blocks (the account itself is read again by the reset only)
        TenantApi.fault(Map.of("method", "GET", "path", "/api/v2/user-blocks/", "status", 429, "times", 10));
        Page busy = browser.get(portal() + "/recovery/reset");
        assertThat(busy.status()).isEqualTo(429);
        assertThat(busy.text("#problem")).contains("Wait a minute");
        assertThat(busy.headers().getOrDefault("set-cookie", List.of())).noneMatch(c -> c.startsWith("recovery_proof="));

        TenantApi.clearFaults();
        Page reset = browser.get(portal() + "/recovery/reset");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(RecoveryFlow.setPassword(browser, reset, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anOldCodeThatAuth0HasLetExpireIsJustNotRightSoNobodyLearnsACodeWasSent() {
        Browser browser = new Browser();
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page code = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        String sent = PortalSteps.awaitCode(BOB_EMAIL, before);
        TenantApi.advanceClock(6 * 60); // Auth0's code is gone; the portal's own pending step is not
        Page answer = RecoveryFlow.enterCode(browser, code, sent);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("#problem")).contains("That code is not right");
    }

    @Test
    void aUsernameWithAControlCharacterIsRefusedOnThePage() {
        Page refused = RecoveryFlow.start(new Browser(), "bob\nx", BOB_EMAIL);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#problem")).contains("Enter your work username");
        assertThat(refused.document().select("#problem a").attr("href")).as("about the username only").isEqualTo("#username");
    }

    @Test
    void aProofForBobCannotResetAliceAndCannotBeAltered() {
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "bob", BOB_EMAIL, BOB_EMAIL);
        Map<String, String> withNames = Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD, "username", "alice",
                "userId", TenantApi.adUserId("alice"));
        HttpCookie proof = cookie(browser, "recovery_proof");
        HttpCookie altered = new HttpCookie(proof.getName(), proof.getValue().substring(0, proof.getValue().length() - 2) + "AA");
        altered.setPath("/recovery");
        Browser other = new Browser();
        other.cookies().getCookieStore().add(URI.create(portal()), altered);
        assertThat(other.get(portal() + "/recovery/reset").status()).isEqualTo(400);

        browser.submit(reset, "#recovery-reset", withNames);
        assertThat(PortalSteps.signsIn("bob", NEW_PASSWORD)).isTrue();
        TenantApi.advanceClock(3601);
        assertThat(PortalSteps.signsIn("alice", DEMO_PASSWORD)).as("alice's password is untouched").isTrue();
    }

    @Test
    void theResetPageWithoutAProofStartsAgain() {
        Page page = new Browser().get(portal() + "/recovery/reset");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#problem")).contains("expired or was already used");
    }

    @Test
    void wrongCodesAreBoundedPerAttemptEvenAcrossResendsAndNeverLockAd() {
        TenantApi.linkContact("alice", "email", "alice.home@example.com");
        Browser browser = new Browser();
        int before = PortalSteps.outboxCount("alice.home@example.com");
        Page code = RecoveryFlow.start(browser, "alice", "alice.home@example.com");
        String lastCode = PortalSteps.awaitCode("alice.home@example.com", before);
        for (int round = 0; round < 4; round++) {
            String wrong = lastCode.equals("000000") ? "111111" : "000000";
            for (int i = 0; i < (round < 3 ? 3 : 1); i++) {
                code = RecoveryFlow.enterCode(browser, code, wrong);
                assertThat(code.status()).isEqualTo(400);
            }
            if (round < 3) {
                // a new code for the same attempt: its wrong codes so far still count
                clock.advance(java.time.Duration.ofSeconds(31));
                int sent = PortalSteps.outboxCount("alice.home@example.com");
                code = browser.submit(code, "#recovery-resend", Map.of());
                lastCode = PortalSteps.awaitCode("alice.home@example.com", sent);
            }
        }
        Page refused = RecoveryFlow.enterCode(browser, code, lastCode);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("#problem")).contains("Too many wrong codes");
        assertThat(PortalSteps.signsIn("alice", DEMO_PASSWORD)).as("recovery never locks the AD account").isTrue();
    }

    @Test
    void aFailedResetLeavesThePasswordAndTheLockAsTheyWere() {
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "erin", ERIN_PHONE, ERIN_PHONE);
        TenantApi.fault(Map.of("method", "PATCH", "path", "/api/v2/users/", "status", 503));
        Page failed = RecoveryFlow.setPassword(browser, reset, NEW_PASSWORD);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.text("#problem")).contains("did not answer");
        assertThat(PortalSteps.signsIn("erin", NEW_PASSWORD)).isFalse();

        Page weak = RecoveryFlow.setPassword(browser, failed, "weak");
        assertThat(weak.text("#problem")).contains("too short");
        Page done = RecoveryFlow.setPassword(browser, weak, NEW_PASSWORD);
        assertThat(done.text("#recovery-done")).isNotBlank();
        assertThat(PortalSteps.signsIn("erin", NEW_PASSWORD)).isTrue();
    }

    @Test
    void malformedInputGetsAMessage() {
        Page bad = RecoveryFlow.start(new Browser(), "bob", "not a contact");
        assertThat(bad.status()).isEqualTo(400);
        // about the contact, not the username (issue 29 item 3; ErrorSummaryTest has the field marks)
        assertThat(bad.text("#problem")).contains("Enter an email address with its domain")
                .doesNotContain("username");
    }

    private static HttpCookie cookie(Browser browser, String name) {
        return browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void afterARecoveryTheSignInPageStartsWithTheUsernameAndTheResultIsAGreenSuccess() {
        Browser browser = new Browser();
        Page done = RecoveryFlow.setPassword(browser, RecoveryFlow.prove(browser, "bob", BOB_EMAIL, BOB_EMAIL),
                NEW_PASSWORD);
        assertThat(done.document().select("#recovery-done.notice")).as("done, without a remark").hasSize(1);
        Page login = browser.get(portal() + "/signin");
        assertThat(login.uri().toString()).startsWith(tenant());
        assertThat(login.document().select("#username").attr("value")).as("Auth0's login_hint").isEqualTo("bob");
        // the control: a browser that recovered nothing starts with an empty field
        assertThat(new Browser().get(portal() + "/signin").document().select("#username").attr("value")).isEmpty();
    }

    /** A shared phone: the next person who opens the recovery or the expired-password page finds no one's username. */
    @Test
    void afterARecoveryTheUsernameFillsOnlyTheSignInPageAndNoOtherForm() {
        Browser browser = new Browser();
        RecoveryFlow.setPassword(browser, RecoveryFlow.prove(browser, "bob", BOB_EMAIL, BOB_EMAIL), NEW_PASSWORD);
        assertThat(browser.get(portal() + "/recovery").document().select("#username").attr("value")).isEmpty();
        assertThat(browser.get(portal() + "/password/expired").document().select("#username").attr("value")).isEmpty();
        assertThat(browser.get(portal() + "/signin").document().select("#username").attr("value"))
                .as("Auth0's login_hint still").isEqualTo("bob");

        // the control: a username typed on the start page, before any recovery, fills the recovery's form
        Browser typed = new Browser();
        typed.submit(typed.get(portal() + "/"), "#sign-in-form", Map.of("username", "bob"));
        assertThat(typed.get(portal() + "/recovery").document().select("#username").attr("value")).isEqualTo("bob");
    }
}
