package dev.selfservice.localtenant;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** Passwords and one-time codes that pass through the tenant and the portal never reach the log. */
@QuarkusTest
class NoSecretsInLogsTest {

    @BeforeEach
    void reset() {
        TenantApi.reset();
    }

    @Test
    void noPasswordOrCodeIsLogged() {
        String wrongPassword = "Wr0ng-Secret-" + System.nanoTime();
        String newPassword = "N3w-Secret-" + System.nanoTime();
        String code;
        try (LogCapture log = LogCapture.start()) {
            PasswordRealmTest.login("bob", wrongPassword, null).statusCode(403);
            PasswordRealmTest.login("carol", DEMO_PASSWORD, null).statusCode(403);
            given().auth().oauth2(TenantApi.managementToken()).contentType("application/json")
                    .body(Map.of("password", newPassword)).patch(tenant() + "api/v2/users/" + TenantApi.adUserId("bob"))
                    .then().statusCode(200);
            given().auth().oauth2(TenantApi.managementToken()).contentType("application/json")
                    .body(Map.of("password", "weak")).patch(tenant() + "api/v2/users/" + TenantApi.adUserId("alice"))
                    .then().statusCode(400);
            code = TenantApi.startPasswordless("email", "pat@example.com");
            TenantApi.passwordlessSignIn("email", "pat@example.com");
            Browser browser = new Browser();
            browser.submit(browser.get(portal() + "/signin"), "form", Map.of("username", "bob", "password", newPassword));
            browser.submit(browser.get(portal() + "/signin"), "form", Map.of("username", "nobody", "password", wrongPassword));

            assertThat(log.lines()).as("the flows were logged, so the check below looked at something")
                    .anyMatch(l -> l.contains("type=fp") && l.contains("bob"))
                    .anyMatch(l -> l.contains("type=cs") && l.contains("p\u2022\u2022\u2022@example.com"))
                    .anyMatch(l -> l.contains("type=sapi") && l.contains("set_password"));
            assertThat(log.lines()).noneMatch(l -> l.contains(wrongPassword) || l.contains(newPassword)
                    || l.contains(DEMO_PASSWORD) || l.contains(code) || l.contains("weak\""));
        }
    }
}
