package dev.selfservice.portal.auth0;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A management application granted the wrong scopes, from the start (its token is fetched once and kept, so a grant
 * changed later shows with the next token): the look at start names the missing and the needless scopes, and the
 * replica is not ready, as a rollout with a wrong grant should stop. (Granted exactly right:
 * {@link TenantSetupCheckTest}.)
 */
@QuarkusTest
@TestProfile(TenantScopesCheckTest.MisGranted.class)
class TenantScopesCheckTest {

    public static class MisGranted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("local-tenant.m2m-client.scopes", "read:users,update:users,delete:users,create:users");
        }
    }

    @Inject
    TenantSetupCheck check;

    @Test
    void theLookAtStartNamesMissingAndNeedlessScopes() {
        TenantApi.reset(); // waits for the look at start
        TenantSetupCheck.Report atStart = check.last().orElseThrow();
        assertThat(atStart.problems()).contains(
                "the management application's token lacks the scopes read:connections (Applications > APIs > "
                        + "Auth0 Management API > Machine to Machine Applications)",
                "the management application's token has scopes the portal does not need: create:users (grant only "
                        + "delete:users, read:connections, read:users, update:users)",
                "Auth0 refused to answer about the connections: 403 insufficient_scope");
        assertThat(check.foundRightOnce()).isFalse();
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'auth0 tenant setup' }.status", org.hamcrest.Matchers.equalTo("DOWN"))
                .body("checks.find { it.name == 'auth0 tenant setup' }.data.'problem.1'",
                        org.hamcrest.Matchers.startsWith("the management application's token lacks"));
    }
}
