package dev.selfservice.portal.audit;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every flow leaves its events in the audit trail, one JSON line each, with the documented fields, and never a
 * password, code, token or unmasked contact.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class AuditTrailTest {

    static final String NEW_PASSWORD = "Violet-Harbor-Lamp-73";
    static final Set<String> FIELDS = Set.of("time", "event", "outcome", "reason", "user_id", "ip", "browser", "request_id");
    private static final ObjectMapper JSON = new ObjectMapper();


    /** The audit events logged so far, parsed. */
    private static List<Map<String, Object>> events(LogCapture log) throws Exception {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : log.lines()) {
            if (line.startsWith("{\"time\"")) {
                events.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
            }
        }
        return events;
    }

    private static Map<String, Object> only(List<Map<String, Object>> events, String event, String outcome) {
        List<Map<String, Object>> found = events.stream()
                .filter(e -> event.equals(e.get("event")) && outcome.equals(e.get("outcome"))).toList();
        assertThat(found).as(event + " " + outcome + " in " + events).hasSize(1);
        return found.get(0);
    }

    @Test
    void everyFlowLeavesItsEventsWithTheirFieldsAndNoSecret() throws Exception {
        String bobId = TenantApi.adUserId("bob");
        String aliceId = TenantApi.adUserId("alice");
        List<String> codes = new ArrayList<>();
        try (LogCapture log = LogCapture.start()) {
            // sign-in: a success, and a refusal only the helpdesk can help with
            Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
            PortalSteps.signsIn("frank", DEMO_PASSWORD);

            // enrolment: start, confirm, remove (after entering the password again)
            PortalSteps.stepUp(alice, "alice", DEMO_PASSWORD);
            Page verify = alice.submit(alice.get(portal() + "/enrolment"), "#add-email", Map.of("email", "alice.home@example.net"));
            String code = TenantApi.latestCode("alice.home@example.net");
            codes.add(code);
            Page listed = alice.submit(verify, "#verify", Map.of("code", code));
            String removeHref = listed.document().select(".contact a.remove").attr("href");
            alice.submit(alice.get(portal() + removeHref), "#remove", Map.of());

            // signed-in change: refused (wrong current password), then done
            Page form = alice.get(portal() + "/password/change");
            alice.submit(form, "#change-password", Map.of("current", "not-" + DEMO_PASSWORD, "password", NEW_PASSWORD,
                    "confirm", NEW_PASSWORD));
            form = alice.get(portal() + "/password/change");
            alice.submit(form, "#change-password", Map.of("current", DEMO_PASSWORD, "password", NEW_PASSWORD,
                    "confirm", NEW_PASSWORD));

            // expired change: done for carol; three wrong tries for dave, then the limit
            changeExpired("carol", DEMO_PASSWORD);
            for (int i = 0; i < 4; i++) {
                changeExpired("dave", "wrong-" + i);
            }

            // recovery: start, a wrong code, the code, the reset
            int before = PortalSteps.outboxCount("bob.personal@example.com");
            Browser bob = new Browser();
            Page codePage = bob.submit(bob.get(portal() + "/recovery"), "#recovery-start",
                    Map.of("username", "bob", "contact", "bob.personal@example.com"));
            String bobCode = PortalSteps.awaitCode("bob.personal@example.com", before);
            codes.add(bobCode);
            String wrong = (char) ('0' + (bobCode.charAt(0) - '0' + 1) % 10) + bobCode.substring(1);
            codePage = bob.submit(codePage, "#recovery-code", Map.of("code", wrong));
            Page reset = bob.submit(codePage, "#recovery-code", Map.of("code", bobCode));
            bob.submit(reset, "#recovery-reset", Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
            PortalSteps.awaitNotices("bob@corp.example", 1);
            log.await(l -> l.contains("\"event\":\"notice\"") && l.contains("b\u2022\u2022\u2022@corp.example"));

            List<Map<String, Object>> events = events(log);
            assertThat(only(events, "signin", "success")).containsEntry("user_id", aliceId).containsEntry("reason", null);
            assertThat(only(events, "signin", "helpdesk_only")).containsEntry("reason", "ACCOUNT_DISABLED")
                    .containsEntry("user_id", null);
            assertThat(only(events, "enrolment.start", "success")).containsEntry("user_id", aliceId)
                    .containsEntry("channel", "email").containsEntry("contact", "a\u2022\u2022\u2022@example.net");
            only(events, "enrolment.confirm", "success");
            only(events, "enrolment.remove", "success");
            assertThat(only(events, "password.change", "refused")).containsEntry("reason", "WRONG_CURRENT_PASSWORD");
            assertThat(only(events, "password.change", "success")).containsEntry("user_id", aliceId);
            assertThat(only(events, "password.expired_change", "success")).containsEntry("user_id", TenantApi.adUserId("carol"));
            assertThat(events.stream().filter(e -> "password.expired_change".equals(e.get("event"))
                    && "refused".equals(e.get("outcome")))).hasSize(3);
            assertThat(only(events, "password.expired_change", "throttled")).containsEntry("reason", "TOO_MANY_PASSWORD_TRIES");
            assertThat(only(events, "recovery.start", "success")).containsEntry("user_id", null);
            assertThat(only(events, "recovery.code", "refused")).containsEntry("reason", "WRONG_CODE");
            assertThat(only(events, "recovery.code", "success")).containsEntry("user_id", bobId);
            assertThat(only(events, "recovery.reset", "success")).containsEntry("user_id", bobId);
            assertThat(events.stream().filter(e -> "notice".equals(e.get("event")) && bobId.equals(e.get("user_id"))
                    && "PASSWORD_RESET".equals(e.get("notice")))).isNotEmpty();

            for (Map<String, Object> e : events) {
                assertThat(e.keySet()).as("the documented fields").containsAll(FIELDS);
                assertThat((String) e.get("time")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
                // where it came from, and the id its answer carried (a notice: those of the request that caused it)
                assertThat(e).as(String.valueOf(e)).containsEntry("ip", "127.0.0.1");
                assertThat((String) e.get("request_id")).matches("[0-9a-f]{16}");
            }
            String trail = String.join("\n", log.lines().stream().filter(l -> l.startsWith("{\"time\"")).toList());
            assertThat(trail).doesNotContain(DEMO_PASSWORD, NEW_PASSWORD, "alice.home@example.net",
                    "bob.personal@example.com", "bob@corp.example", "eyJ");
            for (String c : codes) {
                assertThat(trail).doesNotContain("\"" + c + "\"").doesNotContain(":" + c);
            }
        }
    }

    @Test
    void liftingThePauseAndAThrottledRecoveryAreRecorded() throws Exception {
        TenantApi.pauseByBruteForce("bob", "127.0.0.1");
        TenantApi.directoryState("bob", "unlocked");
        try (LogCapture log = LogCapture.start()) {
            int before = PortalSteps.outboxCount("bob.personal@example.com");
            Browser bob = new Browser();
            Page codePage = bob.submit(bob.get(portal() + "/recovery"), "#recovery-start",
                    Map.of("username", "bob", "contact", "bob.personal@example.com"));
            Page reset = bob.submit(codePage, "#recovery-code",
                    Map.of("code", PortalSteps.awaitCode("bob.personal@example.com", before)));
            bob.submit(reset, "#recovery-unblock", Map.of());
            assertThat(only(events(log), "recovery.unblock", "success")).containsEntry("user_id", TenantApi.adUserId("bob"));

            // more recovery starts than one address may make (four times the sends): the last ones are throttled
            Browser again = new Browser();
            for (int i = 0; i < 21; i++) {
                again.submit(again.get(portal() + "/recovery"), "#recovery-start",
                        Map.of("username", "bob", "contact", "bob.personal@example.com"));
            }
            assertThat(events(log).stream().filter(e -> "recovery.start".equals(e.get("event"))
                    && "throttled".equals(e.get("outcome")))).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.get("reason")).isEqualTo("TOO_MANY_RECOVERY_REQUESTS"));
        }
    }

    @jakarta.inject.Inject
    dev.selfservice.support.PortalTestClock clock;

    @Test
    void aCodeSentAgainIsRecorded() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            Browser bob = new Browser();
            Page codePage = bob.submit(bob.get(portal() + "/recovery"), "#recovery-start",
                    Map.of("username", "bob", "contact", "bob.personal@example.com"));
            bob.submit(codePage, "#recovery-resend", Map.of());
            clock.advance(java.time.Duration.ofSeconds(61));
            bob.submit(bob.get(portal() + "/recovery/code"), "#recovery-resend", Map.of());
            List<Map<String, Object>> events = events(log);
            assertThat(only(events, "recovery.resend", "refused")).containsEntry("reason", "RESEND_TOO_SOON");
            only(events, "recovery.resend", "success");
        }
    }

    @Test
    void aRequestsIdIsInItsAnswer() {
        Browser browser = new Browser();
        Page landing = browser.get(portal() + "/");
        assertThat(landing.headers().get("x-request-id")).singleElement().asString().matches("[0-9a-f]{16}");
        assertThat(browser.get(portal() + "/").headers().get("x-request-id")).as("a new one each time")
                .isNotEqualTo(landing.headers().get("x-request-id"));
    }

    private static void changeExpired(String user, String current) {
        Browser browser = new Browser();
        Page form = browser.get(portal() + "/password/expired");
        browser.submit(form, "#expired-password", Map.of("username", user, "current", current, "password", NEW_PASSWORD,
                "confirm", NEW_PASSWORD));
    }
}
