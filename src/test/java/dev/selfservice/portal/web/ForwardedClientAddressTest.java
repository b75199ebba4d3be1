package dev.selfservice.portal.web;

import dev.selfservice.portal.state.Limit;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.PortalSteps;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The client's address behind a trusted proxy, set up as deploy/example does (X-Forwarded-For, the proxies a CIDR
 * range; here the test's own loopback). An appending proxy keeps what the client sent on the left: the address is the
 * rightmost one that is not a trusted proxy, for every use of it: the audit trail, {@code auth0-forwarded-for} (the
 * tenant's log), the notice's "From: the address", and the per-address limits.
 */
@QuarkusTest
@TestProfile(ForwardedClientAddressTest.BehindTheExampleProxy.class)
@CleanSlate
class ForwardedClientAddressTest {

    @jakarta.inject.Inject
    dev.selfservice.portal.state.Limits limits;

    public static class BehindTheExampleProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.0/8,::1");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_PASSWORD = "Quiet-Harbour-Lanterns-41";

    /** The expired-password form posted as a browser behind the proxy would, with the proxy's header. */
    private static Response postExpired(String forwardedFor, String user, String current, String password) {
        Response form = given().get(portal() + "/password/expired");
        Document page = Jsoup.parse(form.asString());
        Map<String, String> fields = new HashMap<>();
        page.select("#expired-password input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        fields.putAll(Map.of("username", user, "current", current, "password", password, "confirm", password));
        var request = given().redirects().follow(false).cookies(form.getCookies()).formParams(fields);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        Response answer = request.post(portal() + "/password/expired");
        // a refusal is shown by the GET its answer redirects to (post/redirect/get), as a browser follows it
        String location = answer.getHeader("Location");
        if (answer.statusCode() == 303 && location != null && location.contains(RefusedForm.QUERY + "=")) {
            return given().redirects().follow(false).cookies(form.getCookies()).cookies(answer.getCookies())
                    .get(java.net.URI.create(portal()).resolve(location).toString());
        }
        return answer;
    }

    private static List<Map<String, Object>> audit(LogCapture log) throws Exception {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : log.lines()) {
            if (line.startsWith("{\"time\"")) {
                events.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
            }
        }
        return events;
    }

    @Test
    void behindAnAppendingProxyTheClientsOwnLeftEntryIsIgnoredEverywhere() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            Response changed = postExpired("6.6.6.6, 203.0.113.50", "carol", DEMO_PASSWORD, NEW_PASSWORD);
            assertThat(changed.statusCode()).isEqualTo(303);
            String notice = (String) PortalSteps.awaitNotices("carol@corp.example", 1).get(0).get("text");
            assertThat(notice).contains("203.0.113.50").doesNotContain("6.6.6.6");
            log.await(l -> l.contains("\"event\":\"password.expired_change\""));
            assertThat(audit(log)).filteredOn(e -> "password.expired_change".equals(e.get("event")))
                    .extracting(e -> e.get("ip")).containsExactly("203.0.113.50");
            // what the portal sent Auth0 as auth0-forwarded-for, as the tenant logged the password-realm sign-in
            assertThat(log.lines()).filteredOn(l -> l.contains("user=carol") && l.contains(" ip="))
                    .isNotEmpty().allMatch(l -> l.contains("ip=203.0.113.50"));
        }
    }

    @Test
    void behindAnOverwritingProxyOrAChainOfTrustedOnesTheClientIsTheNearestUntrustedAddress() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            postExpired("203.0.113.51", "dave", "Wrong-Current-1", NEW_PASSWORD);
            postExpired("6.6.6.6, 203.0.113.52, 127.0.0.9", "dave", "Wrong-Current-2", NEW_PASSWORD);
            postExpired(null, "dave", "Wrong-Current-3", NEW_PASSWORD);
            log.awaitCount(l -> l.contains("\"event\":\"password.expired_change\""), 3);
            assertThat(audit(log)).filteredOn(e -> "password.expired_change".equals(e.get("event")))
                    .extracting(e -> e.get("ip")).containsExactly("203.0.113.51", "203.0.113.52", "127.0.0.1");
        }
    }

    @Test
    void behindTheProxyAForeignHostHeaderNeverBecomesTheSignInsRedirectUri() {
        io.restassured.response.Response foreign = io.restassured.RestAssured.given().redirects().follow(false)
                .header("Host", "evil.example").header("X-Forwarded-For", "203.0.113.50").get(portal() + "/signin");
        assertThat(foreign.statusCode()).as("refused, not sent to the tenant with the client's host").isEqualTo(421);
        assertThat(String.valueOf(foreign.header("Location"))).doesNotContain("evil.example");
        // the control: the configured host is sent to the tenant with the public URL's redirect_uri
        io.restassured.response.Response own = io.restassured.RestAssured.given().redirects().follow(false)
                .header("X-Forwarded-For", "203.0.113.50").get(portal() + "/signin");
        assertThat(own.statusCode()).isBetween(300, 399);
        assertThat(java.net.URLDecoder.decode(own.header("Location"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("redirect_uri=" + portal() + "/callback");
    }

    @Test
    void anIpv6ClientSharesItsLimitsWithItsWholeSlash64() {
        int[] n = { 0 };
        List<Integer> statuses = Parallel.times(limits.ceiling(Limit.PASSWORD_POSTS_PER_ADDRESS) + 3, () -> {
            String chosen;
            synchronized (n) {
                chosen = "2001:db8:1:2:" + Integer.toHexString(n[0]++) + "::9";
            }
            return postExpired(chosen, "carol", "Wrong-Current-1", "\uFDFA".repeat(20)).statusCode();
        });
        assertThat(statuses.stream().filter(s -> s == 429).count()).as("one /64, one share").isEqualTo(3);
        // the control: the next /64 has its own share
        assertThat(postExpired("2001:db8:1:3::9", "carol", "Wrong-Current-1", "\uFDFA".repeat(20)).statusCode())
                .isEqualTo(400);
        assertThat(ClientAddress.network("2001:db8:1:2:abcd::9")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.network("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.network("::ffff:203.0.113.7")).as("IPv4-mapped: the IPv4 address").isEqualTo("203.0.113.7");
    }

    @Test
    void aClientThatChangesItsOwnLeftEntryStillSharesItsAddresssLimit() {
        int[] n = { 0 };
        List<Integer> statuses = Parallel.times(limits.ceiling(Limit.PASSWORD_POSTS_PER_ADDRESS) + 3, () -> {
            String chosen;
            synchronized (n) {
                chosen = "6.6.6." + (n[0]++ % 250);
            }
            return postExpired(chosen + ", 203.0.113.70", "carol", "Wrong-Current-1", "\uFDFA".repeat(20)).statusCode();
        });
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(3);
        // the control: another client behind the same proxy has its own share
        assertThat(postExpired("203.0.113.71", "carol", "Wrong-Current-1", "\uFDFA".repeat(20)).statusCode())
                .isEqualTo(400);
    }
}
