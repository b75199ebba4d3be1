package dev.selfservice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.LocalTenantUrls;
import dev.selfservice.support.ProductionJar;
import dev.selfservice.support.SambaDc;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The benchmark ({@code bash bench/run}, or {@code ./mvnw verify -Pbench}; not part of the normal build): the packaged
 * production jar, started with the JVM options the image and the manifests ship, against the local tenant this test
 * hosts (in-memory AD, or the Samba DC of {@code .ci/samba-dc.sh} when one runs). It prints one table and writes it to
 * {@code target/bench/results.md}: start to first 200, the landing page beside a static file server, the portal's own
 * time per flow step at 1, 4 and 32 concurrent flows (from its {@code Server-Timing}), the portal's CPU time per
 * complete flow and the flows one core sustains, the longest collector pause, Auth0 calls per flow counted at the
 * tenant, Management API tokens per run, and RSS after the load. {@code -Dbench.mode=short} runs each part briefly, as CI does
 * to prove it still works; only the full mode's figures are compared with the targets.
 */
@QuarkusTest
@TestProfile(PortalBench.Tenant.class)
@CleanSlate
class PortalBench {

    static final boolean SHORT = "short".equals(System.getProperty("bench.mode", "full"));
    static final int FLOWS = SHORT ? 4 : 32;
    static final int ROUNDS = SHORT ? 1 : 3;
    /**
     * Rounds before the measured ones: a step's code runs once per flow, so it takes hundreds of flows before the JIT
     * has compiled it as it has after an hour in production. Fewer on the Samba DC, where each employee is created.
     */
    static final int WARM_UP_ROUNDS = SHORT ? 1 : SambaDc.running() ? 2 : 12;
    /**
     * Rounds at 1 and at 4 concurrent flows, after the measured rounds at {@link #FLOWS}: enough flows that a step's
     * p99 at 4 is not simply its slowest sample (100 flows at 4, 40 alone).
     */
    static final int ROUNDS_ALONE = SHORT ? 1 : 40;
    static final int FEW = 4;
    static final int ROUNDS_AT_FEW = SHORT ? 1 : 25;
    /**
     * What each class-data training waits for before its page and its stop: the portal's self-check, which runs beside
     * its start, has looked (so that each build's archive holds the same classes); bare Quarkus has started.
     */
    static final String PORTAL_TRAINING_AWAITS = "tenant self-check";
    static final String BARE_TRAINING_AWAITS = "started in";
    /**
     * The warm-up rounds' employees, the measured rounds' (at {@link #FLOWS}, at {@link #FEW}, alone), and one for
     * counting the calls of one flow alone.
     */
    static final int USERS = FLOWS * WARM_UP_ROUNDS + FLOWS * ROUNDS + FEW * ROUNDS_AT_FEW + ROUNDS_ALONE + 1;
    /**
     * Their names: the in-memory model generates employee001 and on at each start; on the Samba DC they are created
     * for each run with a name of their own (.ci/samba-dc.sh users), as a run changes their passwords.
     */
    static final String PREFIX = SambaDc.running()
            ? "b" + Long.toString(System.currentTimeMillis() % 1_000_000, 36) + "e" : "employee";

    /** The tenant for the benchmark: its Management API limit out of the way, one employee per flow and round. */
    public static class Tenant implements QuarkusTestProfile {
        static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new LinkedHashMap<>();
            if (SambaDc.running()) {
                config.putAll(SambaDc.tenantConfig());
            }
            config.put("local-tenant.management-rate-limit", "100000");
            config.put("local-tenant.directory.generated-users", String.valueOf(USERS));
            String portal = "http://localhost:" + PORT;
            config.put("local-tenant.web-client.callbacks",
                    "http://localhost:${quarkus.http.test-port}/callback," + portal + "/callback");
            config.put("local-tenant.web-client.logout-urls", "http://localhost:${quarkus.http.test-port}/," + portal + "/,"
                    + portal + "/password/changed");
            config.put("bench.portal-port", String.valueOf(PORT));
            return config;
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }

