package dev.selfservice.localtenant;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The Management API's users, linking rules, write-back, scopes and rate limit. */
@QuarkusTest
class ManagementApiTest {

    private String token;

    @BeforeEach
    void reset() {
        TenantApi.reset();
        token = TenantApi.managementToken();
    }

    private RequestSpecification api() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String part(String userId) {
        return userId.substring(userId.indexOf('|') + 1);
    }

    @Test
    void withoutATokenItIs401AndWithoutTheScopeIt403InAuth0sEnvelope() {
        given().get(tenant() + "api/v2/users/x").then().statusCode(401).body("statusCode", equalTo(401))
                .body("error", equalTo("Unauthorized")).body("message", notNullValue());
        given().auth().oauth2("garbage").get(tenant() + "api/v2/users/x").then().statusCode(401)
                .body("message", equalTo("Invalid token"));
        given().auth().oauth2(TenantApi.managementToken("read:users")).contentType(ContentType.JSON).body("{\"blocked\":true}")
                .patch(tenant() + "api/v2/users/" + TenantApi.adUserId("bob")).then().statusCode(403)
                .body("errorCode", equalTo("insufficient_scope"))
                .body("message", equalTo("Insufficient scope, expected any of: update:users"));
    }

    @Test
    void fieldsAndIncludeFieldsChooseWhatAUserReadAnswers() {
        String bob = TenantApi.adUserId("bob");
        Map<String, Object> only = api().queryParam("fields", "user_id,email").get(tenant() + "api/v2/users/" + bob).then()
                .statusCode(200).extract().as(Map.class);
        assertThat(only).containsOnlyKeys("user_id", "email");
        Map<String, Object> without = api().queryParam("fields", "identities,email").queryParam("include_fields", "false")
                .get(tenant() + "api/v2/users/" + bob).then().statusCode(200).extract().as(Map.class);
        assertThat(without).doesNotContainKeys("identities", "email").containsKeys("user_id", "nickname");
        List<Map<String, Object>> listed = api().queryParam("q", "identities.connection:\"corp-ad\" AND nickname:\"bob\"")
                .queryParam("search_engine", "v3").queryParam("fields", "user_id").get(tenant() + "api/v2/users").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(listed).singleElement().satisfies(u -> assertThat(u).containsOnlyKeys("user_id"));
        // the control: without fields, the whole user
        assertThat(api().get(tenant() + "api/v2/users/" + bob).then().extract().as(Map.class))
                .containsKeys("user_id", "email", "identities", "nickname");
    }

    @Test
    void usersByEmailMatchesTheAddressExactly() {
        api().queryParam("email", "alice@corp.example").get(tenant() + "api/v2/users-by-email").then().statusCode(200)
                .body("$", hasSize(1));
        api().queryParam("email", "Alice@Corp.Example").get(tenant() + "api/v2/users-by-email").then().statusCode(200)
                .body("$", hasSize(0));
        api().queryParam("email", "alice@corp.example").queryParam("fields", "email")
                .get(tenant() + "api/v2/users-by-email").then().statusCode(200).body("[0].user_id", org.hamcrest.Matchers.nullValue())
                .body("[0].email", equalTo("alice@corp.example"));
    }

