package dev.selfservice.localtenant;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static dev.selfservice.support.TenantApi.M2M_CLIENT;
import static dev.selfservice.support.TenantApi.M2M_SECRET;
import static dev.selfservice.support.TenantApi.PASSWORD_REALM;
import static dev.selfservice.support.TenantApi.WEB_CLIENT;
import static dev.selfservice.support.TenantApi.WEB_SECRET;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The password-realm grant against the AD connection, and Auth0's brute-force protection. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class PasswordRealmTest {

    static ValidatableResponse login(String username, String password, String forwardedFor) {
        var request = given().formParam("grant_type", PASSWORD_REALM).formParam("client_id", WEB_CLIENT)
                .formParam("client_secret", WEB_SECRET).formParam("username", username).formParam("password", password)
                .formParam("realm", "corp-ad").formParam("scope", "openid");
        if (forwardedFor != null) {
            request.header("auth0-forwarded-for", forwardedFor);
        }
        return request.post(tenant() + "oauth/token").then();
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
            "carol, 403, password_expired, Password expired",
            "dave, 403, password_change_required, Password change required",
            "erin, 403, access_denied, Account locked",
            "frank, 403, access_denied, Account disabled",
            "grace, 401, unauthorized, user is blocked",
    })
    void eachAdStateAnswersAsAuth0Does(String user, int status, String error, String description) {
        login(user, DEMO_PASSWORD, null).statusCode(status).body("error", equalTo(error))
                .body("error_description", equalTo(description));
    }

    @Test
    void anExpiredAccountIsOnlyReportedForTheRightPassword() {
        TenantApi.directoryState("bob", "account-expired");
        login("bob", "wrong", null).statusCode(403).body("error", equalTo("invalid_grant"));
        login("bob", DEMO_PASSWORD, null).statusCode(403).body("error_description", equalTo("Account expired"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAnswerTheSame() {
        String wrong = login("bob", "wrong", null).statusCode(403).extract().asString();
        String unknown = login("nobody", "wrong", null).statusCode(403).extract().asString();
        org.assertj.core.api.Assertions.assertThat(unknown).isEqualTo(wrong)
                .contains("\"error\":\"invalid_grant\"", "Wrong email or password.");
    }

    @Test
    void tenFailuresFromOneIpBlockThatPairOnly() {
        for (int i = 0; i < 10; i++) {
            login("ghost", "wrong", "203.0.113.1").statusCode(403);
        }
        login("ghost", "wrong", "203.0.113.1").statusCode(429).body("error", equalTo("too_many_attempts"));
        login("ghost", "wrong", "203.0.113.2").statusCode(403).body("error", equalTo("invalid_grant"));

        given().auth().oauth2(TenantApi.managementToken()).queryParam("identifier", "ghost")
                .get(tenant() + "api/v2/user-blocks").then().statusCode(200)
                .body("blocked_for", hasSize(1)).body("blocked_for[0].ip", equalTo("203.0.113.1"));
        given().auth().oauth2(TenantApi.managementToken()).queryParam("identifier", "ghost")
                .delete(tenant() + "api/v2/user-blocks").then().statusCode(204);
        login("ghost", "wrong", "203.0.113.1").statusCode(403).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aSuccessBeforeTheThresholdStartsTheCountAgain() {
        for (int i = 0; i < 9; i++) {
            login("alice", "wrong", "203.0.113.5").statusCode(403);
        }
        TenantApi.directoryState("alice", "unlocked");
        login("alice", DEMO_PASSWORD, "203.0.113.5").statusCode(200);
        for (int i = 0; i < 9; i++) {
            login("alice", "wrong", "203.0.113.5").statusCode(403);
        }
        TenantApi.directoryState("alice", "unlocked");
        // 18 failures, but never 10 in a row
        login("alice", DEMO_PASSWORD, "203.0.113.5").statusCode(200);
    }

    @Test
    void aBlockedPairIsRefusedEvenWithTheRightPassword() {
        for (int i = 0; i < 10; i++) {
            login("alice", "wrong", "203.0.113.6").statusCode(403);
        }
        TenantApi.directoryState("alice", "unlocked");
        login("alice", DEMO_PASSWORD, "203.0.113.6").statusCode(429).body("error", equalTo("too_many_attempts"));
    }

    @Test
    void aPasswordSetThroughTheManagementApiClearsTheBlocksAndTheAdLockout() {
        for (int i = 0; i < 10; i++) {
            login("bob", "wrong", "203.0.113.9").statusCode(403);
        }
        login("bob", DEMO_PASSWORD, "203.0.113.9").statusCode(429);
        String bob = TenantApi.adUserId("bob");
        given().auth().oauth2(TenantApi.managementToken()).get(tenant() + "api/v2/user-blocks/" + bob).then()
                .statusCode(200).body("blocked_for", hasSize(1)).body("blocked_for[0].identifier", equalTo("bob"));

        given().auth().oauth2(TenantApi.managementToken()).contentType("application/json")
                .body("{\"password\":\"Fresh-Start-2026!\"}").patch(tenant() + "api/v2/users/" + bob).then().statusCode(200);

        login("bob", "Fresh-Start-2026!", "203.0.113.9").statusCode(200);
    }

    @Test
    void withoutTheTrustedHeaderTheCallersAddressCounts() {
        for (int i = 0; i < 10; i++) {
            login("ghost", "wrong", null).statusCode(403);
        }
        login("ghost", "wrong", null).statusCode(429);
        login("ghost", "wrong", "203.0.113.77").statusCode(403);
    }

    @Test
    void aClientWithoutThePasswordGrantIsUnauthorizedClient() {
        given().formParam("grant_type", PASSWORD_REALM).formParam("client_id", M2M_CLIENT)
                .formParam("client_secret", M2M_SECRET).formParam("username", "alice").formParam("password", DEMO_PASSWORD)
                .formParam("realm", "corp-ad").post(tenant() + "oauth/token").then().statusCode(403)
                .body("error", equalTo("unauthorized_client"));
    }

    @Test
    void clientCredentialsForAnotherAudienceIsServiceNotFound() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", M2M_CLIENT)
                .formParam("client_secret", M2M_SECRET).formParam("audience", "https://elsewhere/api/v2/")
                .post(tenant() + "oauth/token").then().statusCode(403).body("error", equalTo("access_denied"))
                .body("error_description", equalTo("Service not found: https://elsewhere/api/v2/"));
    }
}