        private static int freePort() {
            return ProductionJar.freePort();
        }
    }

    @Test
    void measure() throws Exception {
        int port = ConfigProvider.getConfig().getValue("bench.portal-port", Integer.class);
        String portal = "http://localhost:" + port;
        ShippedJvm jvm = ShippedJvm.read();
        Map<String, String> env = settings(port);
        env.putAll(jvm.environment());
        Results results = new Results(SHORT, SambaDc.running() ? "Samba AD DC (ldaps://127.0.0.1:636)" : "in-memory AD model",
                jvm);

        if (SambaDc.running()) {
            Process users = new ProcessBuilder("bash", ".ci/samba-dc.sh", "users", PREFIX, String.valueOf(USERS))
                    .inheritIO().start();
            assertThat(users.waitFor()).as("employees created on the Samba DC").isZero();
        }
        jvm.prepareArchive(ProductionJar.APP, ProductionJar.freePort(), PORTAL_TRAINING_AWAITS);
        results.starts(StartTimes.measure(jvm, ProductionJar.APP, env, port, SHORT ? 2 : 5));
        // the baseline: Quarkus itself, with nothing but quarkus-rest and one page, the same options and archive
        Path bare = BareQuarkus.build();
        jvm.prepareArchive(bare, ProductionJar.freePort(), BARE_TRAINING_AWAITS);
        Map<String, String> bareEnv = new LinkedHashMap<>(jvm.environment());
        bareEnv.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        bareEnv.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        results.bareStarts(StartTimes.measure(jvm, bare, bareEnv, port, SHORT ? 2 : 5));
        // and the extensions the portal is built on, without its code: how much of its start is theirs
        Path extensions = BareQuarkus.build(BareQuarkus.WITH_EXTENSIONS);
        jvm.prepareArchive(extensions, ProductionJar.freePort(), BARE_TRAINING_AWAITS);
        results.extensionStarts(StartTimes.measure(jvm, extensions, bareEnv, port, SHORT ? 2 : 5));
        // the same two on Java 25 with their AOT caches (docker/Dockerfile.jvm25), when the machine has a Java 25
        java.util.Optional<ShippedJvm> jvm25 = ShippedJvm.java25();
        ShippedJvm flowsJvm = jvm;
        Map<String, String> flowsEnv = env;
        if (jvm25.isPresent()) {
            ShippedJvm on25 = jvm25.get();
            Map<String, String> env25 = settings(port);
            env25.putAll(on25.environment());
            on25.prepareArchive(ProductionJar.APP, ProductionJar.freePort(), PORTAL_TRAINING_AWAITS);
            List<StartTimes.Start> portal25 = StartTimes.measure(on25, ProductionJar.APP, env25, port, SHORT ? 2 : 5);
            Map<String, String> bareEnv25 = new LinkedHashMap<>(on25.environment());
            bareEnv25.putAll(Map.of("QUARKUS_HTTP_HOST", "127.0.0.1", "QUARKUS_HTTP_PORT", String.valueOf(port)));
            on25.prepareArchive(bare, ProductionJar.freePort(), BARE_TRAINING_AWAITS);
            results.startsOnJava25(on25, portal25, StartTimes.measure(on25, bare, bareEnv25, port, SHORT ? 2 : 5));
            // the Java 25 image's landing page, flows and memory instead of Java 17's, asked for with BENCH_FLOWS_ON=25
            if ("25".equals(System.getenv("BENCH_FLOWS_ON"))) {
                flowsJvm = on25;
                flowsEnv = env25;
                results.flowsOnJava25();
            }
        }

        int tokensBefore = TenantApi.tokensIssued("client_credentials");
        // the shipped options, and the GC log the pauses of the measured rounds are read from
        GcPauses.reset();
        java.util.List<String> options = new java.util.ArrayList<>(flowsJvm.options(ProductionJar.APP));
        options.add(GcPauses.OPTION);
        Process process = ProductionJar.start(flowsJvm.java(), ProductionJar.APP, options, flowsEnv);
        try {
            assertThat(ProductionJar.waitForPortal(port).statusCode()).isEqualTo(200);
            results.landing(LandingLoad.measure(portal, SHORT));
            Flows flows = new Flows(portal, LocalTenantUrls.tenant(), LocalTenantUrls.DEMO_PASSWORD, PREFIX);
            results.cores(Cores.split(process.pid()));
            // rounds first, not counted: the JIT compiles each step's code, as after an hour in production
            flows.run(FLOWS, WARM_UP_ROUNDS, 1);
            results.calls(flows.countCalls(USERS));
            // the measured rounds: at FLOWS concurrent flows (the saturated core), then at FEW, then one flow alone;
            // each round's portal CPU time, wall time and collector pauses with its samples
            int next = FLOWS * WARM_UP_ROUNDS + 1;
            FlowLevel many = FlowLevel.measure(flows, process.pid(), FLOWS, ROUNDS, next);
            next += FLOWS * ROUNDS;
            FlowLevel few = FlowLevel.measure(flows, process.pid(), FEW, ROUNDS_AT_FEW, next);
            next += FEW * ROUNDS_AT_FEW;
            FlowLevel alone = FlowLevel.measure(flows, process.pid(), 1, ROUNDS_ALONE, next);
            results.levels(alone, few, many);
            results.errors(flows.errors());
            results.tokens(TenantApi.tokensIssued("client_credentials") - tokensBefore);
            results.rss(Rss.ofProcess(process.pid()));
            Rss.writeDiagnostics(process.pid(), Files.createDirectories(Path.of("target", "bench")));
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        String table = results.table();
        Path out = Files.createDirectories(Path.of("target", "bench")).resolve("results.md");
        Files.writeString(out, table);
        System.out.println("\n" + table + "\n(written to " + out.toAbsolutePath() + ")");
        assertThat(results.flowErrors()).as("every flow step answered as a person would expect").isEmpty();
    }

    /** The production replica's settings: the local tenant's clients, and limits per address lifted for one machine. */
    private static Map<String, String> settings(int port) {
        String tenantUrl = LocalTenantUrls.tenant();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DOMAIN", URI.create(tenantUrl).getAuthority());
        env.put("PORTAL_AUTH0_URL", tenantUrl);
        env.put("CLIENT_ID", TenantApi.WEB_CLIENT);
        env.put("CLIENT_SECRET", TenantApi.WEB_SECRET);
        env.put("AD_CONNECTION", "corp-ad");
        env.put("PORTAL_BASE_URL", "http://localhost:" + port);
        env.put("HELPDESK_CONTACT", "the IT helpdesk");
        env.put("SESSION_SECRET", ConfigProvider.getConfig().getValue("portal.session-secret", String.class));
        env.put("OTP_CLIENT_ID", TenantApi.OTP_CLIENT);
        env.put("OTP_CLIENT_SECRET", TenantApi.OTP_SECRET);
        env.put("NON_INTERACTIVE_CLIENT_ID", TenantApi.M2M_CLIENT);
        env.put("NON_INTERACTIVE_CLIENT_SECRET", TenantApi.M2M_SECRET);
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", ConfigProvider.getConfig().getValue("local-tenant.smtp-port", String.class));
        env.put("SMTP_STARTTLS", "DISABLED");
        env.put("SMTP_FROM", "password-portal@corp.example");
        // every flow comes from 127.0.0.1: the per-address limit on recovery codes would stop the 21st employee
        env.put("PORTAL_RECOVERY_MAX_SENDS", "10000");
        // and the per-address limit on new passwords the 101st (the full mode makes 620 password changes in minutes)
        env.put("PORTAL_PASSWORD_POSTS_PER_ADDRESS", "10000");
        env.put("PORTAL_PASSWORD_RULES_CHECKS_PER_ADDRESS", "10000");
        // every new password screened as in production, against the tenant's copy of the range API (the default,
        // api.pwnedpasswords.com, is not reachable here: its breaker would open and the changes go unscreened)
        env.put("BREACH_RANGE_URL", tenantUrl.replaceAll("/+$", ""));
        env.put("SERVER_TIMING", "true");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return env;
    }
}