    @Test
    void anUnknownUserIs404InexistentUser() {
        api().get(tenant() + "api/v2/users/ad|corp-ad|00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("errorCode", equalTo("inexistent_user")).body("message", equalTo("The user does not exist."));
    }

    @Test
    void anAdUserHasTheConnectorsProfile() {
        String alice = TenantApi.adUserId("alice");
        api().get(tenant() + "api/v2/users/" + alice).then().statusCode(200)
                .body("user_id", equalTo(alice)).body("nickname", equalTo("alice")).body("name", equalTo("Alice Adams"))
                .body("email", equalTo("alice@corp.example")).body("identities", hasSize(1))
                .body("identities[0].provider", equalTo("ad")).body("identities[0].connection", equalTo("corp-ad"))
                .body("identities[0].user_id", equalTo(part(alice))).body("identities[0].isSocial", equalTo(false));
    }

    @Test
    void aPasswordResetGoesToTheDirectoryAndUnlocksWithAutoUnlock() {
        TenantApi.directoryState("erin", "locked");
        String erin = TenantApi.adUserId("erin");
        api().body(Map.of("password", "Brand-New-Passw0rd")).patch(tenant() + "api/v2/users/" + erin).then().statusCode(200);
        PasswordRealmTest.login("erin", "Brand-New-Passw0rd", null).statusCode(200);
        // AD still accepts the previous password for its old-password period (an hour), then no more
        TenantApi.advanceClock(3601);
        PasswordRealmTest.login("erin", DEMO_PASSWORD, null).statusCode(403);
        PasswordRealmTest.login("erin", "Brand-New-Passw0rd", null).statusCode(200);
    }

    @Test
    void aPasswordTheDirectoryRefusesLeavesTheOldOneWorking() {
        String bob = TenantApi.adUserId("bob");
        api().body(Map.of("password", "weak", "blocked", false)).patch(tenant() + "api/v2/users/" + bob).then()
                .statusCode(400).body("message", equalTo("PasswordComplexityError: Password doesn\u2019t meet minimum requirements"));
        PasswordRealmTest.login("bob", DEMO_PASSWORD, null).statusCode(200);
    }

    @Test
    void aRefusedUpdateChangesNothing() {
        String bob = TenantApi.adUserId("bob");
        api().body(Map.of("password", "Brand-New-Passw0rd", "blocked", "yes")).patch(tenant() + "api/v2/users/" + bob)
                .then().statusCode(400).body("errorCode", equalTo("invalid_body"));
        api().body(Map.of("email", "x@y.z")).patch(tenant() + "api/v2/users/" + bob).then().statusCode(400);
        PasswordRealmTest.login("bob", DEMO_PASSWORD, null).statusCode(200);
    }

    @Test
    void blockingAndUnblockingAUser() {
        String bob = TenantApi.adUserId("bob");
        api().body(Map.of("blocked", true)).patch(tenant() + "api/v2/users/" + bob).then().statusCode(200)
                .body("blocked", equalTo(true));
        PasswordRealmTest.login("bob", DEMO_PASSWORD, null).statusCode(401).body("error_description", equalTo("user is blocked"));
        api().body(Map.of("blocked", false)).patch(tenant() + "api/v2/users/" + bob).then().statusCode(200);
        PasswordRealmTest.login("bob", DEMO_PASSWORD, null).statusCode(200);
    }

    @Test
    void searchFindsByConnectionAndUsernameAndRefusesWhatItCannotAnswer() {
        api().queryParam("q", "identities.connection:\"corp-ad\" AND nickname:\"carol\"").queryParam("search_engine", "v3")
                .get(tenant() + "api/v2/users").then().statusCode(200).body("$", hasSize(1))
                .body("[0].nickname", equalTo("carol"));
        // the nine demo users: alice to grace, and the staff helen and rita
        api().queryParam("q", "identities.connection:\"corp-ad\"").queryParam("include_totals", "true")
                .queryParam("per_page", "2").get(tenant() + "api/v2/users").then().statusCode(200)
                .body("total", equalTo(9)).body("users", hasSize(2)).body("length", equalTo(2));
        api().queryParam("q", "nickname:carol OR nickname:dave").get(tenant() + "api/v2/users").then().statusCode(400)
                .body("errorCode", equalTo("invalid_query_string"));
    }

    @Test
    void searchIgnoresCaseOnlyForTheFieldsAuth0Names() {
        api().queryParam("q", "nickname:\"CAROL\"").get(tenant() + "api/v2/users").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].nickname", equalTo("carol"));
        String query = "identities.connection:\"email\" AND identities.profileData.email:\"%s\"";
        api().queryParam("q", query.formatted("bob.personal@example.com")).get(tenant() + "api/v2/users").then()
                .statusCode(200).body("$", hasSize(1));
        api().queryParam("q", query.formatted("Bob.Personal@example.com")).get(tenant() + "api/v2/users").then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void searchStopsAtTheFirstThousandResultsAndKnowsOnlyTheV3Engine() {
        api().queryParam("q", "nickname:\"bob\"").queryParam("page", "9").queryParam("per_page", "100")
                .get(tenant() + "api/v2/users").then().statusCode(200);
        api().queryParam("q", "nickname:\"bob\"").queryParam("page", "10").queryParam("per_page", "100")
                .get(tenant() + "api/v2/users").then().statusCode(400).body("errorCode", equalTo("invalid_query_string"));
        api().queryParam("q", "nickname:\"bob\"").queryParam("search_engine", "v3").get(tenant() + "api/v2/users").then()
                .statusCode(200);
        api().queryParam("q", "nickname:\"bob\"").queryParam("search_engine", "v2").get(tenant() + "api/v2/users").then()
                .statusCode(400).body("errorCode", equalTo("invalid_query_string"));
    }

    @Test
    void metadataMergesByKeyANullRemovesOneAndAnEmptyObjectClearsIt() {
        String dave = TenantApi.adUserId("dave");
        api().body(Map.of("app_metadata", Map.of("a", 1, "b", 2))).patch(tenant() + "api/v2/users/" + dave).then()
                .statusCode(200).body("app_metadata.a", equalTo(1)).body("app_metadata.b", equalTo(2));
        java.util.Map<String, Object> removeA = new java.util.HashMap<>();
        removeA.put("a", null);
        api().body(Map.of("app_metadata", removeA)).patch(tenant() + "api/v2/users/" + dave).then().statusCode(200)
                .body("app_metadata.b", equalTo(2)).body("app_metadata", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("a")));
        api().body(Map.of("app_metadata", Map.of())).patch(tenant() + "api/v2/users/" + dave).then().statusCode(200)
                .body("app_metadata.size()", equalTo(0));
    }

