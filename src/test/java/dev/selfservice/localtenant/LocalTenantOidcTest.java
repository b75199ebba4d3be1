package dev.selfservice.localtenant;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The local tenant's OIDC surface, driven as an application drives Auth0: discovery, JWKS, the authorization code
 * flow with PKCE, the token endpoint's client authentication and errors, userinfo and logout.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class LocalTenantOidcTest {

    private static final String CLIENT = "portal-dev";
    private static final String SECRET = "portal-dev-secret";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-local-tenant-test";

    private static String callback() {
        return dev.selfservice.support.LocalTenantUrls.portal() + "/callback";
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String authorizeUrl(String extra) throws Exception {
        return tenant() + "authorize?response_type=code&client_id=" + CLIENT + "&redirect_uri=" + enc(callback())
                + "&scope=openid%20profile%20email&state=st4te&nonce=n0nce&connection=corp-ad"
                + "&code_challenge_method=S256&code_challenge=" + challenge(VERIFIER) + extra;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }

    /** Signs in on the tenant's login page and returns the callback the tenant redirected to. */
    private static URI signIn(Browser browser, String authorizeUrl, String user) {
        Page login = browser.get(authorizeUrl);
        assertThat(login.path()).isEqualTo("/u/login");
        Page callback = browser.submit(login, "form", Map.of("username", user, "password", DEMO_PASSWORD));
        assertThat(callback.status()).isEqualTo(302);
        return callback.uri();
    }

    private static Response exchange(String code, String verifier) {
        return given().formParam("grant_type", "authorization_code").formParam("client_id", CLIENT)
                .formParam("client_secret", SECRET).formParam("code", code).formParam("redirect_uri", callback())
                .formParam("code_verifier", verifier).post(tenant() + "oauth/token");
    }

    private static JwtClaims verifyIdToken(String idToken) throws Exception {
        HttpsJwks jwks = new HttpsJwks(tenant() + ".well-known/jwks.json");
        return new JwtConsumerBuilder().setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setExpectedIssuer(tenant()).setExpectedAudience(CLIENT).setRequireExpirationTime().build()
                .processToClaims(idToken);
    }

    @Test
    void discoveryHasAuth0sIssuerWithATrailingSlashAndItsPaths() {
        given().get(tenant() + ".well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo(tenant()))
                .body("authorization_endpoint", equalTo(tenant() + "authorize"))
                .body("token_endpoint", equalTo(tenant() + "oauth/token"))
                .body("userinfo_endpoint", equalTo(tenant() + "userinfo"))
                .body("jwks_uri", equalTo(tenant() + ".well-known/jwks.json"))
                .body("end_session_endpoint", equalTo(tenant() + "oidc/logout"))
                .body("revocation_endpoint", equalTo(tenant() + "oauth/revoke"))
                .body("response_modes_supported", org.hamcrest.Matchers.hasItem("form_post"))
                .body("$", not(hasKey("registration_endpoint")));
    }

    @Test
    void everyAdvertisedEndpointAnswers() {
        io.restassured.path.json.JsonPath discovery = given().get(tenant() + ".well-known/openid-configuration").then()
                .extract().jsonPath();
        // revocation: 200 with an empty body for the client's token, 401 without the client's secret
        given().formParam("client_id", CLIENT).formParam("client_secret", SECRET).formParam("token", "any-token")
                .post(discovery.getString("revocation_endpoint")).then().statusCode(200).body(equalTo(""));
        given().formParam("client_id", CLIENT).formParam("client_secret", "wrong").formParam("token", "any-token")
                .post(discovery.getString("revocation_endpoint")).then().statusCode(401);
        // RP-initiated logout returns to an allowed logout URL with the state, and refuses any other
        String allowed = dev.selfservice.support.LocalTenantUrls.portal() + "/";
        given().redirects().follow(false).queryParam("client_id", CLIENT).queryParam("post_logout_redirect_uri", allowed)
                .queryParam("state", "s1").get(discovery.getString("end_session_endpoint")).then().statusCode(302)
                .header("Location", equalTo(allowed + "?state=s1"));
        given().redirects().follow(false).queryParam("client_id", CLIENT)
                .queryParam("post_logout_redirect_uri", "https://evil.example/").get(discovery.getString("end_session_endpoint"))
                .then().statusCode(400);
    }

    @Test
    void rpLogoutEndsTheTenantSessionNamedByTheIdTokenHint() throws Exception {
        Browser browser = new Browser().stoppingAt(callback());
        Map<String, String> first = query(signIn(browser, authorizeUrl(""), "alice"));
        String idToken = exchange(first.get("code"), VERIFIER).then().statusCode(200).extract().path("id_token");
        // the session lets a second authorize through without the login page...
        assertThat(browser.get(authorizeUrl("")).uri().toString()).startsWith(callback());
        Page out = browser.get(tenant() + "oidc/logout?id_token_hint=" + enc(idToken) + "&post_logout_redirect_uri="
                + enc(dev.selfservice.support.LocalTenantUrls.portal() + "/"));
        assertThat(out.uri().toString()).as("back at the application").startsWith(dev.selfservice.support.LocalTenantUrls.portal() + "/");
        // ...and after the logout it no longer does
        assertThat(browser.get(authorizeUrl("")).path()).isEqualTo("/u/login");
        // a hint this tenant did not sign is refused
        given().redirects().follow(false).queryParam("id_token_hint", idToken.substring(0, idToken.lastIndexOf('.')) + ".AAAA")
                .get(tenant() + "oidc/logout").then().statusCode(400);
    }

    @Test
    void theIdTokenOfACodeFlowNamesTheTenantSessionAsSid() throws Exception {
        Browser browser = new Browser().stoppingAt(callback());
        Map<String, String> callbackQuery = query(signIn(browser, authorizeUrl(""), "alice"));
        String idToken = exchange(callbackQuery.get("code"), VERIFIER).then().statusCode(200).extract().path("id_token");
        String session = browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("auth0_sso")).findFirst().orElseThrow().getValue();
        assertThat(verifyIdToken(idToken).getStringClaimValue("sid")).isEqualTo(session);
        // the control: a password-realm grant starts no session, and its ID token has no sid
        String realmToken = given().formParam("grant_type", dev.selfservice.support.TenantApi.PASSWORD_REALM)
                .formParam("client_id", CLIENT).formParam("client_secret", SECRET).formParam("username", "alice")
                .formParam("password", DEMO_PASSWORD).formParam("realm", "corp-ad").formParam("scope", "openid")
                .post(tenant() + "oauth/token").then().statusCode(200).extract().path("id_token");
        assertThat(verifyIdToken(realmToken).hasClaim("sid")).isFalse();
    }

    @Test
    void anUnknownAudienceIsServiceNotFoundAtAuthorizeAndAtTheTokenEndpoint() throws Exception {
        Response refused = given().urlEncodingEnabled(false).redirects().follow(false).get(authorizeUrl("&audience=" + enc("https://api.wrong.example/")));
        assertThat(refused.statusCode()).isEqualTo(302);
        Map<String, String> error = query(URI.create(refused.header("Location")));
        assertThat(error).containsEntry("error", "access_denied")
                .containsEntry("error_description", "Service not found: https://api.wrong.example/")
                .containsEntry("state", "st4te");
        // the control: the tenant's own API (the Management API) is an audience it knows
        Response known = given().urlEncodingEnabled(false).redirects().follow(false).get(authorizeUrl("&audience=" + enc(tenant() + "api/v2/")));
        assertThat(known.header("Location")).contains("/u/login");

        given().formParam("grant_type", dev.selfservice.support.TenantApi.PASSWORD_REALM).formParam("client_id", CLIENT)
                .formParam("client_secret", SECRET).formParam("username", "alice").formParam("password", DEMO_PASSWORD)
                .formParam("realm", "corp-ad").formParam("audience", "urn:wrong").post(tenant() + "oauth/token").then()
                .statusCode(403).body("error", equalTo("access_denied"))
                .body("error_description", equalTo("Service not found: urn:wrong"));
    }

    @Test
    void formPostAnswersAPageThatPostsTheCodeToTheCallback() throws Exception {
        Browser browser = new Browser().stoppingAt(callback());
        Page login = browser.get(authorizeUrl("&response_mode=form_post"));
        Page answer = browser.submit(login, "form", Map.of("username", "alice", "password", DEMO_PASSWORD));
        assertThat(answer.status()).isEqualTo(200);
        org.jsoup.nodes.Element form = answer.document().selectFirst("form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo(callback());
        assertThat(form.select("input[name=state]").attr("value")).isEqualTo("st4te");
        String code = form.select("input[name=code]").attr("value");
        exchange(code, VERIFIER).then().statusCode(200);
        assertThat(answer.headers().get("Content-Security-Policy").get(0)).contains("script-src 'nonce-");
        // the control: without a response mode the code comes in the callback's query
        Browser other = new Browser().stoppingAt(callback());
        assertThat(query(signIn(other, authorizeUrl(""), "bob"))).containsKey("code");
    }

    @Test
    void jwksPublishesOnlyThePublicRs256KeyWithAKid() {
        given().get(tenant() + ".well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig")).body("keys[0]", hasKey("kid"))
                .body("keys[0]", not(hasKey("d"))).body("keys[0]", not(hasKey("p")));
    }

    @Test
    void theLoginPageLetsTheBrowserGoOnlyToRegisteredCallbackAndLogoutOrigins() throws Exception {
        String csp = given().urlEncodingEnabled(false).get(authorizeUrl("")).then().statusCode(200).extract().header("Content-Security-Policy");
        String formAction = Arrays.stream(csp.split(";")).map(String::trim).filter(d -> d.startsWith("form-action "))
                .findFirst().orElseThrow();
        URI portal = URI.create(dev.selfservice.support.LocalTenantUrls.portal());
        // the test profile registers the portal's callback and logout URLs, all on one origin
        assertThat(formAction.split(" ")).containsExactlyInAnyOrder("form-action", "'self'",
                portal.getScheme() + "://" + portal.getHost() + ":" + portal.getPort());
        assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'");
    }

    @Test
    void anOutOfRangeMaxAgeIsNoServerError() throws Exception {
        for (String maxAge : new String[] { "9223372036854775807", "-9223372036854775808", "-1" }) {
            int status = given().urlEncodingEnabled(false).redirects().follow(false).get(authorizeUrl("&max_age=" + maxAge))
                    .then().extract().statusCode();
            assertThat(status).as("max_age=" + maxAge).isLessThan(500);
        }
    }

    @Test
    void anUnknownClientGetsAnErrorPageAndNoRedirect() {
        given().redirects().follow(false).queryParam("response_type", "code").queryParam("client_id", "evil")
                .queryParam("redirect_uri", "https://evil.example/cb").get(tenant() + "authorize")
                .then().statusCode(400).header("Location", (String) null);
    }

    @Test
    void anUnregisteredCallbackGetsAnErrorPageAndNoRedirect() {
        given().redirects().follow(false).queryParam("response_type", "code").queryParam("client_id", CLIENT)
                .queryParam("redirect_uri", "https://evil.example/callback").get(tenant() + "authorize")
                .then().statusCode(400).header("Location", (String) null);
    }

    @Test
    void theCodeFlowWithPkceGivesAVerifiableIdTokenWithTheAdProfile() throws Exception {
        URI callback = signIn(new Browser().stoppingAt(callback()), authorizeUrl(""), "bob");
        Map<String, String> params = query(callback);
        assertThat(params).containsEntry("state", "st4te").containsKey("code");

        Response tokens = exchange(params.get("code"), VERIFIER);
        tokens.then().statusCode(200).body("token_type", equalTo("Bearer")).body("expires_in", equalTo(86400));

        JwtClaims id = verifyIdToken(tokens.path("id_token"));
        assertThat(id.getSubject()).startsWith("ad|corp-ad|");
        assertThat(id.getClaimValueAsString("nonce")).isEqualTo("n0nce");
        assertThat(id.getClaimValueAsString("nickname")).isEqualTo("bob");
        assertThat(id.getClaimValueAsString("name")).isEqualTo("Bob Baker");
        assertThat(id.getClaimValueAsString("email")).isEqualTo("bob@corp.example");
        assertThat(id.hasClaim("auth_time")).isTrue();

        given().auth().oauth2(tokens.path("access_token")).get(tenant() + "userinfo").then().statusCode(200)
                .body("sub", equalTo(id.getSubject())).body("nickname", equalTo("bob"));
    }

    @Test
    void aCodeIsRefusedWithTheWrongVerifierAndCannotBeUsedTwice() throws Exception {
        String code = query(signIn(new Browser().stoppingAt(callback()), authorizeUrl(""), "bob")).get("code");

        exchange(code, VERIFIER.replace('d', 'e')).then().statusCode(403).body("error", equalTo("invalid_grant"));
        // the failed try used the code up, as a one-time code must be
        exchange(code, VERIFIER).then().statusCode(403).body("error", equalTo("invalid_grant"));

        String fresh = query(signIn(new Browser().stoppingAt(callback()), authorizeUrl(""), "bob")).get("code");
        exchange(fresh, VERIFIER).then().statusCode(200);
        exchange(fresh, VERIFIER).then().statusCode(403).body("error", equalTo("invalid_grant"));
    }

    @Test
    void theClientAuthenticatesWithHttpBasicAndABadSecretIsAccessDenied() throws Exception {
        String code = query(signIn(new Browser().stoppingAt(callback()), authorizeUrl(""), "bob")).get("code");
        given().formParam("grant_type", "authorization_code").formParam("client_id", CLIENT)
                .formParam("client_secret", "wrong").formParam("code", code).formParam("redirect_uri", callback())
                .formParam("code_verifier", VERIFIER).post(tenant() + "oauth/token")
                .then().statusCode(401).body("error", equalTo("access_denied"));

        String other = query(signIn(new Browser().stoppingAt(callback()), authorizeUrl(""), "bob")).get("code");
        given().auth().preemptive().basic(CLIENT, SECRET).formParam("grant_type", "authorization_code")
                .formParam("code", other).formParam("redirect_uri", callback()).formParam("code_verifier", VERIFIER)
                .post(tenant() + "oauth/token").then().statusCode(200).body("$", hasKey("id_token"));
    }

    @Test
    void aGrantTheClientMayNotUseIsUnauthorizedClient() {
        given().formParam("grant_type", "client_credentials").formParam("audience", tenant() + "api/v2/")
                .formParam("client_id", CLIENT).formParam("client_secret", SECRET).post(tenant() + "oauth/token")
                .then().statusCode(403).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void withAnAudienceTheAccessTokenIsAJwtForThatAudience() throws Exception {
        String code = query(signIn(new Browser().stoppingAt(callback()), authorizeUrl("&audience=urn%3Aportal-api"), "bob"))
                .get("code");
        String accessToken = exchange(code, VERIFIER).path("access_token");
        HttpsJwks jwks = new HttpsJwks(tenant() + ".well-known/jwks.json");
        JwtClaims claims = new JwtConsumerBuilder().setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setExpectedIssuer(tenant()).setExpectedAudience("urn:portal-api").build().processToClaims(accessToken);
        assertThat(claims.getSubject()).startsWith("ad|corp-ad|");
    }

    @Test
    void theTenantSessionSkipsTheLoginPageUnlessPromptIsLogin() throws Exception {
        Browser browser = new Browser().stoppingAt(callback());
        signIn(browser, authorizeUrl(""), "bob");

        Page silent = browser.get(authorizeUrl(""));
        assertThat(silent.status()).as("signed in at the tenant: straight back with a code").isEqualTo(302);
        assertThat(query(silent.uri())).containsKey("code");

        Page forced = browser.get(authorizeUrl("&prompt=login"));
        assertThat(forced.path()).isEqualTo("/u/login");
    }

    @Test
    void maxAgeAsksForTheLoginAgainWhenTheSignInIsOlder() throws Exception {
        Browser browser = new Browser().stoppingAt(callback());
        signIn(browser, authorizeUrl(""), "bob");

        assertThat(browser.get(authorizeUrl("&max_age=3600")).status()).as("signed in within the hour").isEqualTo(302);
        dev.selfservice.support.TenantApi.advanceClock(2);
        assertThat(browser.get(authorizeUrl("&max_age=1")).path()).as("signed in over a second ago").isEqualTo("/u/login");
    }

    @Test
    void promptNoneWithoutATenantSessionReturnsLoginRequired() throws Exception {
        Page page = new Browser().stoppingAt(callback()).get(authorizeUrl("&prompt=none"));
        assertThat(query(page.uri())).containsEntry("error", "login_required").containsEntry("state", "st4te");
    }

    @Test
    void aUserBlockedInTheTenantGoesBackWithUserIsBlocked() throws Exception {
        URI callback = signIn(new Browser().stoppingAt(callback()), authorizeUrl(""), "grace");
        assertThat(query(callback)).containsEntry("error", "unauthorized")
                .containsEntry("error_description", "user is blocked").containsEntry("state", "st4te");
    }

    @Test
    void tenFailedLoginsOnTheLoginPageBlockThatUsernameFromThatAddress() throws Exception {
        Browser browser = new Browser().stoppingAt(callback());
        Page login = browser.get(authorizeUrl(""));
        for (int i = 0; i < 10; i++) {
            login = browser.submit(login, "form", Map.of("username", "ghost", "password", "wrong-" + i));
            assertThat(login.status()).isEqualTo(400);
        }
        Page blocked = browser.submit(login, "form", Map.of("username", "ghost", "password", "wrong"));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.text("#error-message")).contains("blocked after multiple consecutive login attempts");
    }

    @Test
    void logoutReturnsOnlyToAnAllowedUrl() {
        given().redirects().follow(false).queryParam("client_id", CLIENT).queryParam("returnTo", "https://evil.example/")
                .get(tenant() + "v2/logout").then().statusCode(400).header("Location", (String) null);
        String allowed = dev.selfservice.support.LocalTenantUrls.portal() + "/";
        given().redirects().follow(false).queryParam("client_id", CLIENT).queryParam("returnTo", allowed)
                .get(tenant() + "v2/logout").then().statusCode(302).header("Location", startsWith(allowed));
    }

    @Test
    void userinfoRefusesAnUnknownToken() {
        given().auth().oauth2("not-a-token").get(tenant() + "userinfo").then().statusCode(401);
    }
}
