package dev.selfservice.localtenant;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** Passwords and one-time codes that pass through the tenant and the portal never reach the log. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class NoSecretsInLogsTest {

    @Test
    void noPasswordOrCodeIsLogged() {
        String wrongPassword = "Wr0ng-Secret-" + System.nanoTime();
        String newPassword = "N3w-Secret-" + System.nanoTime();
        String code;
        java.util.List<String> secrets = new java.util.ArrayList<>();
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

            // recovery through erin's demo phone, and a reset: neither her code nor her new password is logged
            Browser erin = new Browser();
            Page codePage = erin.submit(erin.get(portal() + "/recovery"), "#recovery-start",
                    Map.of("username", "erin", "contact", "+14155550142"));
            String recoveryCode = PortalSteps.awaitCode("+14155550142", 0);
            Page reset = erin.submit(codePage, "#recovery-code", Map.of("code", recoveryCode));
            String erinsPassword = "Quiet-Harbour-Lamp-" + System.nanoTime();
            erin.submit(reset, "#recovery-reset", Map.of("password", erinsPassword, "confirm", erinsPassword));
            secrets.add(recoveryCode);
            secrets.add(erinsPassword);

            assertThat(log.lines()).as("the flows were logged, so the check below looked at something")
                    .anyMatch(l -> l.contains("type=fp") && l.contains("bob"))
                    .anyMatch(l -> l.contains("type=cs") && l.contains("p\u2022\u2022\u2022@example.com"))
                    .anyMatch(l -> l.contains("type=sapi") && l.contains("set_password"));
            assertThat(log.lines()).anyMatch(l -> l.contains("recovery: ") && l.contains("reset the password"));
            assertThat(log.lines()).noneMatch(l -> l.contains(wrongPassword) || l.contains(newPassword)
                    || l.contains(DEMO_PASSWORD) || l.contains(code) || l.contains("weak\"")
                    || secrets.stream().anyMatch(l::contains));
        }
    }
}
