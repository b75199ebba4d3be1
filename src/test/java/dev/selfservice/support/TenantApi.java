package dev.selfservice.support;

import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** The local tenant's test controls and outbox, and tokens of its dev clients, for tests. */
public final class TenantApi {

    /**
     * A delay for a tenant answer that must come after the portal's 2-second timeout of the test profile, by far enough
     * that the timeout fires first on a loaded machine too: at 2.6 s, a timer 0.6 s late (three test JVMs and Chromium
     * on two cores) once let the slow answer through.
     */
    public static final long PAST_THE_TIMEOUT_MS = 4000;

    public static final String WEB_CLIENT = "portal-dev";
    public static final String WEB_SECRET = "portal-dev-secret";
    public static final String OTP_CLIENT = "portal-otp-dev";
    public static final String OTP_SECRET = "portal-otp-dev-secret";
    public static final String M2M_CLIENT = "portal-m2m-dev";
    public static final String M2M_SECRET = "portal-m2m-dev-secret";
    public static final String PASSWORD_REALM = "http://auth0.com/oauth/grant-type/password-realm";
    public static final String PASSWORDLESS_OTP = "http://auth0.com/oauth/grant-type/passwordless/otp";

    private TenantApi() {
    }

    /**
     * A clean slate for a test: the whole tenant back to its start (demo directory, users, codes, outbox, blocks,
     * faults, clock), and the portal's state store emptied and its clock put back.
     */
    public static void reset() {
        dev.selfservice.portal.state.PortalState.awaitQuiet();
        given().post(tenant() + "test-controls/reset").then().statusCode(204);
        dev.selfservice.portal.state.PortalState.reset();
    }

    /** The tenant's SMTP server up (accepting mail) or down (connections refused), as a mail relay can be. */
    public static void smtp(boolean up) {
        given().contentType(ContentType.JSON).body(Map.of("up", up)).post(tenant() + "test-controls/smtp").then()
                .statusCode(204);
    }

    /** The notices (not codes) the tenant's SMTP server received for this address, newest first. */
    public static List<Map<String, Object>> notices(String to) {
        return given().queryParam("to", to).queryParam("kind", "notice").get(tenant() + "outbox/messages").then()
                .statusCode(200).extract().jsonPath().getList("$");
    }

    /**
     * Ten wrong passwords for the username through the password-realm grant, as from {@code ip}: Auth0's brute-force
     * protection then pauses that pair, as it would after a real attack.
     */
    public static void pauseByBruteForce(String username, String ip) {
        for (int i = 0; i < 10; i++) {
            given().formParam("grant_type", PASSWORD_REALM).formParam("client_id", WEB_CLIENT)
                    .formParam("client_secret", WEB_SECRET).formParam("username", username)
                    .formParam("password", "guess-" + i).formParam("realm", "corp-ad")
                    .header("auth0-forwarded-for", ip).post(tenant() + "oauth/token");
        }
    }

    /**
     * Binds these post-login Action files (paths from the project's root) with these secrets, until the tenant's next
     * reset ({@code POST /test-controls/actions}).
     */
    public static void bindPostLoginActions(List<String> files, Map<String, String> secrets) {
        given().contentType(ContentType.JSON).body(Map.of("postLogin", files, "secrets", secrets))
                .post(tenant() + "test-controls/actions").then().statusCode(204);
    }

    /**
     * Registers another application of the company (authorization code, the AD connection) until the tenant's next
     * reset ({@code POST /test-controls/clients}).
     */
    public static void registerApplication(String clientId, String secret, String callback) {
        given().contentType(ContentType.JSON).body(Map.of("clientId", clientId, "secret", secret, "callbacks", List.of(callback)))
                .post(tenant() + "test-controls/clients").then().statusCode(204);
    }

    /** The user's {@code app_metadata}, read through the Management API. */
    public static Map<String, Object> appMetadata(String userId) {
        return given().auth().oauth2(managementToken()).get(tenant() + "api/v2/users/" + userId).then().statusCode(200)
                .extract().jsonPath().getMap("app_metadata");
    }

    public static void directoryState(String username, String state) {
        given().contentType(ContentType.JSON).body(Map.of("state", state))
                .post(tenant() + "test-controls/directory/" + username).then().statusCode(204);
    }

    /** The tenant issues its tokens, and names itself in its discovery document, as {@code issuer} until reset. */
    public static void issueAs(String issuer) {
        given().contentType(ContentType.JSON).body(Map.of("issuer", issuer)).post(tenant() + "test-controls/issuer").then()
                .statusCode(204);
    }

    public static void advanceClock(long seconds) {
        given().contentType(ContentType.JSON).body(Map.of("advanceSeconds", seconds))
                .post(tenant() + "test-controls/clock").then().statusCode(204);
    }

    /** Moves time on for the tenant and the portal alike, as it passes for both in the world. */
    public static void advanceClocks(java.time.Duration d) {
        advanceClock(d.toSeconds());
        io.quarkus.arc.Arc.container().instance(PortalTestClock.class).get().advance(d);
    }

