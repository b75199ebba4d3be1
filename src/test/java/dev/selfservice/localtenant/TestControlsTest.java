package dev.selfservice.localtenant;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** The outbox and the test controls that later features use to test a failing Auth0. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class TestControlsTest {

    @Test
    void theOutboxListsMessagesNewestFirstAsJsonAndAsAPage() {
        String first = TenantApi.startPasswordless("email", "pat@example.com");
        String second = TenantApi.startPasswordless("sms", "+14155550111");
        given().get(tenant() + "outbox/messages").then().statusCode(200).body("$", hasSize(2))
                .body("[0].channel", equalTo("sms")).body("[0].to", equalTo("+14155550111"))
                .body("[0].code", equalTo(second)).body("[1].code", equalTo(first));
        given().queryParam("to", "pat@example.com").get(tenant() + "outbox/messages").then().body("$", hasSize(1));
        given().get(tenant() + "outbox").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString(first)).body(containsString(second));
    }

    @Test
    void anInjectedServerErrorAnswersInTheEndpointsEnvelopeOnceAndThenNot() {
        String bob = TenantApi.adUserId("bob");
        String token = TenantApi.managementToken();
        TenantApi.fault(Map.of("method", "GET", "path", "/api/v2/users/", "status", 503));
        given().auth().oauth2(token).get(tenant() + "api/v2/users/" + bob).then().statusCode(503)
                .body("statusCode", equalTo(503));
        given().auth().oauth2(token).get(tenant() + "api/v2/users/" + bob).then().statusCode(200);

        TenantApi.fault(Map.of("path", "/oauth/token", "status", 500));
        PasswordRealmTest.login("bob", DEMO_PASSWORD, null).statusCode(500).body("error", equalTo("server_error"));
    }

    @Test
    void anInjectedDelaySlowsTheAnswerButKeepsIt() {
        TenantApi.fault(Map.of("path", "/oauth/token", "delayMs", 600));
        long start = System.nanoTime();
        PasswordRealmTest.login("bob", DEMO_PASSWORD, null).statusCode(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(600);
    }

    @Test
    void aDirectoryUserCanBePutIntoAState() {
        TenantApi.directoryState("bob", "must-change");
        PasswordRealmTest.login("bob", DEMO_PASSWORD, null).body("error", equalTo("password_change_required"));
        TenantApi.directoryState("bob", "expired");
        PasswordRealmTest.login("bob", DEMO_PASSWORD, null).body("error", equalTo("password_expired"));
        TenantApi.directoryState("bob", "disabled");
        PasswordRealmTest.login("bob", DEMO_PASSWORD, null).body("error_description", equalTo("Account disabled"));
        given().contentType("application/json").body(Map.of("state", "locked"))
                .post(tenant() + "test-controls/directory/nobody").then().statusCode(404);
    }

    @Test
    void resetRestoresTheDemoTenant() {
        String bob = TenantApi.adUserId("bob");
        given().auth().oauth2(TenantApi.managementToken()).contentType("application/json").body(Map.of("blocked", true))
                .patch(tenant() + "api/v2/users/" + bob).then().statusCode(200);
        TenantApi.startPasswordless("email", "pat@example.com");
        TenantApi.reset();
        PasswordRealmTest.login("bob", DEMO_PASSWORD, null).statusCode(200);
        given().get(tenant() + "outbox/messages").then().body("$", hasSize(0));
    }

    @Test
    void mailReceivedOverSmtpIsListedAsANoticeBesideTheCodes() {
        String code = TenantApi.startPasswordless("email", "pat@example.com");
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("local-tenant.smtp-port", Integer.class);
        com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail("pat@example.com", "portal@corp.example", "Hello Pat",
                "A plain notice.", new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        given().queryParam("to", "pat@example.com").get(tenant() + "outbox/messages").then().body("$", hasSize(2))
                .body("[0].kind", equalTo("notice")).body("[0].subject", equalTo("Hello Pat"))
                .body("[0].text", containsString("A plain notice.")).body("[1].kind", equalTo("code"))
                .body("[1].code", equalTo(code));
        given().queryParam("kind", "notice").get(tenant() + "outbox/messages").then().body("$", hasSize(1));
        given().get(tenant() + "outbox").then().body(containsString("Hello Pat")).body(containsString(code));
        // down, a relay refuses connections; reset brings it back
        TenantApi.smtp(false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(
                "pat@example.com", "portal@corp.example", "Lost", "-", new com.icegreen.greenmail.util.ServerSetup(port,
                        "127.0.0.1", "smtp"))).isInstanceOf(RuntimeException.class);
        TenantApi.reset();
        given().get(tenant() + "outbox/messages").then().body("$", hasSize(0));
    }

    @Test
    void mailArrivingWhileTheOutboxIsReadIsKeptEveryMessageOnce() throws Exception {
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("local-tenant.smtp-port", Integer.class);
        com.icegreen.greenmail.util.ServerSetup smtp = new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp");
        int senders = 4;
        int each = 40;
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
        // a reader all along, as tests and the benchmark poll the outbox while notices arrive
        calls.add(() -> {
            int reads = 0;
            while (done.get() < senders) {
                given().queryParam("kind", "notice").get(tenant() + "outbox/messages").then().statusCode(200);
                reads++;
            }
            return reads;
        });
        for (int s = 0; s < senders; s++) {
            int sender = s;
            calls.add(() -> {
                try {
                    for (int i = 0; i < each; i++) {
                        com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail("sender" + sender + "@example.com",
                                "portal@corp.example", "Notice " + sender + "-" + i, "-", smtp);
                    }
                } finally {
                    done.incrementAndGet();
                }
                return each;
            });
        }
        assertThat(dev.selfservice.support.Parallel.run(calls).get(0)).as("reads while mail arrived").isPositive();
        java.util.List<String> subjects = given().queryParam("kind", "notice").get(tenant() + "outbox/messages").then()
                .extract().path("subject");
        assertThat(subjects).hasSize(senders * each).doesNotHaveDuplicates();
    }
}
