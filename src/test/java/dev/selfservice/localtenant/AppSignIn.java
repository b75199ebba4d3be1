package dev.selfservice.localtenant;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import dev.selfservice.support.Browser;
import io.restassured.response.Response;

/**
 * An application signing employees in through the local tenant (the authorization code flow with PKCE, as the
 * portal's web client), for the tests of post-login Actions: the browser stops at any redirect to the portal's
 * address, the callback or a page an Action sends the employee to, so that the test plays that site.
 */
public final class AppSignIn {

    public static final String CLIENT = "portal-dev";
    public static final String SECRET = "portal-dev-secret";
    public static final String APP_STATE = "app-st4te";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-post-login-actions";

    private AppSignIn() {
    }

    public static String callback() {
        return portal() + "/callback";
    }

    public static Browser browser() {
        return new Browser().stoppingAt(portal());
    }

    public static String authorizeUrl(String extra) {
        return authorizeUrl(CLIENT, callback(), extra);
    }

    /** The authorize request of another application of the tenant. */
    public static String authorizeUrl(String clientId, String callback, String extra) {
        return tenant() + "authorize?response_type=code&client_id=" + clientId + "&redirect_uri=" + enc(callback)
                + "&scope=openid%20profile%20email&state=" + APP_STATE + "&nonce=n0nce&connection=corp-ad"
                + "&code_challenge_method=S256&code_challenge=" + challenge() + extra;
    }

    /** Signs the user in on the tenant's login page; answers where the tenant sent the browser then. */
    public static URI signIn(Browser browser, String user) {
        return signIn(browser, user, "");
    }

    /** The same, with more parameters of the authorize request ({@code &prompt=login}). */
    public static URI signIn(Browser browser, String user, String extra) {
        return signInAt(browser, authorizeUrl(extra), user);
    }

    /** Signs the user in on the login page this authorize request leads to. */
    public static URI signInAt(Browser browser, String authorizeUrl, String user) {
        Browser.Page login = browser.get(authorizeUrl);
        assertThat(login.path()).isEqualTo("/u/login");
        return redirected(browser.submit(login, "form", Map.of("username", user, "password", DEMO_PASSWORD)));
    }

    /** Opens a URL of the tenant (an authorize with the tenant session, or /continue); answers where it sent the browser. */
    public static URI open(Browser browser, String url) {
        return redirected(browser.get(url));
    }

    private static URI redirected(Browser.Page page) {
        assertThat(page.status()).as("a redirect to the portal's address, not: " + page.body()).isEqualTo(302);
        return page.uri();
    }

    public static boolean isCallback(URI uri) {
        return uri.toString().startsWith(callback() + "?");
    }

    public static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }

    public static Response exchange(String code) {
        return exchange(CLIENT, SECRET, callback(), code);
    }

    public static Response exchange(String clientId, String secret, String callback, String code) {
        return given().formParam("grant_type", "authorization_code").formParam("client_id", clientId)
                .formParam("client_secret", secret).formParam("code", code).formParam("redirect_uri", callback)
                .formParam("code_verifier", VERIFIER).post(tenant() + "oauth/token");
    }

    public static String continueUrl(String state, Map<String, String> params) {
        StringBuilder url = new StringBuilder(tenant() + "continue?state=" + enc(state));
        params.forEach((k, v) -> url.append('&').append(enc(k)).append('=').append(enc(v)));
        return url.toString();
    }

    /** A JWT signed with HS256, as the site an Action redirected to signs its answer. */
    public static String sign(String secret, Map<String, Object> claims) {
        org.jose4j.jwt.JwtClaims jwt = new org.jose4j.jwt.JwtClaims();
        claims.forEach(jwt::setClaim);
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload(jwt.toJson());
        jws.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new org.jose4j.keys.HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of an HS256 token, if it is signed with the secret (an exception otherwise). */
    public static Map<String, Object> verify(String secret, String token) throws Exception {
        return new org.jose4j.jwt.consumer.JwtConsumerBuilder()
                .setVerificationKey(new org.jose4j.keys.HmacKey(secret.getBytes(StandardCharsets.UTF_8)))
                .setRelaxVerificationKeyValidation().setSkipDefaultAudienceValidation().setSkipAllDefaultValidators()
                .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT,
                        org.jose4j.jws.AlgorithmIdentifiers.HMAC_SHA256)
                .build().processToClaims(token).getClaimsMap();
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