    public static void fault(Map<String, Object> fault) {
        given().contentType(ContentType.JSON).body(fault).post(tenant() + "test-controls/faults").then().statusCode(204);
    }

    /** Removes every fault rule, as the tenant's reset does, for a test that goes on without them. */
    public static void clearFaults() {
        given().delete(tenant() + "test-controls/faults").then().statusCode(204);
    }

    public static void managementRateLimit(int perSecond) {
        given().contentType(ContentType.JSON).body(Map.of("perSecond", perSecond))
                .post(tenant() + "test-controls/management-rate-limit").then().statusCode(204);
    }

    /** The newest code sent to an address. */
    public static String latestCode(String to) {
        List<String> codes = given().queryParam("to", to).queryParam("kind", "code").get(tenant() + "outbox/messages").then().statusCode(200)
                .extract().path("code");
        if (codes.isEmpty()) {
            throw new AssertionError("no message to " + to + " in the outbox");
        }
        return codes.get(0);
    }

    /** The tenant's log events since the last reset with these fields, e.g. {@code type=sapi, operation=set_password}. */
    public static List<Map<String, String>> events(Map<String, String> matching) {
        List<Map<String, String>> all = given().get(tenant() + "test-controls/events").then().statusCode(200).extract()
                .jsonPath().getList("$");
        return all.stream().filter(e -> matching.entrySet().stream().allMatch(m -> m.getValue().equals(e.get(m.getKey()))))
                .toList();
    }

    /** Links a fresh passwordless contact to an AD user, as enrolment would. */
    /** Links a passwordless identity of that address to the AD user, and returns its id ({@code sms|...}). */
    public static String linkContact(String username, String connection, String address) {
        String contact = passwordlessSignIn(connection, address);
        given().auth().oauth2(managementToken()).contentType(ContentType.JSON)
                .body(Map.of("provider", connection, "user_id", contact.substring(connection.length() + 1)))
                .post(tenant() + "api/v2/users/" + adUserId(username) + "/identities").then().statusCode(201);
        return contact;
    }

    /**
     * Notes in the AD user's {@code app_metadata} that its contact was added ({@code enrolled_at}) or last confirmed
     * ({@code confirmed_at}) then, as the portal writes it.
     */
    public static void dateContact(String userId, String contactId, String key, java.time.Instant when) {
        given().auth().oauth2(managementToken()).contentType(ContentType.JSON)
                .body(Map.of("app_metadata", Map.of(key, Map.of(contactId, when.toString()))))
                .patch(tenant() + "api/v2/users/" + userId).then().statusCode(200);
    }

    /** The tokens the tenant issued for this grant since its last reset ({@code GET /test-controls/calls}). */
    public static int tokensIssued(String grantType) {
        Integer n = given().get(tenant() + "test-controls/calls").then().statusCode(200).extract().path("tokens." + grantType);
        return n == null ? 0 : n;
    }

    /** The requests the tenant answered on this endpoint template ({@code "GET /api/v2/users/:id"}) since its last reset. */
    public static int callsTo(String endpoint) {
        java.util.Map<String, Integer> requests = given().get(tenant() + "test-controls/calls").then().statusCode(200)
                .extract().jsonPath().getMap("requests");
        return requests.getOrDefault(endpoint, 0);
    }

    public static String managementToken() {
        return managementToken(null);
    }

    public static String managementToken(String scope) {
        var request = given().formParam("grant_type", "client_credentials").formParam("client_id", M2M_CLIENT)
                .formParam("client_secret", M2M_SECRET).formParam("audience", tenant() + "api/v2/");
        if (scope != null) {
            request.formParam("scope", scope);
        }
        return request.post(tenant() + "oauth/token").then().statusCode(200).extract().path("access_token");
    }

    /** Starts passwordless for an address and returns the code from the outbox. */
    public static String startPasswordless(String connection, String address) {
        given().contentType(ContentType.JSON).body(Map.of("client_id", OTP_CLIENT, "client_secret", OTP_SECRET,
                "connection", connection, connection.equals("email") ? "email" : "phone_number", address, "send", "code"))
                .post(tenant() + "passwordless/start").then().statusCode(200);
        return latestCode(address);
    }

    /** Signs an address in with a fresh code and returns the ID token's subject. */
    public static String passwordlessSignIn(String connection, String address) {
        String code = startPasswordless(connection, address);
        String idToken = given().formParam("grant_type", PASSWORDLESS_OTP).formParam("client_id", OTP_CLIENT)
                .formParam("client_secret", OTP_SECRET).formParam("username", address).formParam("realm", connection)
                .formParam("otp", code).formParam("scope", "openid profile email phone").post(tenant() + "oauth/token")
                .then().statusCode(200).extract().path("id_token");
        return Jwts.subject(idToken);
    }

    public static String adUserId(String username) {
        return given().auth().oauth2(managementToken()).queryParam("q", "identities.connection:\"corp-ad\" AND nickname:\"" + username + "\"")
                .queryParam("search_engine", "v3").get(tenant() + "api/v2/users").then().statusCode(200)
                .extract().path("[0].user_id");
    }
}
