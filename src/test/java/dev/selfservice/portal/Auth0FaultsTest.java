package dev.selfservice.portal;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.selfservice.portal.enrolment.Leftovers;
import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every Auth0 call of every flow, failing each way Auth0 fails: 503, 429, and an answer slower than the portal's
 * timeout (which the tenant still carries out, as a real Auth0 would after the portal stopped waiting). Each case
 * checks what the page says and what was left in the tenant: users, identities, password, proof. Reads are retried,
 * so one fault on a read is followed by the flow completing; a failed write is never repeated, and the page says
 * whether it was done, not done, or could not be confirmed.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class Auth0FaultsTest {

    static final String NEW_PASSWORD = "Violet-Harbor-Lamp-73";
    static final String BOB_EMAIL = "bob.personal@example.com";
    static final String PAT = "pat@example.com";
    static final long SLOW_MS = TenantApi.PAST_THE_TIMEOUT_MS;


    enum Fault {
        FAILS(Map.of("status", 503)), BUSY(Map.of("status", 429)), SLOW(Map.of("delayMs", SLOW_MS));

        final Map<String, Object> spec;

        Fault(Map<String, Object> spec) {
            this.spec = spec;
        }
    }

    /** An Auth0 call, as the tenant's fault injector matches it. */
    record Call(String method, String path, String grantType) {
        static Call of(String method, String path) {
            return new Call(method, path, null);
        }

        static Call token(String grantType) {
            return new Call("POST", "/oauth/token", grantType);
        }

        void fail(Fault fault, int times) {
            Map<String, Object> rule = new HashMap<>(fault.spec);
            rule.put("method", method);
            rule.put("path", path);
            rule.put("times", times);
            if (grantType != null) {
                rule.put("grantType", grantType);
            }
            TenantApi.fault(rule);
        }
    }

    static final Call CODE_EXCHANGE = Call.token("authorization_code");
    static final Call PASSWORD_CHECK = Call.token("http://auth0.com/oauth/grant-type/password-realm");
    static final Call OTP_EXCHANGE = Call.token("http://auth0.com/oauth/grant-type/passwordless/otp");
    static final Call PASSWORDLESS_START = Call.of("POST", "/passwordless/start");
    static final Call READ_USER = Call.of("GET", "/api/v2/users/");
    static final Call SEARCH = Call.of("GET", "/api/v2/users$");
    static final Call LINK = Call.of("POST", "/api/v2/users/");
    static final Call UNLINK = Call.of("DELETE", "/api/v2/users/ad|");
    static final Call DELETE_USER = Call.of("DELETE", "/api/v2/users/email|");
    static final Call PATCH_USER = Call.of("PATCH", "/api/v2/users/");
    static final Call READ_BLOCKS = Call.of("GET", "/api/v2/user-blocks/");
    static final Call CLEAR_BLOCKS = Call.of("DELETE", "/api/v2/user-blocks/");

    interface Case {
        void run(Fault fault) throws Exception;
    }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (Fault f : Fault.values()) {
            add(all, "sign-in, code exchange", f, Auth0FaultsTest::signInCodeExchange);
            add(all, "enrolment start, read user", f, x -> enrolmentStartsAfterARetriedRead(READ_USER, x));
            add(all, "enrolment start, search", f, x -> enrolmentStartsAfterARetriedRead(SEARCH, x));
            add(all, "enrolment start, send code", f, Auth0FaultsTest::enrolmentStartSendCode);
            add(all, "enrolment confirm, code exchange", f, Auth0FaultsTest::enrolmentConfirmCodeExchange);
            add(all, "enrolment confirm, link", f, Auth0FaultsTest::enrolmentConfirmLink);
            add(all, "enrolment confirm, date", f, x -> enrolmentConfirmsAfterARetriedCall(PATCH_USER, x));
            add(all, "enrolment remove, unlink", f, Auth0FaultsTest::enrolmentRemoveUnlink);
            add(all, "enrolment remove, delete leftover", f, x -> enrolmentRemovesAfterARetriedCall(DELETE_USER, x));
            add(all, "password change, check current", f, x -> passwordChangeCheck(x, false));
            add(all, "password change, read user", f, Auth0FaultsTest::passwordChangeAfterARetriedRead);
            add(all, "password change, set", f, x -> passwordChangeSet(x, false));
            add(all, "expired change, check current", f, x -> passwordChangeCheck(x, true));
            add(all, "expired change, set", f, x -> passwordChangeSet(x, true));
            add(all, "recovery code, user lookup", f, Auth0FaultsTest::recoveryCodeLookup);
            add(all, "recovery code, code exchange", f, Auth0FaultsTest::recoveryCodeExchange);
            add(all, "recovery reset page, user blocks", f, Auth0FaultsTest::recoveryResetPageBlocks);
            add(all, "recovery reset, set password", f, Auth0FaultsTest::recoveryResetSet);
            add(all, "recovery reset, clear blocks", f, Auth0FaultsTest::recoveryResetClearBlocks);
            add(all, "recovery unblock, clear blocks", f, Auth0FaultsTest::recoveryUnblock);
        }
        return all.build();
    }

    private static void add(Stream.Builder<Arguments> all, String call, Fault fault, Case c) {
        all.add(Arguments.of(Named.of(call + ", " + fault.name().toLowerCase(), c), fault));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void auth0FailsAndThePageSaysWhatIsTrue(Case c, Fault fault) throws Exception {
        c.run(fault);
    }

    // ---- sign-in ----

    static void signInCodeExchange(Fault fault) {
        Browser browser = new Browser();
        Page login = browser.get(portal() + "/signin");
        CODE_EXCHANGE.fail(fault, 1);
        Page back = browser.submit(login, "form", Map.of("username", "alice", "password", DEMO_PASSWORD));
        if (fault == Fault.SLOW) {
            // quarkus-oidc waits longer for its token endpoint than this delay: the sign-in completes
            assertThat(back.path()).isEqualTo("/account");
            return;
        }
        assertThat(back.status()).isEqualTo(503);
        assertThat(back.text("h1")).contains("did not complete");
        assertThat(back.document().select("a[href=/signin]")).as("a way to try again").isNotEmpty();
        assertThat(browser.cookies().getCookieStore().getCookies()).as("no portal session")
                .noneMatch(c -> c.getName().startsWith("q_session"));
        Page again = browser.get(portal() + back.document().select("a[href=/signin]").attr("href"));
        assertThat(again.path()).as("and trying again works").isEqualTo("/account");
        assertThat(browser.cookies().getCookieStore().getCookies()).as("with a portal session now")
                .anyMatch(c -> c.getName().startsWith("q_session"));
    }

    // ---- enrolment ----

    static Browser stepUp(String user) {
        return PortalSteps.stepUp(PortalSteps.signIn(user, DEMO_PASSWORD), user, DEMO_PASSWORD);
    }

    static Page add(Browser browser, String email) {
        return browser.submit(browser.get(portal() + "/enrolment"), "#add-email", Map.of("email", email));
    }

    static Page enterCode(Browser browser, Page verify, String code) {
        return browser.submit(verify, "#verify", Map.of("code", code));
    }

    static void enrolmentStartsAfterARetriedRead(Call read, Fault fault) {
        Browser alice = stepUp("alice");
        read.fail(fault, 1);
        Page verify = add(alice, PAT);
        assertThat(verify.path()).as("one failed read is tried again").isEqualTo("/enrolment/verify");
        assertThat(PortalSteps.outboxCount(PAT)).isEqualTo(1);
    }

    static void enrolmentStartSendCode(Fault fault) {
        Browser alice = stepUp("alice");
        PASSWORDLESS_START.fail(fault, 1);
        Page page = add(alice, PAT);
        assertThat(page.status()).isEqualTo(fault == Fault.BUSY ? 429 : 503);
        assertThat(page.text("#problem")).contains(fault == Fault.BUSY ? "busy" : "did not answer");
        assertThat(identities("alice")).hasSize(1);
    }

    static void enrolmentConfirmCodeExchange(Fault fault) {
        Browser alice = stepUp("alice");
        Page verify = add(alice, PAT);
        String code = TenantApi.latestCode(PAT);
        OTP_EXCHANGE.fail(fault, 1);
        Page page = enterCode(alice, verify, code);
        assertThat(page.status()).isEqualTo(fault == Fault.BUSY ? 429 : 503);
        assertThat(page.path()).as("the code page again").isEqualTo("/enrolment/verify");
        assertThat(identities("alice")).hasSize(1);
        if (fault != Fault.SLOW) {
            // Auth0 answered before using the code: it still works
            Page done = enterCode(alice, page, code);
            assertThat(done.uri().toString()).endsWith("/enrolment?done=added");
            assertThat(identities("alice")).hasSize(2);
        }
    }

    static void enrolmentConfirmLink(Fault fault) {
        Browser alice = stepUp("alice");
        Page verify = add(alice, PAT);
        LINK.fail(fault, 1);
        Page page = enterCode(alice, verify, TenantApi.latestCode(PAT));
        if (fault == Fault.SLOW) {
            assertThat(page.status()).isEqualTo(504);
            assertThat(page.text("#problem")).contains("cannot tell yet");
            eventually(() -> identities("alice").size() == 2, "the slow link lands");
            sweepLeftoversLater();
            assertThat(identities("alice")).as("the sweep leaves a linked contact alone").hasSize(2);
            return;
        }
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.text("#problem")).contains("was not added").contains("Send a new code");
        assertThat(identities("alice")).hasSize(1);
        assertThat(TenantApi.events(Map.of("type", "sco"))).as("the exchange did make a passwordless user").isNotEmpty();
        assertThat(standaloneUsers(PAT)).as("the passwordless user the exchange made is gone").isEmpty();
        // and the way on works: a new code, then the contact is added
        TenantApi.advanceClocks(Duration.ofSeconds(31));
        Page again = alice.submit(page, "#resend", Map.of());
        assertThat(again.path()).isEqualTo("/enrolment/verify");
        Page done = enterCode(alice, again, TenantApi.latestCode(PAT));
        assertThat(done.uri().toString()).endsWith("/enrolment?done=added");
        assertThat(identities("alice")).hasSize(2);
    }

    static void enrolmentConfirmsAfterARetriedCall(Call call, Fault fault) {
        Browser alice = stepUp("alice");
        Page verify = add(alice, PAT);
        call.fail(fault, 1);
        Page done = enterCode(alice, verify, TenantApi.latestCode(PAT));
        assertThat(done.uri().toString()).endsWith("/enrolment?done=added");
        assertThat(identities("alice")).hasSize(2);
    }

    static Page removeBobsContact(Browser bob) {
        Page contacts = bob.get(portal() + "/enrolment");
        String contactId = contacts.document().select("a[href^=/enrolment/remove]").attr("href").split("contact=")[1];
        Page confirm = bob.get(portal() + "/enrolment/remove?contact=" + contactId);
        return bob.submit(confirm, "#remove", Map.of());
    }

    static void enrolmentRemoveUnlink(Fault fault) {
        Browser bob = stepUp("bob");
        UNLINK.fail(fault, 1);
        Page page = removeBobsContact(bob);
        if (fault == Fault.SLOW) {
            assertThat(page.status()).isEqualTo(504);
            assertThat(page.text("#problem")).contains("cannot tell yet");
            eventually(() -> identities("bob").size() == 1, "the slow unlink lands");
            assertThat(standaloneUsers(BOB_EMAIL)).as("unlinking left a standalone user").hasSize(1);
            sweepLeftoversLater();
            assertThat(standaloneUsers(BOB_EMAIL)).as("which the sweep removes").isEmpty();
            return;
        }
        assertThat(page.status()).isEqualTo(fault == Fault.BUSY ? 429 : 503);
        assertThat(page.text("#problem")).contains("Nothing was changed");
        assertThat(identities("bob")).hasSize(2);
        assertThat(page.document().select("a[href^=/enrolment/remove]")).hasSize(1);
    }

    static void enrolmentRemovesAfterARetriedCall(Call call, Fault fault) {
        Browser bob = stepUp("bob");
        call.fail(fault, 1);
        Page done = removeBobsContact(bob);
        assertThat(done.uri().toString()).endsWith("/enrolment?done=removed");
        assertThat(identities("bob")).hasSize(1);
        assertThat(standaloneUsers(BOB_EMAIL)).isEmpty();
    }

    // ---- passwords ----

    static Page changePassword(boolean expired) {
        return changePassword(expired, DEMO_PASSWORD);
    }

    static Page changePassword(boolean expired, String current) {
        if (expired) {
            Browser browser = new Browser();
            return browser.submit(browser.get(portal() + "/password/expired"), "#expired-password", Map.of("username",
                    "carol", "current", current, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        }
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        return alice.submit(alice.get(portal() + "/password/change"), "#change-password",
                Map.of("current", DEMO_PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
    }

    static void passwordChangeCheck(Fault fault, boolean expired) {
        Browser alice = expired ? new Browser() : PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page form = expired ? alice.get(portal() + "/password/expired") : alice.get(portal() + "/password/change");
        PASSWORD_CHECK.fail(fault, 1);
        Page page = expired
                ? alice.submit(form, "#expired-password", Map.of("username", "carol", "current", DEMO_PASSWORD,
                        "password", NEW_PASSWORD, "confirm", NEW_PASSWORD))
                : alice.submit(form, "#change-password",
                        Map.of("current", DEMO_PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(page.status()).isEqualTo(fault == Fault.BUSY ? 429 : 503);
        assertThat(page.text("#problem")).contains("Nothing was changed");
        assertThat(setPasswordEvents()).isZero();
        if (expired && fault != Fault.SLOW) {
            // the try AD never saw is not counted: two wrong ones and the right one still fit in carol's three
            for (int i = 0; i < 2; i++) {
                assertThat(changePassword(true, "not-carols-password").status()).isEqualTo(400);
            }
            assertThat(changePassword(true, DEMO_PASSWORD).status()).isEqualTo(200);
        }
    }

    static void passwordChangeAfterARetriedRead(Fault fault) {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page form = alice.get(portal() + "/password/change");
        READ_USER.fail(fault, 1);
        Page done = alice.submit(form, "#change-password",
                Map.of("current", DEMO_PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(done.uri().toString()).isEqualTo(portal() + "/password/changed");
        assertThat(PortalSteps.signsIn("alice", NEW_PASSWORD)).isTrue();
    }

    static void passwordChangeSet(Fault fault, boolean expired) {
        String user = expired ? "carol" : "alice";
        Browser alice = expired ? null : PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page form = expired ? null : alice.get(portal() + "/password/change");
        PATCH_USER.fail(fault, 1);
        Page page = expired ? changePassword(true)
                : alice.submit(form, "#change-password",
                        Map.of("current", DEMO_PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        if (fault == Fault.SLOW) {
            assertThat(page.status()).isEqualTo(504);
            assertThat(page.body()).contains("cannot tell yet whether your password was changed");
            if (!expired) {
                assertThat(PortalSteps.opensAccount(alice)).as("the session ended, as after a change").isFalse();
            }
            eventually(() -> setPasswordEvents() == 1, "the slow change lands");
            assertThat(PortalSteps.signsIn(user, NEW_PASSWORD)).isTrue();
            return;
        }
        assertThat(page.status()).isEqualTo(fault == Fault.BUSY ? 429 : 503);
        assertThat(page.text("#problem")).contains("Nothing was changed");
        assertThat(setPasswordEvents()).isZero();
        if (!expired) {
            assertThat(PortalSteps.opensAccount(alice)).as("nothing changed: still signed in").isTrue();
        }
    }

    // ---- recovery ----

    static Page recoveryCodePage(Browser browser) {
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page code = browser.submit(browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", "bob", "contact", BOB_EMAIL));
        PortalSteps.awaitCode(BOB_EMAIL, before);
        return code;
    }

    static Page resetPage(Browser browser) {
        Page code = recoveryCodePage(browser);
        Page reset = browser.submit(code, "#recovery-code", Map.of("code", TenantApi.latestCode(BOB_EMAIL)));
        assertThat(reset.path()).isEqualTo("/recovery/reset");
        return reset;
    }

    static void recoveryCodeLookup(Fault fault) {
        Browser browser = new Browser();
        Page code = recoveryCodePage(browser);
        String theCode = TenantApi.latestCode(BOB_EMAIL);
        SEARCH.fail(fault, 0); // on every try: the read is retried
        Page page = browser.submit(code, "#recovery-code", Map.of("code", theCode));
        TenantApi.clearFaults();
        assertThat(page.status()).isEqualTo(fault == Fault.BUSY ? 429 : 503);
        assertThat(page.text("#problem")).contains(fault == Fault.BUSY ? "busy" : "did not answer").doesNotContain("not right");
        // the code was not used and no try was counted: it works now
        Page reset = browser.submit(page, "#recovery-code", Map.of("code", theCode));
        assertThat(reset.path()).isEqualTo("/recovery/reset");
    }

    static void recoveryCodeExchange(Fault fault) {
        Browser browser = new Browser();
        Page code = recoveryCodePage(browser);
        String theCode = TenantApi.latestCode(BOB_EMAIL);
        OTP_EXCHANGE.fail(fault, 1);
        Page page = browser.submit(code, "#recovery-code", Map.of("code", theCode));
        assertThat(page.status()).isEqualTo(fault == Fault.BUSY ? 429 : 503);
        assertThat(page.text("#problem")).contains(fault == Fault.BUSY ? "busy" : "did not answer").doesNotContain("not right");
        assertThat(page.path()).isEqualTo("/recovery/code");
        if (fault != Fault.SLOW) {
            Page reset = browser.submit(page, "#recovery-code", Map.of("code", theCode));
            assertThat(reset.path()).isEqualTo("/recovery/reset");
        }
    }

    static void recoveryResetPageBlocks(Fault fault) {
        Browser browser = new Browser();
        Page code = recoveryCodePage(browser);
        READ_BLOCKS.fail(fault, 0);
        Page page = browser.submit(code, "#recovery-code", Map.of("code", TenantApi.latestCode(BOB_EMAIL)));
        TenantApi.clearFaults();
        assertThat(page.status()).isEqualTo(fault == Fault.BUSY ? 429 : 503);
        // the proof was kept: the password can be set now
        Page done = browser.submit(page, "#recovery-reset", Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(done.text("h1")).contains("Your new password is set");
        assertThat(PortalSteps.signsIn("bob", NEW_PASSWORD)).isTrue();
    }

    static void recoveryResetSet(Fault fault) {
        Browser browser = new Browser();
        Page reset = resetPage(browser);
        PATCH_USER.fail(fault, 1);
        Page page = browser.submit(reset, "#recovery-reset", Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        if (fault == Fault.SLOW) {
            assertThat(page.status()).isEqualTo(504);
            assertThat(page.text("#problem")).contains("cannot tell yet");
            // a second password at once could be overwritten by the late first one: it waits until that has settled
            Page second = browser.submit(page, "#recovery-reset", Map.of("password", "Quiet-Copper-Kettle-58",
                    "confirm", "Quiet-Copper-Kettle-58"));
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.text("#problem")).contains("still being confirmed");
            eventually(() -> setPasswordEvents() == 1, "the slow change lands");
            assertThat(PortalSteps.signsIn("bob", NEW_PASSWORD)).isTrue();
            // the retry the page offers says why the proof no longer holds
            Page retry = browser.submit(page, "#recovery-reset", Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
            assertThat(retry.text("#problem")).contains("may have gone through");
            return;
        }
        assertThat(page.status()).isEqualTo(fault == Fault.BUSY ? 429 : 503);
        assertThat(page.text("#problem")).contains("Nothing was changed");
        assertThat(setPasswordEvents()).isZero();
        Page done = browser.submit(page, "#recovery-reset", Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(done.text("h1")).as("the proof still holds for the retry").contains("Your new password is set");
    }

    static void recoveryResetClearBlocks(Fault fault) {
        Browser browser = new Browser();
        Page reset = resetPage(browser);
        CLEAR_BLOCKS.fail(fault, 0);
        Page page = browser.submit(reset, "#recovery-reset", Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(page.body()).doesNotContain("It works").contains("could not be lifted");
        assertThat(setPasswordEvents()).as("the password is set").isEqualTo(1);
    }

    static void recoveryUnblock(Fault fault) {
        Browser browser = new Browser();
        Page reset = resetPage(browser);
        CLEAR_BLOCKS.fail(fault, 0);
        Page page = browser.post(portal() + "/recovery/unblock", reset.hiddenFields("#recovery-reset"));
        TenantApi.clearFaults();
        assertThat(page.status()).isEqualTo(fault == Fault.BUSY ? 429 : 503);
        assertThat(page.body()).doesNotContain("is lifted");
        Page done = browser.post(portal() + "/recovery/unblock", page.hiddenFields("#recovery-reset"));
        assertThat(done.text("h1")).as("the proof still holds for the retry").contains("The pause on sign-in is lifted");
    }

    // ---- the tenant's state ----

    static List<Map<String, Object>> identities(String user) {
        return given().auth().oauth2(TenantApi.managementToken()).get(tenant() + "api/v2/users/" + TenantApi.adUserId(user))
                .then().statusCode(200).extract().path("identities");
    }

    /** Users of the email connection with this address that are users of their own (not linked). */
    static List<?> standaloneUsers(String email) {
        return given().auth().oauth2(TenantApi.managementToken()).queryParam("email", email)
                .get(tenant() + "api/v2/users-by-email").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.user_id.startsWith('email|') }");
    }

    static long setPasswordEvents() {
        return TenantApi.events(Map.of("type", "sapi", "operation", "set_password")).size();
    }

    /** Waits for a request the tenant is still carrying out (the slow answer): bounded, polling its state. */
    static void eventually(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The leftovers' sweep, once their grace has passed on the portal's clock. */
    static void sweepLeftoversLater() {
        io.quarkus.arc.Arc.container().instance(PortalTestClock.class).get().advance(Duration.ofHours(2));
        io.quarkus.arc.Arc.container().instance(Leftovers.class).get().sweep();
    }
}
