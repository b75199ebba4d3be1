package dev.selfservice.portal.helpdesk;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The helpdesk's invitation to enrol (issue 31, item 4): for an employee without a contact (alice), whom no code can verify,
 * sent to the work address only, with a reason, once a day, audited with both people.
 */
@QuarkusTest
@CleanSlate
class HelpdeskInvitationTest {

    static final String ALICES_WORK_ADDRESS = "alice@corp.example";

    static Page invite(Browser staff, Page employee, String reason) {
        return staff.submit(employee, "#invite", Map.of("reason", reason));
    }

    @Test
    void helenInvitesAliceWhoHasNoContactAndAlicesWorkMailboxGetsHowToEnrolWithoutALink() throws Exception {
        Browser helen = HelpdeskTest.helen();
        Page alice = HelpdeskTest.find(helen, "alice");
        assertThat(alice.document().select("#no-contacts")).as("alice has no contact to verify her by").hasSize(1);
        assertThat(alice.document().select("#verified-until")).isEmpty();
        int before = TenantApi.notices(ALICES_WORK_ADDRESS).size();

        try (LogCapture log = LogCapture.start()) {
            Page invited = invite(helen, alice, "called in, no contact, ticket 4713");
            assertThat(invited.uri().toString()).endsWith("/helpdesk/employee?done=invited");
            assertThat(invited.text("#notice")).isEqualTo("The invitation was sent to the employee's work address.");

            Map<String, Object> mail = PortalSteps.awaitNotices(ALICES_WORK_ADDRESS, before + 1).get(0);
            assertThat(mail.get("subject")).isEqualTo("Add a recovery contact to your account");
            assertThat(mail.get("text").toString()).contains("without calling.")
                    .contains("type the address of the password self-service portal into your browser: " + portal())
                    .contains("ask the IT helpdesk");
            assertThat(mail.get("html").toString()).as("the address as text, no link").doesNotContain("<a ")
                    .contains(portal());

            Map<String, Object> event = HelpdeskTest.events(log).stream()
                    .filter(e -> "helpdesk.invite".equals(e.get("event"))).findFirst().orElseThrow();
            assertThat(event).containsEntry("outcome", "success")
                    .containsEntry("user_id", TenantApi.adUserId("alice"))
                    .containsEntry("staff", TenantApi.adUserId("helen"))
                    .containsEntry("stated_reason", "called in, no contact, ticket 4713");
        }
        assertThat(HelpdeskEventsTest.events(helen.get(portal() + "/helpdesk/employee")))
                .anySatisfy(e -> assertThat(e).contains("Enrolment invitation sent by the helpdesk (done) by helen"));
    }

    @Test
    void ofParallelInvitationsOneIsSentAndTheRestAreRefusedForTheDay() {
        Browser helen = HelpdeskTest.helen();
        Page alice = HelpdeskTest.find(helen, "alice");
        int before = TenantApi.notices(ALICES_WORK_ADDRESS).size();

        List<Page> tries = Parallel.run(helen.copies(6).stream()
                .map(b -> (Callable<Page>) () -> invite(b, alice, "ticket 4714")).toList());

        assertThat(tries).filteredOn(p -> p.path().equals("/helpdesk/employee") && p.status() == 200).hasSize(1);
        assertThat(tries).filteredOn(p -> p.status() == 429).hasSize(5)
                .allSatisfy(p -> assertThat(p.text("#problem")).contains("already sent to this employee's work address today"));
        assertThat(PortalSteps.awaitNotices(ALICES_WORK_ADDRESS, before + 1)).hasSize(before + 1);
    }

    @Test
    void aReasonIsRequiredAndNothingIsSentWithoutOne() {
        Browser helen = HelpdeskTest.helen();
        Page alice = HelpdeskTest.find(helen, "alice");
        int before = TenantApi.notices(ALICES_WORK_ADDRESS).size();
        Page refused = invite(helen, alice, " ");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#invite-reason-error")).contains("Enter a reason.");
        // the control: with a reason, the same form sends it
        assertThat(invite(helen, refused, "ticket 4715").uri().toString()).endsWith("?done=invited");
        assertThat(PortalSteps.awaitNotices(ALICES_WORK_ADDRESS, before + 1)).hasSize(before + 1);
    }

    @Test
    void anOrdinaryEmployeeIsRefusedAndNoMailIsSent() {
        Browser bob = PortalSteps.stepUp(PortalSteps.signIn("bob", DEMO_PASSWORD), "bob", DEMO_PASSWORD);
        Map<String, String> fields = new HashMap<>(PortalSteps.sessionFormFields(bob));
        fields.put("reason", "ticket 4716");
        int before = TenantApi.notices(ALICES_WORK_ADDRESS).size();
        Page refused = bob.post(portal() + "/helpdesk/employee/invite", fields);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("h1")).isEqualTo("You do not have access to this page");
        assertThat(TenantApi.notices(ALICES_WORK_ADDRESS)).hasSize(before);
    }
}
