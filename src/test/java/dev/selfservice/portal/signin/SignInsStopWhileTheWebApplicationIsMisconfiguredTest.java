package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.portal.auth0.TenantSetupCheck;
import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 27, item 4: a replica that is already running, whose tenant gets the email connection enabled for the web
 * application, stops accepting sign-ins at its next self-check (not only readiness), and accepts them again once the
 * tenant is fixed.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class SignInsStopWhileTheWebApplicationIsMisconfiguredTest {

    @Inject
    TenantSetupCheck setup;

    @AfterEach
    void lookAgainAtTheRepairedTenant() {
        TenantApi.reset();
        setup.check(); // later tests sign in
    }

    @Test
    void aRunningReplicaRefusesSignInsWithAClearPageOnceTheSelfCheckFindsTheWebApplicationOpenToCodes() {
        Browser before = PortalSteps.signIn("alice", DEMO_PASSWORD);

        emailEnabledForTheWebApplication(true);
        setup.check();
        Browser alice = new Browser();
        Page landed = alice.submit(alice.get(portal() + "/signin"), "form", Map.of("username", "alice", "password", DEMO_PASSWORD));
        assertThat(landed.status()).isEqualTo(503);
        assertThat(landed.text("h1")).isEqualTo("Signing in is switched off");
        assertThat(PortalSteps.opensAccount(alice)).isFalse();
        assertThat(PortalSteps.opensAccount(before)).as("a session from before is refused too: its token cannot tell")
                .isFalse();

        emailEnabledForTheWebApplication(false);
        setup.check();
        assertThat(PortalSteps.opensAccount(alice)).as("the control: fixed, the same session opens").isTrue();
    }

    private static void emailEnabledForTheWebApplication(boolean enabled) {
        given().contentType(ContentType.JSON).body(Map.of("clientId", TenantApi.WEB_CLIENT, "enabled", enabled))
                .post(tenant() + "test-controls/connections/email").then().statusCode(204);
    }
}
