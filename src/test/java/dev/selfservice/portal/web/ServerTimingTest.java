package dev.selfservice.portal.web;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Hop;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code portal.server-timing} on, each answer splits its time into the portal's own and its waits on Auth0 and
 * on the breach list, and counts the calls: the facades' calls and quarkus-oidc's code exchange, each once.
 */
@QuarkusTest
@TestProfile(ServerTimingTest.On.class)
@CleanSlate
class ServerTimingTest {

    public static class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no notices: their recipients are looked up beside the answer, and a lookup that ends before it would
            // be counted in it (a known imprecision, see the README); this test counts the request's own calls
            return Map.of("portal.server-timing", "true", "portal.notices.enabled", "false");
        }
    }

    private static final Pattern TIMING = Pattern.compile("app;dur=([0-9.]+), auth0;dur=([0-9.]+);desc=\"([0-9]+) calls\", "
            + "breach;dur=([0-9.]+);desc=\"([0-9]+) calls\"");

    record Timing(double app, double auth0, int calls, double breach, int breachCalls) {
        static Timing of(Hop hop) {
            String header = hop.headers().firstValue("Server-Timing")
                    .orElseThrow(() -> new AssertionError("no Server-Timing on " + hop.uri()));
            Matcher m = TIMING.matcher(header);
            assertThat(m.matches()).as(header).isTrue();
            return new Timing(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Integer.parseInt(m.group(3)),
                    Double.parseDouble(m.group(4)), Integer.parseInt(m.group(5)));
        }
    }

    private static Hop hop(Browser browser, String method, String path) {
        return browser.hops().stream().filter(h -> h.method().equals(method) && h.uri().getPath().equals(path)
                && h.uri().toString().startsWith(portal())).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + method + " " + path + " in " + browser.hops()));
    }

    @Test
    void theLandingPageIsAllThePortalsOwnTime() {
        Browser browser = new Browser();
        browser.get(portal() + "/");
        Timing landing = Timing.of(hop(browser, "GET", "/"));
        assertThat(landing.calls()).isZero();
        assertThat(landing.auth0()).isZero();
        assertThat(landing.breachCalls()).isZero();
        assertThat(landing.app()).isPositive();
    }

    @Test
    void theSignInsCodeExchangeIsAuth0Time() {
        int codesBefore = TenantApi.tokensIssued("authorization_code");
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        assertThat(TenantApi.tokensIssued("authorization_code") - codesBefore).isEqualTo(1);
        Timing callback = Timing.of(hop(alice, "GET", "/callback"));
        assertThat(callback.calls()).as("the code exchanged by quarkus-oidc, which no facade makes").isPositive();
        assertThat(callback.auth0()).isPositive();
    }

    @Test
    void aPasswordChangeCountsEachAuth0CallOnce() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        int tokensBefore = TenantApi.tokensIssued("client_credentials");
        Page form = alice.get(portal() + "/password/change");
        Page done = alice.submit(form, "#change-password",
                Map.of("current", DEMO_PASSWORD, "password", "Violet-Harbor-Lamp-73", "confirm", "Violet-Harbor-Lamp-73"));
        assertThat(done.path()).isEqualTo("/password/changed");

        Timing change = Timing.of(hop(alice, "POST", "/password/change"));
        int tokens = TenantApi.tokensIssued("client_credentials") - tokensBefore;
        // the current password checked (Authentication API), the user read and the password written (Management
        // API); the machine-to-machine token, if one was fetched, is inside a Management call and not counted again
        assertThat(change.calls()).isEqualTo(3);
        assertThat(change.breachCalls()).as("the new password screened against the breach list").isEqualTo(1);
        assertThat(tokens).as("tokens fetched meanwhile").isBetween(0, 1);
        assertThat(change.auth0()).isPositive();
        assertThat(change.app()).isPositive();
    }

    @Test
    void theWaitOnTheBreachListIsNotThePortalsOwnTime() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page form = alice.get(portal() + "/password/change");
        // the range API answers a second late, this once: the second is the breach list's, not the portal's
        TenantApi.fault(Map.of("method", "GET", "path", "/range/", "status", 0, "delayMs", 1_000, "times", 1));
        Page done = alice.submit(form, "#change-password",
                Map.of("current", DEMO_PASSWORD, "password", "Amber-Quarry-Violin-58", "confirm", "Amber-Quarry-Violin-58"));
        assertThat(done.path()).isEqualTo("/password/changed");

        Timing change = Timing.of(hop(alice, "POST", "/password/change"));
        assertThat(change.breachCalls()).isEqualTo(1);
        assertThat(change.breach()).isGreaterThanOrEqualTo(1_000);
        assertThat(change.app()).as("the portal's own time, the second left out").isLessThan(1_000);
        assertThat(change.app()).isPositive();
    }
}
