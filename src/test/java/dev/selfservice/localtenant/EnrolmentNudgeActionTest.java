package dev.selfservice.localtenant;

import static dev.selfservice.localtenant.AppSignIn.APP_STATE;
import static dev.selfservice.localtenant.AppSignIn.authorizeUrl;
import static dev.selfservice.localtenant.AppSignIn.browser;
import static dev.selfservice.localtenant.AppSignIn.continueUrl;
import static dev.selfservice.localtenant.AppSignIn.exchange;
import static dev.selfservice.localtenant.AppSignIn.isCallback;
import static dev.selfservice.localtenant.AppSignIn.open;
import static dev.selfservice.localtenant.AppSignIn.query;
import static dev.selfservice.localtenant.AppSignIn.sign;
import static dev.selfservice.localtenant.AppSignIn.signIn;
import static dev.selfservice.localtenant.AppSignIn.verify;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Jwts;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The enrolment nudge Action ({@code deploy/auth0/actions/enrolment-nudge.js}), its own file run by the local tenant
 * as Auth0 would run it: who is sent to the portal's nudge page and with what token, what the portal's signed answer
 * does at {@code /continue}, snoozes by the tenant's clock, and that no error of the Action blocks a sign-in.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class EnrolmentNudgeActionTest {

    static final String ACTION = "deploy/auth0/actions/enrolment-nudge.js";
    private static final String NUDGE_SECRET = "nudge-secret-shared-by-the-tenant-and-the-portal-0123456789";

    private static String nudgeUrl() {
        return portal() + "/nudge";
    }

    private static Map<String, String> secrets() {
        return Map.of("NUDGE_URL", nudgeUrl(), "NUDGE_SECRET", NUDGE_SECRET, "AD_CONNECTION", "corp-ad");
    }

    private static void bindTheAction(Map<String, String> secrets) {
        TenantApi.bindPostLoginActions(List.of(ACTION), secrets);
    }

    private static boolean isNudge(URI uri) {
        return uri.toString().startsWith(nudgeUrl() + "?");
    }

    /** The portal's signed answer for the nudge of this login. */
    private static String result(String state, String userId, Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(Map.of("state", state, "sub", userId,
                "exp", Instant.now().getEpochSecond() + 300));
        all.putAll(claims);
        return sign(NUDGE_SECRET, all);
    }

    /** Signs alice in, is nudged, and answers with this result; answers where the tenant sent the browser then. */
    private static URI nudgedThenAnswered(Browser browser, Map<String, Object> answer) {
        URI nudge = signIn(browser, "alice");
        assertThat(isNudge(nudge)).as("nudged: " + nudge).isTrue();
        String state = query(nudge).get("state");
        return open(browser, continueUrl(state, Map.of("nudge_result", result(state, TenantApi.adUserId("alice"), answer))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nudgeMetadata(String username) {
        return (Map<String, Object>) TenantApi.appMetadata(TenantApi.adUserId(username)).get("enrolment_nudge");
    }

    @Test
    void anEmployeeWithoutAContactSigningInIsSentToTheNudgeWithAShortLivedTokenOfThisLogin() throws Exception {
        bindTheAction(secrets());
        Instant before = Instant.now();
        URI nudge = signIn(browser(), "alice");

        assertThat(isNudge(nudge)).as(nudge.toString()).isTrue();
        Map<String, String> params = query(nudge);
        assertThat(params).containsOnlyKeys("session_token", "state");
        Map<String, Object> token = verify(NUDGE_SECRET, params.get("session_token"));
        assertThat(token).containsOnlyKeys("iss", "sub", "iat", "exp", "state", "auth_time", "amr", "client_id", "snoozes",
                "reason")
                .containsEntry("reason", "enrol")
                .containsEntry("iss", URI.create(tenant()).getAuthority())
                .containsEntry("sub", TenantApi.adUserId("alice"))
                .containsEntry("state", params.get("state"))
                .containsEntry("amr", List.of("pwd"))
                .containsEntry("client_id", "portal-dev");
        assertThat(((Number) token.get("snoozes")).intValue()).isZero();
        assertThat(((Number) token.get("exp")).longValue() - ((Number) token.get("iat")).longValue()).isEqualTo(300);
        assertThat(((Number) token.get("auth_time")).longValue())
                .isBetween(before.getEpochSecond() - 1, Instant.now().getEpochSecond() + 1);
    }

    @Test
    void anEmployeeSigningInToAnotherApplicationIsNudgedToAndLandsBackInThatApplication() throws Exception {
        String intranet = portal() + "/intranet/callback";
        TenantApi.registerApplication("intranet", "intranet-secret", intranet);
        bindTheAction(secrets());
        Browser browser = browser();
        URI nudge = AppSignIn.signInAt(browser, authorizeUrl("intranet", intranet, ""), "alice");
        assertThat(isNudge(nudge)).as(nudge.toString()).isTrue();
        String state = query(nudge).get("state");
        assertThat(verify(NUDGE_SECRET, query(nudge).get("session_token"))).containsEntry("client_id", "intranet");

        String alice = TenantApi.adUserId("alice");
        URI back = open(browser, continueUrl(state, Map.of("nudge_result", result(state, alice, Map.of("outcome", "enrolled")))));
        assertThat(back.toString()).startsWith(intranet + "?");
        assertThat(query(back)).containsEntry("state", APP_STATE);
        String idToken = exchange("intranet", "intranet-secret", intranet, query(back).get("code")).then().statusCode(200)
                .extract().path("id_token");
        assertThat(Jwts.subject(idToken)).isEqualTo(alice);
        assertThat(Jwts.claims(idToken)).containsEntry("aud", "intranet");
    }

    @Test
    void anEmployeeWithALinkedEmailOrPhoneIsNeverSentToTheNudge() {
        bindTheAction(secrets());
        // bob has a recovery email
        assertThat(isCallback(signIn(browser(), "bob"))).isTrue();
        // alice without one is nudged (the control); with a phone linked, she is not
        assertThat(isNudge(signIn(browser(), "alice"))).isTrue();
        TenantApi.linkContact("alice", "sms", "+14155550177");
        URI callback = signIn(browser(), "alice");
        assertThat(isCallback(callback)).as(callback.toString()).isTrue();
        assertThat(query(callback)).containsKey("code").containsEntry("state", APP_STATE);
    }

    @Test
    void withReconfirmAfterDaysAContactAddedLongAgoIsNudgedForIsThisStillYoursAndARecentOneIsNot() throws Exception {
        Map<String, String> secrets = new HashMap<>(secrets());
        secrets.put("RECONFIRM_AFTER_DAYS", "180");
        bindTheAction(secrets);
        String alice = TenantApi.adUserId("alice");
        String phone = TenantApi.linkContact("alice", "sms", "+14155550177");
        datedContact(alice, phone, "enrolled_at", Instant.now().minus(Duration.ofDays(10)));
        assertThat(isCallback(signIn(browser(), "alice"))).as("added 10 days ago").isTrue();

        datedContact(alice, phone, "enrolled_at", Instant.now().minus(Duration.ofDays(181)));
        URI nudge = signIn(browser(), "alice");
        assertThat(isNudge(nudge)).as("added 181 days ago: " + nudge).isTrue();
        assertThat(verify(NUDGE_SECRET, query(nudge).get("session_token"))).containsEntry("reason", "reconfirm");

        datedContact(alice, phone, "confirmed_at", Instant.now().minus(Duration.ofDays(1)));
        assertThat(isCallback(signIn(browser(), "alice"))).as("confirmed yesterday").isTrue();

        // the control: without the secret, a contact's age never nudges
        datedContact(alice, phone, "confirmed_at", Instant.now().minus(Duration.ofDays(400)));
        assertThat(isNudge(signIn(browser(), "alice"))).isTrue();
        bindTheAction(secrets());
        assertThat(isCallback(signIn(browser(), "alice"))).isTrue();
    }

    private static void datedContact(String userId, String contactId, String key, Instant when) {
        TenantApi.dateContact(userId, contactId, key, when);
    }

    @Test
    void aSilentSignInIsNeverNudgedButAnInteractiveOneThroughTheTenantSessionIs() {
        bindTheAction(secrets());
        Browser browser = browser();
        assertThat(isCallback(nudgedThenAnswered(browser, Map.of("outcome", "enrolled")))).isTrue();

        URI silent = open(browser, authorizeUrl("&prompt=none"));
        assertThat(isCallback(silent)).as(silent.toString()).isTrue();
        assertThat(query(silent)).containsKey("code");
        // the control: the same tenant session without prompt=none can be redirected, and is
        assertThat(isNudge(open(browser, authorizeUrl("")))).isTrue();
    }

    @Test
    void thePortalsOwnSignInAgainIsNeverNudgedSoTheNudgePageCanAskForThePassword() {
        Map<String, String> secrets = new HashMap<>(secrets());
        secrets.put("PORTAL_CLIENT_ID", "portal-dev");
        bindTheAction(secrets);
        assertThat(isNudge(signIn(browser(), "alice"))).as("a sign-in to the portal is nudged").isTrue();
        URI again = signIn(browser(), "alice", "&prompt=login");
        assertThat(isCallback(again)).as("the portal's sign in again: " + again).isTrue();
        // the control: the same sign-in again from any other application is nudged
        secrets.put("PORTAL_CLIENT_ID", "another-application");
        bindTheAction(secrets);
        assertThat(isNudge(signIn(browser(), "alice", "&prompt=login"))).isTrue();
    }

    @Test
    void anEnrolledAnswerFinishesTheLoginAndTheApplicationsCodeExchangeWorks() {
        bindTheAction(secrets());
        URI callback = nudgedThenAnswered(browser(), Map.of("outcome", "enrolled"));
        assertThat(isCallback(callback)).as(callback.toString()).isTrue();
        assertThat(query(callback)).containsEntry("state", APP_STATE);
        String idToken = exchange(query(callback).get("code")).then().statusCode(200).extract().path("id_token");
        assertThat(Jwts.subject(idToken)).isEqualTo(TenantApi.adUserId("alice"));
        assertThat(nudgeMetadata("alice")).isNull();
    }

    @Test
    void laterRecordsASnoozeAndTheNudgeComesBackOnlyWhenItEnds() throws Exception {
        bindTheAction(secrets());
        Instant before = Instant.now();
        URI callback = nudgedThenAnswered(browser(), Map.of("outcome", "later", "snooze_seconds", Duration.ofDays(7).toSeconds()));
        assertThat(isCallback(callback)).as(callback.toString()).isTrue();
        exchange(query(callback).get("code")).then().statusCode(200);

        Map<String, Object> snooze = nudgeMetadata("alice");
        assertThat(snooze).containsEntry("snoozes", 1);
        assertThat(Instant.parse((String) snooze.get("snoozed_until")))
                .isBetween(before.plus(Duration.ofDays(7)).minusSeconds(1), Instant.now().plus(Duration.ofDays(7)).plusSeconds(1));

        assertThat(isCallback(signIn(browser(), "alice"))).as("snoozed").isTrue();
        TenantApi.advanceClock(Duration.ofDays(7).minusMinutes(5).toSeconds());
        assertThat(isCallback(signIn(browser(), "alice"))).as("still snoozed five minutes before its end").isTrue();
        TenantApi.advanceClock(Duration.ofMinutes(10).toSeconds());
        URI nudge = signIn(browser(), "alice");
        assertThat(isNudge(nudge)).as("the snooze ended: " + nudge).isTrue();
        assertThat(((Number) verify(NUDGE_SECRET, query(nudge).get("session_token")).get("snoozes")).intValue()).isEqualTo(1);
    }

    @Test
    void aForgedOrForeignAnswerLetsTheLoginGoOnAndRecordsNoSnooze() {
        bindTheAction(secrets());
        String alice = TenantApi.adUserId("alice");
        Map<String, java.util.function.Function<String, String>> forgeries = new java.util.LinkedHashMap<>();
        forgeries.put("another secret", state -> sign("a-secret-the-portal-does-not-have-0123456789", Map.of("state", state,
                "sub", alice, "exp", Instant.now().getEpochSecond() + 300, "outcome", "later", "snooze_seconds", 604800)));
        forgeries.put("another login", state -> result("another-login-state", alice, Map.of("outcome", "later", "snooze_seconds", 604800)));
        forgeries.put("expired", state -> result(state, alice, Map.of("outcome", "later", "snooze_seconds", 604800,
                "exp", Instant.now().getEpochSecond() - 1)));
        forgeries.put("no answer", state -> "");
        forgeries.forEach((what, forge) -> {
            Browser browser = browser();
            URI nudge = signIn(browser, "alice");
            String state = query(nudge).get("state");
            URI callback = open(browser, continueUrl(state, Map.of("nudge_result", forge.apply(state))));
            assertThat(isCallback(callback)).as(what + ": " + callback).isTrue();
            assertThat(query(callback)).as(what).containsKey("code");
            assertThat(nudgeMetadata("alice")).as(what).isNull();
        });
    }

    @Test
    void anErrorInsideTheActionLetsTheSignInGoOn() {
        // no NUDGE_SECRET: encodeToken throws inside the Action
        bindTheAction(Map.of("NUDGE_URL", nudgeUrl(), "AD_CONNECTION", "corp-ad"));
        URI callback = signIn(browser(), "alice");
        assertThat(isCallback(callback)).as(callback.toString()).isTrue();
        assertThat(query(callback)).containsKey("code").doesNotContainKey("error");
        // no NUDGE_URL
        bindTheAction(Map.of("NUDGE_SECRET", NUDGE_SECRET, "AD_CONNECTION", "corp-ad"));
        assertThat(query(signIn(browser(), "alice"))).containsKey("code").doesNotContainKey("error");
    }

    @Test
    void aCopyOfTheActionThatLetsItsErrorsOutOrDoesNotParseFailsHere() throws Exception {
        String source = Files.readString(Path.of(ACTION));
        Path copy = Files.createTempFile("enrolment-nudge-broken", ".js");
        try {
            // without its catch, the missing secret's error reaches the tenant, which fails the login as Auth0 does
            String uncaught = source.replace("console.log('enrolment nudge skipped: ' + (err && err.message));", "throw err;");
            assertThat(uncaught).isNotEqualTo(source);
            Files.writeString(copy, uncaught);
            TenantApi.bindPostLoginActions(List.of(copy.toString()), Map.of("NUDGE_URL", nudgeUrl(), "AD_CONNECTION", "corp-ad"));
            assertThat(query(signIn(browser(), "alice"))).containsEntry("error", "access_denied").doesNotContainKey("code");

            // a syntax error is refused when bound, as Auth0 refuses to deploy it
            Files.writeString(copy, source.substring(0, source.lastIndexOf('}')));
            given().contentType(ContentType.JSON).body(Map.of("postLogin", List.of(copy.toString()), "secrets", secrets()))
                    .post(tenant() + "test-controls/actions").then().statusCode(400)
                    .body("error", org.hamcrest.Matchers.containsString("does not parse"));
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
