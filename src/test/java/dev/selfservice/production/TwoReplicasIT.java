package dev.selfservice.production;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.ProductionJar;
import dev.selfservice.support.RedisServer;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Two replicas sharing one Redis, as the platform team runs them: replica A is the test application (with the local
 * tenant), replica B the packaged production jar configured for that tenant and that Redis. Pages are taken from A and
 * their forms posted to either, as a load balancer would spread them.
 */
@QuarkusTest
@TestProfile(TwoReplicasIT.SharedRedis.class)
@ExtendWith(RedisServer.class)
@dev.selfservice.support.CleanSlate
class TwoReplicasIT {

    static final String BOB_EMAIL = "bob.personal@example.com";

    public static class SharedRedis extends RedisServer.OnRedis {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
            config.put("portal.recovery.max-sends", "2");
            return config;
        }
    }

    private static Process replicaB;
    private static String b;
    private static int bManagement;

    @BeforeAll
    static void startReplicaB() throws Exception {
        int port = ProductionJar.freePort();
        replicaB = startReplica(port);
        b = "http://localhost:" + port;
        bManagement = ProductionJar.lastManagementPort();
    }

    /** A packaged production replica on the port, on the test's tenant, Redis and relay, ready when it returns. */
    private static Process startReplica(int port) throws Exception {
        String tenantUrl = tenant();
        Process replica = ProductionJar.start(Map.ofEntries(
                Map.entry("DOMAIN", URI.create(tenantUrl).getAuthority()),
                Map.entry("PORTAL_AUTH0_URL", tenantUrl),
                Map.entry("CLIENT_ID", TenantApi.WEB_CLIENT),
                Map.entry("CLIENT_SECRET", TenantApi.WEB_SECRET),
                Map.entry("AD_CONNECTION", "corp-ad"),
                Map.entry("PORTAL_BASE_URL", "http://localhost:" + port),
                Map.entry("HELPDESK_CONTACT", "the IT helpdesk on +1 555 0100"),
                // the same keys on every replica: a cookie sealed by one is read by the other
                Map.entry("SESSION_SECRET", ConfigProvider.getConfig().getValue("portal.session-secret", String.class)),
                Map.entry("OTP_CLIENT_ID", TenantApi.OTP_CLIENT),
                Map.entry("OTP_CLIENT_SECRET", TenantApi.OTP_SECRET),
                Map.entry("NON_INTERACTIVE_CLIENT_ID", TenantApi.M2M_CLIENT),
                Map.entry("NON_INTERACTIVE_CLIENT_SECRET", TenantApi.M2M_SECRET),
                Map.entry("REDIS_URL", RedisServer.url()),
                // notices go to the tenant's SMTP server, as replica A's do
                Map.entry("SMTP_HOST", "127.0.0.1"),
                Map.entry("SMTP_PORT", ConfigProvider.getConfig().getValue("local-tenant.smtp-port", String.class)),
                Map.entry("SMTP_STARTTLS", "DISABLED"),
                Map.entry("SMTP_FROM", "password-portal@corp.example"),
                Map.entry("PORTAL_RECOVERY_MAX_SENDS", "2"),
                // replica A runs over http with the test profile's cookie name; B must read the same cookie
                // (between production replicas, both use the __Host- name over https)
                Map.entry("QUARKUS_REST_CSRF_COOKIE_NAME", "csrf-token"),
                Map.entry("QUARKUS_HTTP_PORT", String.valueOf(port))));
        assertThat(ProductionJar.waitForPortal(port).statusCode()).isEqualTo(200);
        return replica;
    }

    @AfterAll
    static void stopReplicaB() throws Exception {
        if (replicaB != null) {
            replicaB.destroy();
            replicaB.waitFor(20, TimeUnit.SECONDS);
        }
    }


    private static Page prove(Browser browser) {
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page start = browser.get(portal() + "/recovery");
        Page code = browser.submit(start, "#recovery-start", Map.of("username", "bob", "contact", BOB_EMAIL));
        return browser.submit(code, "#recovery-code", Map.of("code", PortalSteps.awaitCode(BOB_EMAIL, before)));
    }

    @Test
    void theProductionReplicaChecksTheTenantAtStartAndSaysItIsReady() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> ready = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ready = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + bManagement + "/q/health/ready")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (ready.statusCode() == 200) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode checks = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(ready.body()).get("checks");
        assertThat(checks.findValuesAsText("name")).contains("auth0 tenant setup", "state store");
        // the look at start is logged once, as a JSON line of the production log
        java.util.List<String> lines = java.nio.file.Files.readAllLines(ProductionJar.lastOutput()).stream()
                .filter(l -> l.contains("tenant self-check")).toList();
        assertThat(lines).singleElement().asString().startsWith("{")
                .contains("the Auth0 tenant is set up as the portal needs");
    }

    @Test
    void theStartLimitOfOneAddressCountsAcrossBothReplicas() {
        // replica B is a production build, whose cookies (a refusal's too: post/redirect/get) are Secure
        Browser browser = Browser.withLocalhostAsSecure();
        Map<String, String> same = Map.of("username", "nobody", "contact", "same@example.com");
        // four times max-sends (2) per address, the one limit the page shows
        for (int i = 0; i < 8; i++) {
            assertThat(start(browser, i % 2 == 0 ? portal() : b, same).status()).isEqualTo(200);
        }
        Page ninth = start(browser, portal(), same);
        assertThat(ninth.status()).as("the ninth request, whichever replica it reaches").isEqualTo(429);
        assertThat(ninth.text("#problem")).contains("Too many requests");
        assertThat(start(browser, b, same).text("#problem")).contains("Too many requests");
    }

    /** A fresh start form from replica A, posted to the replica given. */
    private static Page start(Browser browser, String replica, Map<String, String> fields) {
        return browser.submitTo(replica, browser.get(portal() + "/recovery"), "#recovery-start", fields);
    }

    @Test
    void aProofUsedOnOneReplicaIsRefusedOnTheOther() {
        // replica B is a production build, whose cookies (a refusal's too: post/redirect/get) are Secure
        Browser browser = Browser.withLocalhostAsSecure();
        Page reset = prove(browser);
        HttpCookie proof = browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("recovery_proof")).findFirst().orElseThrow();
        // lifting the pause leaves the account's updated_at alone: only the shared store can tell the proof is spent
        Page lifted = browser.post(portal() + "/recovery/unblock", reset.hiddenFields("#recovery-reset"));
        assertThat(lifted.status()).isEqualTo(200);
        assertThat(lifted.body()).contains("pause on sign-in is lifted");

        browser.cookies().getCookieStore().add(URI.create(portal()), proof);
        Page replay = browser.post(b + "/recovery/unblock", reset.hiddenFields("#recovery-reset"));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body()).contains("expired or was already used");
    }

    @Test
    void ofTenParallelResetsSpreadOverBothReplicasExactlyOneActs() {
        // replica B is a production build, whose cookies (a refusal's too: post/redirect/get) are Secure
        Browser browser = Browser.withLocalhostAsSecure();
        Page reset = prove(browser);
        Map<String, String> password = Map.of("password", "Quiet-Garden-Moon-58", "confirm", "Quiet-Garden-Moon-58");
        List<Callable<Page>> calls = new ArrayList<>();
        // a jar each: with one shared jar, one answer's refusal cookie replaces another's before its page is read
        List<Browser> copies = browser.copies(10);
        for (int i = 0; i < 10; i++) {
            String replica = i % 2 == 0 ? portal() : b;
            Browser copy = copies.get(i);
            calls.add(() -> copy.submitTo(replica, reset, "#recovery-reset", password));
        }
        List<Page> answers = Parallel.run(calls);
        assertThat(answers).filteredOn(p -> p.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(p -> p.status() == 400)
                .allSatisfy(p -> assertThat(p.text("#problem")).contains("expired or was already used")).hasSize(9);
        assertThat(answers).as("both replicas answered").anyMatch(p -> p.uri().toString().startsWith(b))
                .anyMatch(p -> p.uri().toString().startsWith(portal()));
        assertThat(TenantApi.events(Map.of("type", "sapi", "operation", "set_password"))).hasSize(1);
        assertThat(PortalSteps.signsIn("bob", "Quiet-Garden-Moon-58")).isTrue();
    }

    @Test
    void aSessionSignedOutOnOneReplicaIsSignedOutOnTheOther() {
        Browser alice = PortalSteps.signIn("alice", "Start-Passw0rd!");
        Browser copy = PortalSteps.copyOfSession(alice);
        assertThat(copy.get(b + "/account").path()).as("replica B opens the session A began").isEqualTo("/account");

        Page account = alice.get(portal() + "/account");
        alice.submit(account, "form.signout", Map.of());

        Page refused = copy.get(b + "/account");
        assertThat(refused.path()).isNotEqualTo("/account");
        assertThat(refused.body()).doesNotContain("alice@corp.example");
    }

    @Test
    void aPasswordChangedOnOneReplicaEndsTheSessionsOnTheOther() {
        Browser alice = PortalSteps.signIn("alice", "Start-Passw0rd!");
        Browser otherDevice = PortalSteps.signIn("alice", "Start-Passw0rd!");
        assertThat(otherDevice.get(b + "/account").path()).isEqualTo("/account");

        Page form = alice.get(portal() + "/password/change");
        Page changed = alice.submit(form, "#change-password", Map.of("current", "Start-Passw0rd!", "password",
                "Amber-Orchard-Kite-64", "confirm", "Amber-Orchard-Kite-64"));
        assertThat(changed.path()).isEqualTo("/password/changed");

        assertThat(otherDevice.get(b + "/account").path()).isNotEqualTo("/account");
    }

    @jakarta.inject.Inject
    dev.selfservice.portal.notice.Notices notices;

    @jakarta.inject.Inject
    dev.selfservice.portal.state.StateStore store;

    @jakarta.inject.Inject
    dev.selfservice.portal.notice.NoticeOutbox outbox;

    @jakarta.inject.Inject
    dev.selfservice.support.PortalTestClock clock;

    private List<String> outbox() {
        return store.due(outbox.agenda(), clock.instant().plus(java.time.Duration.ofDays(1)), 10);
    }

    /**
     * A third replica resets bob's password while the relay is down and is killed between its notice's tries (as when
     * a rolling update's grace runs out, or the pod is killed for its memory): replica A's sweep sends both copies,
     * once that replica should have finished with them, and only once.
     */
    @Test
    void theNoticesOfAReplicaKilledMidRetryAreSentByAnotherOnce() throws Exception {
        int port = ProductionJar.freePort();
        Process replicaC = startReplica(port);
        String c = "http://localhost:" + port;
        try {
            Browser browser = new Browser();
            Page reset = prove(browser);
            TenantApi.smtp(false);
            Page done = browser.submitTo(c, reset, "#recovery-reset",
                    Map.of("password", "Quiet-Garden-Moon-58", "confirm", "Quiet-Garden-Moon-58"));
            // (its result page is not shown here: a production replica's cookies are Secure, and this is http)
            assertThat(done.status()).isEqualTo(200);
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
            while (outbox().size() < 2 && java.time.Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(outbox()).as("replica C keeps bob's two copies while it tries them").hasSize(2);
            replicaC.destroyForcibly();
            assertThat(replicaC.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            replicaC.destroyForcibly();
            TenantApi.smtp(true);
        }
        assertThat(PortalSteps.signsIn("bob", "Quiet-Garden-Moon-58")).as("C did reset it").isTrue();
        notices.sweep();
        dev.selfservice.portal.state.PortalState.awaitQuiet();
        assertThat(TenantApi.notices(BOB_EMAIL)).as("not while C might still be trying").isEmpty();

        // C's copies fall due when its whole series would have ended (4 tries of 30 s, their pauses, a minute)
        clock.advance(java.time.Duration.ofMinutes(5));
        notices.sweep();
        assertThat(PortalSteps.awaitNotices(BOB_EMAIL, 1).get(0).get("subject")).isEqualTo("Your work password was reset");
        PortalSteps.awaitNotices("bob@corp.example", 1);
        dev.selfservice.portal.state.PortalState.awaitQuiet();
        assertThat(outbox()).isEmpty();
        notices.sweep();
        dev.selfservice.portal.state.PortalState.awaitQuiet();
        assertThat(TenantApi.notices(BOB_EMAIL)).as("once").hasSize(1);
        assertThat(TenantApi.notices("bob@corp.example")).as("once").hasSize(1);
    }
}