    @Test
    void connectionsWithTotalsAnswerAPageObject() {
        api().queryParam("include_totals", "true").queryParam("strategy", "ad").get(tenant() + "api/v2/connections").then()
                .statusCode(200).body("total", equalTo(1)).body("connections[0].name", equalTo("corp-ad"));
        api().queryParam("strategy", "ad").get(tenant() + "api/v2/connections").then().statusCode(200)
                .body("[0].name", equalTo("corp-ad"));
    }

    @Test
    void theTenantCountsWhatItIsAskedPerEndpointAndTheTokensItIssuesPerGrant() {
        String bob = TenantApi.adUserId("bob");
        int readsBefore = TenantApi.callsTo("GET /api/v2/users/:id");
        int tokensBefore = TenantApi.tokensIssued("client_credentials");
        api().get(tenant() + "api/v2/users/" + bob).then().statusCode(200);
        api().get(tenant() + "api/v2/users/" + bob).then().statusCode(200);
        TenantApi.managementToken();
        given().formParam("grant_type", "client_credentials").formParam("client_id", TenantApi.M2M_CLIENT)
                .formParam("client_secret", "wrong").formParam("audience", tenant() + "api/v2/")
                .post(tenant() + "oauth/token").then().statusCode(401);

        assertThat(TenantApi.callsTo("GET /api/v2/users/:id") - readsBefore).isEqualTo(2);
        assertThat(TenantApi.tokensIssued("client_credentials") - tokensBefore).as("the refused request issued none")
                .isEqualTo(1);
        TenantApi.reset();
        assertThat(TenantApi.callsTo("GET /api/v2/users/:id")).as("a reset starts the count again").isZero();
    }

    @Test
    void linkingMovesTheSecondaryIntoThePrimarysIdentities() {
        String alice = TenantApi.adUserId("alice");
        String phone = TenantApi.passwordlessSignIn("sms", "+14155550199");

        api().body(Map.of("provider", "sms", "user_id", part(phone))).post(tenant() + "api/v2/users/" + alice + "/identities")
                .then().statusCode(201).body("$", hasSize(2)).body("[1].provider", equalTo("sms"))
                .body("[1].user_id", equalTo(part(phone))).body("[1].profileData.phone_number", equalTo("+14155550199"))
                .body("[1].profileData.phone_verified", equalTo(true));

        api().get(tenant() + "api/v2/users/" + phone).then().statusCode(404);
        api().get(tenant() + "api/v2/users/" + alice).then().body("identities", hasSize(2));
        List<String> withSms = api().queryParam("q", "identities.connection:\"sms\"").get(tenant() + "api/v2/users")
                .then().extract().jsonPath().getList("user_id");
        assertThat(withSms).as("the primary, no longer the standalone secondary").contains(alice).doesNotContain(phone);
    }

