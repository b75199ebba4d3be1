package dev.selfservice.localtenant;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** Passwords and one-time codes that pass through the tenant and the portal never reach the log. */
@QuarkusTest
class NoSecretsInLogsTest {

    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    line.append(' ').append(p);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(' ').append(trace);
            }
            synchronized (logged) {
                logged.add(line.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        TenantApi.reset();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void noPasswordOrCodeIsLogged() {
        String wrongPassword = "Wr0ng-Secret-" + System.nanoTime();
        String newPassword = "N3w-Secret-" + System.nanoTime();
        PasswordRealmTest.login("bob", wrongPassword, null).statusCode(403);
        PasswordRealmTest.login("carol", DEMO_PASSWORD, null).statusCode(403);
        given().auth().oauth2(TenantApi.managementToken()).contentType("application/json")
                .body(Map.of("password", newPassword)).patch(tenant() + "api/v2/users/" + TenantApi.adUserId("bob"))
                .then().statusCode(200);
        given().auth().oauth2(TenantApi.managementToken()).contentType("application/json")
                .body(Map.of("password", "weak")).patch(tenant() + "api/v2/users/" + TenantApi.adUserId("alice"))
                .then().statusCode(400);
        String code = TenantApi.startPasswordless("email", "pat@example.com");
        TenantApi.passwordlessSignIn("email", "pat@example.com");
        Browser browser = new Browser();
        browser.submit(browser.get(portal() + "/signin"), "form", Map.of("username", "bob", "password", newPassword));
        browser.submit(browser.get(portal() + "/signin"), "form", Map.of("username", "nobody", "password", wrongPassword));

        synchronized (logged) {
            assertThat(logged).as("the flows were logged, so the check below looked at something")
                    .anyMatch(l -> l.contains("type=fp") && l.contains("bob"))
                    .anyMatch(l -> l.contains("type=cs") && l.contains("p\u2022\u2022\u2022@example.com"))
                    .anyMatch(l -> l.contains("type=sapi") && l.contains("set_password"));
            assertThat(logged).noneMatch(l -> l.contains(wrongPassword) || l.contains(newPassword)
                    || l.contains(DEMO_PASSWORD) || l.contains(code) || l.contains("weak\""));
        }
    }
}
