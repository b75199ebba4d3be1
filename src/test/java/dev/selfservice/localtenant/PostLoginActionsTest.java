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
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Jwts;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The local tenant runs post-login Actions' own JavaScript as Auth0 does: the event it gives them, what their
 * {@code api} does (metadata, deny, redirect with signed tokens), {@code /continue} and its single-use state, and an
 * Action that throws or does not parse. The Actions here are small files under {@code src/test/resources/actions}.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class PostLoginActionsTest {

    private static final String SECRET = "a-secret-shared-with-the-redirect-target-0123456789";

    private static String target() {
        return portal() + "/somewhere-else";
    }

    private static void bindRedirectAction() {
        TenantApi.bindPostLoginActions(List.of("src/test/resources/actions/redirects.js"),
                Map.of("SECRET", SECRET, "TARGET", target()));
    }

    private static String answer(String state, String subject, Map<String, Object> extra) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("state", state, "sub", subject,
                "exp", Instant.now().getEpochSecond() + 300));
        claims.putAll(extra);
        return sign(SECRET, claims);
    }

    @Test
    void anActionIsGivenTheLoginAsAuth0DescribesItAndItsMetadataIsKept() {
        TenantApi.bindPostLoginActions(List.of("src/test/resources/actions/records-event.js"), Map.of("GREETING", "hello"));
        Browser browser = browser();
        Instant before = Instant.now();
        URI callback = signIn(browser, "alice");
        assertThat(isCallback(callback)).isTrue();
        String alice = TenantApi.adUserId("alice");
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) TenantApi.appMetadata(alice).get("seen");
        assertThat(seen).containsEntry("user_id", alice).containsEntry("identities", List.of("ad"))
                .containsEntry("connection", "corp-ad").containsEntry("strategy", "ad")
                .containsEntry("client_id", "portal-dev").containsEntry("protocol", "oidc-basic-profile")
                .containsEntry("methods", List.of("pwd")).containsEntry("greeting", "hello")
                .containsEntry("can_redirect", true).containsEntry("prompt", null);
        Instant passwordAt = Instant.parse((String) seen.get("method_time"));
        assertThat(passwordAt).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));

        // a silent sign-in through the tenant session: no redirect is possible, the password time is the first one's;
        // and the Action's Date follows the tenant's clock
        TenantApi.advanceClock(3600);
        assertThat(isCallback(open(browser, authorizeUrl("&prompt=none")))).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> silent = (Map<String, Object>) TenantApi.appMetadata(alice).get("seen");
        assertThat(silent).containsEntry("prompt", "none").containsEntry("can_redirect", false)
                .containsEntry("method_time", seen.get("method_time"));
        assertThat(Instant.parse((String) silent.get("now"))).isAfter(Instant.now().plusSeconds(3000));
    }

    @Test
    void anActionThatThrowsFailsTheLoginWithItsMessageAsAuth0DoesAndTheTenantLogsIt() {
        TenantApi.bindPostLoginActions(List.of("src/test/resources/actions/throws.js"), Map.of());
        URI callback = signIn(browser(), "alice");
        assertThat(query(callback)).containsEntry("error", "access_denied").containsEntry("state", APP_STATE)
                .doesNotContainKey("code");
        assertThat(query(callback).get("error_description")).contains("the action broke");
        assertThat(TenantApi.events(Map.of("type", "f"))).anyMatch(e -> e.get("description").contains("the action broke"));
    }

    @Test
    void anActionThatDeniesAccessSendsTheApplicationAccessDeniedWithItsReason() {
        TenantApi.bindPostLoginActions(List.of("src/test/resources/actions/denies.js"), Map.of());
        URI callback = signIn(browser(), "alice");
        assertThat(query(callback)).containsEntry("error", "access_denied").containsEntry("error_description", "not today")
                .doesNotContainKey("code");
    }

    @Test
    void aRedirectSuspendsTheLoginWithASignedTokenUntilContinueResumesItAndTheCodeThenWorks() throws Exception {
        bindRedirectAction();
        Browser browser = browser();
        URI sent = signIn(browser, "alice");
        assertThat(sent.toString()).startsWith(target() + "?");
        Map<String, String> params = query(sent);
        String state = params.get("state");
        assertThat(state).isNotBlank().isNotEqualTo(APP_STATE);
        Map<String, Object> token = verify(SECRET, params.get("session_token"));
        String alice = TenantApi.adUserId("alice");
        long now = Instant.now().getEpochSecond();
        assertThat(token).containsEntry("iss", URI.create(tenant()).getAuthority()).containsEntry("sub", alice)
                .containsEntry("state", state).containsEntry("hello", "world");
        assertThat(((Number) token.get("exp")).longValue() - ((Number) token.get("iat")).longValue()).isEqualTo(900);
        assertThat(((Number) token.get("iat")).longValue()).isBetween(now - 60, now + 1);
        assertThat(TenantApi.appMetadata(alice)).doesNotContainKey("answered");

        URI callback = open(browser, continueUrl(state, Map.of("answer", answer(state, alice, Map.of("choice", "yes")))));
        assertThat(isCallback(callback)).isTrue();
        assertThat(query(callback)).containsEntry("state", APP_STATE).containsKey("code");
        String idToken = exchange(query(callback).get("code")).then().statusCode(200).extract().path("id_token");
        assertThat(Jwts.subject(idToken)).isEqualTo(alice);
        assertThat(TenantApi.appMetadata(alice)).containsEntry("answered", "yes");
    }

    @Test
    void continueAnswersAnUnknownMissingOrUsedStateWithInvalidRequest() {
        bindRedirectAction();
        Browser browser = browser();
        String state = query(signIn(browser, "alice")).get("state");
        String alice = TenantApi.adUserId("alice");
        String resume = continueUrl(state, Map.of("answer", answer(state, alice, Map.of("choice", "yes"))));
        assertThat(isCallback(open(browser, resume))).isTrue();

        for (String url : List.of(resume, continueUrl("not-a-state-of-this-tenant", Map.of()), tenant() + "continue")) {
            Browser.Page page = browser.get(url);
            assertThat(page.status()).as(url).isEqualTo(400);
            assertThat(page.body()).contains("invalid_request");
        }
    }

    @Test
    void aStateResumesOneLoginOnlyEvenUnderParallelContinues() {
        bindRedirectAction();
        String state = query(signIn(browser(), "alice")).get("state");
        String resume = continueUrl(state, Map.of("answer", answer(state, TenantApi.adUserId("alice"), Map.of("choice", "yes"))));
        List<Integer> statuses = Parallel.times(8, () -> given().redirects().follow(false).get(resume).statusCode());
        assertThat(statuses).containsOnly(302, 400);
        assertThat(statuses).filteredOn(s -> s == 302).hasSize(1);
    }

    @Test
    void validateTokenRefusesAnAnswerForAnotherLoginAnotherUserAnotherSecretOrPastItsExpiry() {
        bindRedirectAction();
        String alice = TenantApi.adUserId("alice");
        Map<String, java.util.function.Function<String, String>> forgeries = new java.util.LinkedHashMap<>();
        forgeries.put("another login's state", state -> answer("another-state", alice, Map.of("choice", "yes")));
        forgeries.put("another user", state -> answer(state, TenantApi.adUserId("bob"), Map.of("choice", "yes")));
        forgeries.put("another secret", state -> sign("not-the-shared-secret-at-all-0123456789",
                Map.of("state", state, "sub", alice, "exp", Instant.now().getEpochSecond() + 300, "choice", "yes")));
        forgeries.put("expired", state -> answer(state, alice, Map.of("choice", "yes", "exp", Instant.now().getEpochSecond() - 1)));
        forgeries.put("unsigned", state -> {
            String signed = answer(state, alice, Map.of("choice", "yes"));
            return "eyJhbGciOiJub25lIn0." + signed.split("\\.")[1] + ".";
        });
        forgeries.forEach((what, forge) -> {
            Browser browser = browser();
            String state = query(signIn(browser, "alice")).get("state");
            URI callback = open(browser, continueUrl(state, Map.of("answer", forge.apply(state))));
            assertThat(query(callback)).as(what).containsEntry("error", "access_denied").doesNotContainKey("code");
            assertThat(query(callback).get("error_description")).as(what).contains("validateToken");
        });
        assertThat(TenantApi.appMetadata(alice)).doesNotContainKey("answered");
        // the positive control: the same flow with a right answer is taken
        Browser browser = browser();
        String state = query(signIn(browser, "alice")).get("state");
        assertThat(isCallback(open(browser, continueUrl(state, Map.of("answer", answer(state, alice, Map.of("choice", "yes")))))))
                .isTrue();
        assertThat(TenantApi.appMetadata(alice)).containsEntry("answered", "yes");
    }

    @Test
    void anActionFileThatDoesNotParseIsRefusedWhenBoundAsAuth0RefusesToDeployIt() throws Exception {
        Path broken = Files.createTempFile("broken-action", ".js");
        try {
            Files.writeString(broken, "exports.onExecutePostLogin = async (event, api) => {\n  if (true {\n};\n");
            given().contentType(ContentType.JSON)
                    .body(Map.of("postLogin", List.of(broken.toString()), "secrets", Map.of()))
                    .post(tenant() + "test-controls/actions").then().statusCode(400)
                    .body("error", org.hamcrest.Matchers.containsString("does not parse"));
            given().contentType(ContentType.JSON)
                    .body(Map.of("postLogin", List.of("src/test/resources/actions/no-such-action.js"), "secrets", Map.of()))
                    .post(tenant() + "test-controls/actions").then().statusCode(400)
                    .body("error", org.hamcrest.Matchers.containsString("cannot be read"));
        } finally {
            Files.deleteIfExists(broken);
        }
    }
}
