package dev.selfservice.portal.helpdesk;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.portal.state.PortalState;
import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the helpdesk page acts on, found by the last attack on it: a form acts on the employee it was shown for or on
 * nobody, a staff account is not opened at all, and a page says a step was done only after the portal did it.
 */
@QuarkusTest
@CleanSlate
class HelpdeskCaseGuardsTest {

    @Test
    void aTabLeftOpenOnAliceInvitesNobodyOnceHelenFoundCarolInAnother() {
        Browser helen = HelpdeskTest.helen();
        Page aliceTab = HelpdeskTest.find(helen, "alice");
        Page carolTab = HelpdeskTest.find(helen, "carol");
        int alices = TenantApi.notices("alice@corp.example").size();
        int carols = TenantApi.notices("carol@corp.example").size();

        Page stale = HelpdeskInvitationTest.invite(helen, aliceTab, "ticket 4720");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("#problem")).contains("open for another employee").contains("Nothing was done");
        assertThat(stale.text("#employee-username")).as("the page shows whose case is open").isEqualTo("carol");
        // the control: carol's own page's form does send (and so would have, had the stale form acted)
        Page invited = HelpdeskInvitationTest.invite(helen, carolTab, "ticket 4720");
        assertThat(invited.text("#notice")).isEqualTo("The invitation was sent to the employee's work address.");
        PortalSteps.awaitNotices("carol@corp.example", carols + 1);
        PortalState.awaitQuiet();
        assertThat(TenantApi.notices("carol@corp.example")).hasSize(carols + 1);
        assertThat(TenantApi.notices("alice@corp.example")).hasSize(alices);
    }

    @Test
    void aFormWithoutTheEmployeesNameActsOnNobody() {
        Browser helen = HelpdeskTest.helen();
        Page alice = HelpdeskTest.find(helen, "alice");
        Map<String, String> fields = new java.util.HashMap<>(alice.hiddenFields("#invite"));
        assertThat(fields).as("the control: the page's form names her").containsEntry("for", "alice");
        fields.remove("for");
        fields.put("reason", "ticket 4721");

        Page answer = helen.post(portal() + "/helpdesk/employee/invite", fields);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.document().select("#notice")).isEmpty();
    }

    @Test
    void aStaffAccountIsNotOpenedAtTheHelpdesk() {
        Browser helen = HelpdeskTest.helen();

        Page rita = HelpdeskTest.find(helen, "rita");

        assertThat(rita.status()).isEqualTo(403);
        assertThat(rita.text("#problem")).contains("staff account");
        assertThat(rita.document().select("#employee-username")).isEmpty();
        // the control: an employee in no staff group opens
        assertThat(HelpdeskTest.find(helen, "bob").text("#employee-username")).isEqualTo("bob");
    }

    @Test
    void aLinkSayingTheCallerIsVerifiedShowsNoSuchLine() {
        Browser helen = HelpdeskTest.helen();
        Page bob = HelpdeskTest.find(helen, "bob");

        Page linked = helen.get(portal() + "/helpdesk/employee?done=verified");

        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.document().select("#notice")).isEmpty();
        assertThat(linked.document().select("#actions-locked")).hasSize(1);
        // the control: the portal's own redirect after a step does say it, once
        Page sent = helen.submit(bob, "form.send-code", Map.of());
        assertThat(sent.uri().toString()).endsWith("/helpdesk/employee?done=sent");
        assertThat(sent.text("#notice")).contains("code was sent");
        assertThat(helen.get(portal() + "/helpdesk/employee?done=sent").document().select("#notice"))
                .as("said once: a reload shows the page as it is").isEmpty();
    }
}
