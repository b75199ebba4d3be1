package dev.selfservice.localtenant;

import static dev.selfservice.support.LocalTenantUrls.tenant;
import static dev.selfservice.support.TenantApi.PASSWORDLESS_OTP;
import static dev.selfservice.support.TenantApi.OTP_CLIENT;
import static dev.selfservice.support.TenantApi.OTP_SECRET;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Passwordless start and the OTP grant: validation, Auth0's code rules, sign-up, and the outbox. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class PasswordlessTest {

    private static ValidatableResponse start(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(tenant() + "passwordless/start").then();
    }

    private static Map<String, Object> emailStart(String email) {
        Map<String, Object> body = new HashMap<>(Map.of("client_id", OTP_CLIENT, "client_secret", OTP_SECRET,
                "connection", "email", "send", "code"));
        body.put("email", email);
        return body;
    }

    private static ValidatableResponse otp(String realm, String address, String code) {
        return given().formParam("grant_type", PASSWORDLESS_OTP).formParam("client_id", OTP_CLIENT)
                .formParam("client_secret", OTP_SECRET).formParam("username", address).formParam("realm", realm)
                .formParam("otp", code).formParam("scope", "openid email").post(tenant() + "oauth/token").then();
    }

    @Test
    void theWebApplicationHasOnlyTheAdConnection() {
        given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("client_id", dev.selfservice.support.TenantApi.WEB_CLIENT,
                "client_secret", dev.selfservice.support.TenantApi.WEB_SECRET, "connection", "email", "email", "x@example.com",
                "send", "code")).post(tenant() + "passwordless/start").then().statusCode(400).body("error", equalTo("bad.connection"));
        given().formParam("grant_type", PASSWORDLESS_OTP).formParam("client_id", dev.selfservice.support.TenantApi.WEB_CLIENT)
                .formParam("client_secret", dev.selfservice.support.TenantApi.WEB_SECRET).formParam("username", "x@example.com")
                .formParam("realm", "email").formParam("otp", "123456").post(tenant() + "oauth/token").then().statusCode(403)
                .body("error", equalTo("unauthorized_client"));
        // and the application for codes cannot sign in with a password
        given().formParam("grant_type", dev.selfservice.support.TenantApi.PASSWORD_REALM).formParam("client_id", OTP_CLIENT)
                .formParam("client_secret", OTP_SECRET).formParam("username", "alice").formParam("password", "Start-Passw0rd!")
                .formParam("realm", "corp-ad").post(tenant() + "oauth/token").then().statusCode(403);
    }

    @Test
    void aCodeIsSixDigitsAndGoesToTheOutboxOnly() {
        start(emailStart("pat@example.com")).statusCode(200).body("email", equalTo("pat@example.com"))
                .body("email_verified", equalTo(false)).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("code")));
        String code = TenantApi.latestCode("pat@example.com");
        assertThat(code).matches("[0-9]{6}");
        given().get(tenant() + "outbox").then().statusCode(200).body(containsString(code))
                .body(containsString("pat@example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not an email        | email | not-an-email       | bad.email",
            "a phone without +   | sms   | 14155550123        | bad.phone_number",
            "a phone with letters| sms   | +1415555O123       | bad.phone_number",
            "a phone too long    | sms   | +1234567890123456  | bad.phone_number",
    })
    void aMalformedAddressIsRefusedWithAuth0sError(String label, String connection, String address, String error) {
        Map<String, Object> body = new HashMap<>(Map.of("client_id", OTP_CLIENT, "client_secret", OTP_SECRET,
                "connection", connection, "send", "code"));
        body.put(connection.equals("email") ? "email" : "phone_number", address);
        start(body).statusCode(400).body("error", equalTo(error));
        assertThat(given().queryParam("kind", "code").get(tenant() + "outbox/messages").then().extract().jsonPath().getList("$")).isEmpty();
    }

    @Test
    void unknownDisabledAndNonPasswordlessConnectionsAreBadConnection() {
        Map<String, Object> body = emailStart("pat@example.com");
        body.put("connection", "nope");
        start(body).statusCode(400).body("error", equalTo("bad.connection")).body("error_description",
                equalTo("Connection does not exist"));
        body.put("connection", "corp-ad");
        start(body).statusCode(400).body("error", equalTo("bad.connection"))
                .body("error_description", containsString("passwordless"));
    }

    @Test
    void aBadClientAndUnknownPropertiesAreRefused() {
        Map<String, Object> body = emailStart("pat@example.com");
        body.put("client_id", "nope");
        start(body).statusCode(400).body("error", equalTo("bad.client_id"));
        Map<String, Object> extra = emailStart("pat@example.com");
        extra.put("evil", "x");
        start(extra).statusCode(400).body("error", equalTo("bad.request"))
                .body("error_description", equalTo("the following properties are not allowed: evil"));
    }

    @Test
    void theFirstRightCodeSignsUpAPasswordlessUserAndTheCodeCannotBeReused() {
        String code = TenantApi.startPasswordless("email", "pat@example.com");
        String sub = dev.selfservice.support.Jwts.subject(otp("email", "pat@example.com", code).statusCode(200)
                .extract().path("id_token"));
        assertThat(sub).matches("email\\|[0-9a-f]{24}");
        otp("email", "pat@example.com", code).statusCode(403).body("error", equalTo("invalid_grant"));

        List<String> ids = given().auth().oauth2(TenantApi.managementToken()).queryParam("email", "pat@example.com")
                .get(tenant() + "api/v2/users-by-email").then().statusCode(200).extract().path("user_id");
        assertThat(ids).containsExactly(sub);
        // a second sign-in is the same user
        assertThat(TenantApi.passwordlessSignIn("email", "PAT@example.com")).isEqualTo(sub);
    }

    @Test
    void threeWrongCodesUseTheCodeUpEvenForTheRightOne() {
        String code = TenantApi.startPasswordless("sms", "+14155550100");
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 3; i++) {
            otp("sms", "+14155550100", wrong).statusCode(403).body("error", equalTo("invalid_grant"));
        }
        otp("sms", "+14155550100", code).statusCode(403).body("error", equalTo("invalid_grant"))
                .body("error_description", containsString("maximum number of attempts"));
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        String code = TenantApi.startPasswordless("email", "pat@example.com");
        TenantApi.advanceClock(301);
        otp("email", "pat@example.com", code).statusCode(403).body("error", equalTo("invalid_grant"))
                .body("error_description", containsString("expired"));
    }

    @Test
    void aNewCodeInvalidatesTheOldOne() {
        String first = TenantApi.startPasswordless("email", "pat@example.com");
        String second = TenantApi.startPasswordless("email", "pat@example.com");
        if (!first.equals(second)) {
            otp("email", "pat@example.com", first).statusCode(403);
        }
        otp("email", "pat@example.com", second).statusCode(200);
    }

    @Test
    void aCodeForOneAddressDoesNotWorkForAnother() {
        String code = TenantApi.startPasswordless("email", "pat@example.com");
        TenantApi.startPasswordless("email", "sam@example.com");
        otp("email", "sam@example.com", code).statusCode(403);
    }

    @Test
    void aLinkedIdentitySignsInAsItsPrimaryAdUser() {
        String alice = TenantApi.adUserId("alice");
        String emailUser = TenantApi.passwordlessSignIn("email", "alice.home@example.com");
        given().auth().oauth2(TenantApi.managementToken()).contentType(ContentType.JSON)
                .body(Map.of("provider", "email", "user_id", emailUser.substring("email|".length())))
                .post(tenant() + "api/v2/users/" + alice + "/identities").then().statusCode(201);

        assertThat(TenantApi.passwordlessSignIn("email", "alice.home@example.com")).isEqualTo(alice);
    }
}
