package dev.selfservice.portal.auth0;

import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.LogCapture;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The tenant self-check against the local tenant, set up right at start and then broken one condition at a time as an
 * administrator could break it: each problem is named in readiness and logged, and counted for an alert; since this
 * replica found the tenant right once, a later problem does not take it out (one that is there from the start does:
 * {@link TenantScopesCheckTest}). Conditions of the moment are named too.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class TenantSetupCheckTest {

    @Inject
    TenantSetupCheck check;


    @AfterEach
    void lookAgainAtTheRepairedTenant() {
        TenantApi.reset();
        check.check(); // later tests read readiness
    }

    @Test
    void theLocalTenantIsSetUpAsThePortalNeeds() {
        TenantSetupCheck.Report report = check.check();
        assertThat(report.problems()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.unchecked()).isEmpty();
        JsonPath ready = readiness(200);
        assertThat(ready.getString("checks.find { it.name == 'auth0 tenant setup' }.status")).isEqualTo("UP");
        assertThat(data(ready)).containsKey("checked_at").doesNotContainKey("problem.1");
    }

    @Test
    void theAdConnectionNotEnabledForTheWebApplicationIsNamed() {
        connection("corp-ad", Map.of("clientId", TenantApi.WEB_CLIENT, "enabled", false));
        assertProblem("the AD connection 'corp-ad' is not enabled for the web application (CLIENT_ID)");
    }

    @Test
    void aMissingAdConnectionIsNamed() {
        connection("corp-ad", Map.of("deleted", true));
        assertProblem("the AD connection 'corp-ad' (AD_CONNECTION) does not exist as an AD/LDAP connection");
    }

    @Test
    void aPasswordlessConnectionEnabledForTheWebApplicationIsNamed() {
        connection("email", Map.of("clientId", TenantApi.WEB_CLIENT, "enabled", true));
        assertProblem("the passwordless connection 'email' is enabled for the web application (CLIENT_ID): "
                + "a one-time code must never sign in there");
    }

    @Test
    void aPasswordlessConnectionNotEnabledForTheCodesApplicationIsNamed() {
        connection("sms", Map.of("clientId", TenantApi.OTP_CLIENT, "enabled", false));
        assertProblem("the passwordless connection 'sms' is not enabled for the application of one-time codes (OTP_CLIENT_ID)");
    }

    @Test
    void aMissingPasswordlessConnectionIsNamed() {
        connection("email", Map.of("deleted", true));
        assertProblem("the passwordless connection 'email' does not exist");
    }

    @Test
    void aTenantThatIssuesUnderAnotherDomainIsNamed() {
        TenantApi.issueAs("https://login.corp.example/");
        assertProblem("the tenant's discovery document names https://login.corp.example/ as its issuer, where the portal"
                + " uses " + tenant() + ": set DOMAIN to the domain the tenant issues its tokens under (its custom domain,"
                + " if it has one)");
    }

    @Test
    void anOfflineConnectorIsNamedWithoutTakingThePortalOut() {
        connection("corp-ad", Map.of("connectorOnline", false));
        TenantSetupCheck.Report report = check.check();
        assertThat(report.problems()).isEmpty();
        assertThat(report.warnings()).singleElement().asString().contains("AD connector of 'corp-ad' is offline");
        JsonPath ready = readiness(200);
        assertThat(data(ready)).containsEntry("warning.1", report.warnings().get(0));
    }

    @Test
    void whenAuth0DoesNotAnswerThePartsAreUncheckedNotProblems() {
        // three tries: the call and its two retries
        TenantApi.fault(Map.of("method", "GET", "path", "/api/v2/connections$", "status", 503, "times", 3));
        TenantSetupCheck.Report report = check.check();
        assertThat(report.problems()).isEmpty();
        assertThat(report.unchecked()).containsExactly("the connections (HTTP 503)");
        assertThat(data(readiness(200))).containsEntry("unchecked.1", "the connections (HTTP 503)");
    }

    @Test
    void aFindingIsLoggedOnceNotAtEveryLook() {
        try (LogCapture log = LogCapture.start()) {
            connection("sms", Map.of("clientId", TenantApi.WEB_CLIENT, "enabled", true));
            check.check();
            check.check();
            List<String> lines = log.lines().stream().filter(l -> l.contains("tenant self-check")).toList();
            assertThat(lines).singleElement().asString().contains("'sms' is enabled for the web application");
            TenantApi.reset();
            check.check();
            assertThat(log.lines()).contains("tenant self-check: the Auth0 tenant is set up as the portal needs");
        }
    }

    private void assertProblem(String problem) {
        TenantSetupCheck.Report report = check.check();
        assertThat(report.problems()).containsExactly(problem);
        assertThat(check.foundRightOnce()).isTrue();
        JsonPath ready = readiness(200);
        assertThat(ready.getString("checks.find { it.name == 'auth0 tenant setup' }.status")).isEqualTo("UP");
        assertThat(data(ready)).containsEntry("problem.1", problem);
        assertThat(given().get("/q/metrics").then().extract().asString()).contains("portal_tenant_setup_problems 1.0");
        assertThat(ready.getString("checks.find { it.name == 'state store' }.status")).as("the other checks still report")
                .isEqualTo("UP");
    }

    private static JsonPath readiness(int status) {
        return given().get("/q/health/ready").then().statusCode(status).extract().jsonPath();
    }

    private static Map<String, Object> data(JsonPath ready) {
        return ready.getMap("checks.find { it.name == 'auth0 tenant setup' }.data");
    }

    private static void connection(String name, Map<String, Object> change) {
        given().contentType(ContentType.JSON).body(change).post(tenant() + "test-controls/connections/" + name).then()
                .statusCode(204);
    }
}