    @Test
    void linkingAnAlreadyLinkedIdentityOrAUserToItselfFails() {
        String alice = TenantApi.adUserId("alice");
        String bob = TenantApi.adUserId("bob");
        String email = TenantApi.passwordlessSignIn("email", "shared@example.com");
        api().body(Map.of("provider", "email", "user_id", part(email))).post(tenant() + "api/v2/users/" + alice + "/identities")
                .then().statusCode(201);

        api().body(Map.of("provider", "email", "user_id", part(email))).post(tenant() + "api/v2/users/" + bob + "/identities")
                .then().statusCode(409).body("statusCode", equalTo(409));
        api().body(Map.of("provider", "ad", "user_id", part(alice))).post(tenant() + "api/v2/users/" + alice + "/identities")
                .then().statusCode(400);
        // the user_id is the id without its provider prefix
        api().body(Map.of("provider", "email", "user_id", "email|" + part(email)))
                .post(tenant() + "api/v2/users/" + bob + "/identities").then().statusCode(400);
        api().get(tenant() + "api/v2/users/" + bob).then().body("identities", hasSize(2)); // AD + his demo email
    }

    @Test
    void linkWithAnIdTokenNeedsOneIssuedToTheCallingClient() {
        String alice = TenantApi.adUserId("alice");
        String code = TenantApi.startPasswordless("email", "other@example.com");
        String idToken = given().formParam("grant_type", TenantApi.PASSWORDLESS_OTP).formParam("client_id", TenantApi.OTP_CLIENT)
                .formParam("client_secret", TenantApi.OTP_SECRET).formParam("username", "other@example.com")
                .formParam("realm", "email").formParam("otp", code).formParam("scope", "openid")
                .post(tenant() + "oauth/token").then().statusCode(200).extract().path("id_token");
        // the M2M token's client is not the ID token's audience: Auth0 refuses
        api().body(Map.of("link_with", idToken)).post(tenant() + "api/v2/users/" + alice + "/identities").then()
                .statusCode(400);
    }

    @Test
    void unlinkingMakesTheSecondaryAStandaloneUserAgain() {
        String alice = TenantApi.adUserId("alice");
        String email = TenantApi.passwordlessSignIn("email", "alice.home@example.com");
        api().body(Map.of("provider", "email", "user_id", part(email))).post(tenant() + "api/v2/users/" + alice + "/identities")
                .then().statusCode(201);

        api().delete(tenant() + "api/v2/users/" + alice + "/identities/email/" + part(email)).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].provider", equalTo("ad"));
        api().get(tenant() + "api/v2/users/" + email).then().statusCode(200).body("email", equalTo("alice.home@example.com"));
        assertThat(TenantApi.passwordlessSignIn("email", "alice.home@example.com")).isEqualTo(email);

        api().delete(tenant() + "api/v2/users/" + alice + "/identities/email/" + part(email)).then().statusCode(400);
        api().delete(tenant() + "api/v2/users/" + email).then().statusCode(204);
        api().get(tenant() + "api/v2/users/" + email).then().statusCode(404);
    }

    @Test
    void answersCarryRateLimitHeadersAndTheLimitAnswers429() {
        String bob = TenantApi.adUserId("bob");
        api().get(tenant() + "api/v2/users/" + bob).then().statusCode(200).header("x-ratelimit-limit", notNullValue())
                .header("x-ratelimit-remaining", notNullValue()).header("x-ratelimit-reset", notNullValue());
        TenantApi.managementRateLimit(2);
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            if (api().get(tenant() + "api/v2/users/" + bob).statusCode() == 429) {
                limited++;
            }
        }
        assertThat(limited).isPositive();
        api().get(tenant() + "api/v2/user-blocks/" + bob).then().header("x-ratelimit-limit", equalTo("2"));
    }
}
