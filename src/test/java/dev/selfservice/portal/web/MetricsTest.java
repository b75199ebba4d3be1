package dev.selfservice.portal.web;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import io.quarkus.test.junit.QuarkusTest;

/** /q/metrics: the flow counters move with the steps, and Auth0's calls and breakers are measured. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class MetricsTest {

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The sum of the series whose name and labels are given (0 when none exists yet): the sum, not the first match,
     * because other series may carry the same labels and more (another reason), and which of them exists first
     * depends on the tests that ran before in the same JVM.
     */
    private static double value(String metrics, String name, String... labels) {
        double sum = 0;
        for (String line : metrics.lines().toList()) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                Matcher m = Pattern.compile("} ([0-9.eE+-]+)").matcher(line);
                if (m.find()) {
                    sum += Double.parseDouble(m.group(1));
                }
            }
        }
        return sum;
    }

    @Test
    void theFlowCountersMoveWithEachStepAndOutcome() {
        String before = metrics();
        PortalSteps.signsIn("frank", DEMO_PASSWORD);
        PortalSteps.signsIn("frank", DEMO_PASSWORD);
        Browser carol = new Browser();
        Page form = carol.get(portal() + "/password/expired");
        carol.submit(form, "#expired-password", Map.of("username", "carol", "current", "wrong", "password",
                "Violet-Harbor-Lamp-73", "confirm", "Violet-Harbor-Lamp-73"));
        String after = metrics();

        String[] disabled = { "event=\"signin\"", "outcome=\"helpdesk_only\"", "reason=\"ACCOUNT_DISABLED\"" };
        assertThat(value(after, "portal_events_total", disabled) - value(before, "portal_events_total", disabled))
                .isEqualTo(2.0);
        String[] refused = { "event=\"password.expired_change\"", "outcome=\"refused\"", "reason=\"PASSWORD_NOT_CHANGED\"" };
        assertThat(value(after, "portal_events_total", refused) - value(before, "portal_events_total", refused))
                .isEqualTo(1.0);
        // the control: a step nobody took did not move
        String[] untouched = { "event=\"recovery.reset\"" };
        assertThat(value(after, "portal_events_total", untouched)).isEqualTo(value(before, "portal_events_total", untouched));
    }

    @Test
    void throttlesAndNoticesSentAndNotDeliveredAreCounted() {
        String[] throttled = { "event=\"password.expired_change\"", "outcome=\"throttled\"" };
        String[] sent = { "event=\"notice\"", "outcome=\"success\"" };
        String[] failed = { "event=\"notice\"", "outcome=\"failed\"" };
        String before = metrics();
        Browser carol = new Browser();
        for (int i = 0; i < 4; i++) { // three tries reach AD, the fourth is held back
            carol.submit(carol.get(portal() + "/password/expired"), "#expired-password", Map.of("username", "carol",
                    "current", "wrong-" + i, "password", "Violet-Harbor-Lamp-73", "confirm", "Violet-Harbor-Lamp-73"));
        }
        String afterThrottle = metrics();
        assertThat(value(afterThrottle, "portal_events_total", throttled) - value(before, "portal_events_total", throttled))
                .isEqualTo(1.0);

        // bob's change is told to his work address and his personal one: two notices sent
        Browser bob = PortalSteps.signIn("bob", DEMO_PASSWORD);
        Page form = bob.get(portal() + "/password/change");
        bob.submit(form, "#change-password", Map.of("current", DEMO_PASSWORD, "password", "Violet-Harbor-Lamp-73",
                "confirm", "Violet-Harbor-Lamp-73"));
        PortalSteps.awaitNotices("bob@corp.example", 1);
        PortalSteps.awaitNotices("bob.personal@example.com", 1);
        dev.selfservice.portal.state.PortalState.awaitQuiet();
        String after = metrics();
        assertThat(value(after, "portal_events_total", sent) - value(afterThrottle, "portal_events_total", sent))
                .isEqualTo(2.0);
        assertThat(value(after, "portal_events_total", failed)).as("none failed")
                .isEqualTo(value(before, "portal_events_total", failed));
    }

    @Test
    void auth0CallsAreMeasuredByEndpointAndStatusAndTheBreakersShowTheirState() {
        PortalSteps.signIn("alice", DEMO_PASSWORD).get(portal() + "/account");
        String metrics = metrics();
        // the account page read the user: the template, not the id, names the series
        assertThat(metrics).containsPattern("http_client_requests_seconds_bucket\\{[^}]*uri=\"/api/v2/users/\\{id\\}\"");
        assertThat(metrics).doesNotContain("uri=\"/api/v2/users/ad|");
        assertThat(metrics).containsPattern("http_client_requests_seconds_count\\{[^}]*status=\"200\"");
        assertThat(metrics).contains("ft_circuitbreaker_state_current");
    }
}
