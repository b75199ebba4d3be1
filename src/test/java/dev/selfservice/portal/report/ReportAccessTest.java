package dev.selfservice.portal.report;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The coverage report (issue 32) is for the report role only, from an AD group and checked on every request: an
 * ordinary employee, a helpdesk-only person and a signed-out visitor reach neither the page, nor the CSV, nor the
 * button that starts a reading; rita of the report group does.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class ReportAccessTest {

    private static final List<String> PAGES = List.of("/reports", "/reports/without-contact.csv");

    private static void refusedEverything(Browser someone) {
        for (String path : PAGES) {
            Page refused = someone.get(portal() + path);
            assertThat(refused.status()).as("GET " + path).isEqualTo(403);
            assertThat(refused.text("h1")).isEqualTo("You do not have access to this page");
        }
        Map<String, String> fields = PortalSteps.sessionFormFields(someone);
        assertThat(someone.post(portal() + "/reports/run", fields).status()).as("POST /reports/run").isEqualTo(403);
        assertThat(someone.get(portal() + "/account").document().select("#reports-link")).isEmpty();
    }

    @Test
    void anOrdinaryEmployeeIsRefusedThePageTheCsvAndTheRunAndSeesNoLink() {
        refusedEverything(PortalSteps.signIn("alice", DEMO_PASSWORD));
        assertThat(TenantApi.callsTo("POST /api/v2/jobs/users-exports")).as("no reading was started").isZero();
        // the control: rita of the report group opens both
        Browser rita = PortalSteps.signIn("rita", DEMO_PASSWORD);
        assertThat(rita.get(portal() + "/account").document().select("#reports-link")).hasSize(1);
        for (String path : PAGES) {
            assertThat(rita.get(portal() + path).status()).as("GET " + path).isEqualTo(200);
        }
    }

    @Test
    void aHelpdeskOnlyPersonIsRefusedThePageTheCsvAndTheRun() {
        Browser helen = PortalSteps.signIn("helen", DEMO_PASSWORD);
        refusedEverything(helen);
        assertThat(helen.get(portal() + "/helpdesk").status()).as("the control: her own role still works").isEqualTo(200);
    }

    @Test
    void aSignedOutVisitorIsSentToSignInForThePageAndTheCsv() {
        for (String path : PAGES) {
            Browser visitor = new Browser().stoppingAt(tenant());
            Page signedOut = visitor.get(portal() + path);
            assertThat(signedOut.uri().toString()).as("sent to sign in from " + path).startsWith(tenant());
            assertThat(signedOut.body()).doesNotContain("username,");
        }
    }
}
