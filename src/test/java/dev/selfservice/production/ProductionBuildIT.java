package dev.selfservice.production;

import static dev.selfservice.support.ProductionJar.freePort;
import static dev.selfservice.support.ProductionJar.listening;
import static dev.selfservice.support.ProductionJar.start;
import static dev.selfservice.support.ProductionJar.waitForPortal;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.ProductionJar;

/**
 * The packaged production build, as a platform team runs it: it holds no bean of the local tenant, refuses to start
 * without its settings and names each missing one, and with its settings serves the portal and no local tenant.
 */
class ProductionBuildIT {

    private static final Path APP = ProductionJar.APP;
    private static final List<String> REQUIRED = ProductionJar.REQUIRED;

    /**
     * Nothing of the local tenant in the packaged application: no class, template or resource of it in any jar, and
     * no generated class that names one of its classes. The portal's own are there, the control.
     */
    @Test
    void thePackagedApplicationHoldsNothingOfTheLocalTenant() throws IOException {
        List<String> entries = new ArrayList<>();
        List<String> mentions = new ArrayList<>();
        try (var files = Files.walk(APP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                try (JarFile jar = new JarFile(file.toFile())) {
                    for (var entry : java.util.Collections.list(jar.entries())) {
                        entries.add(entry.getName());
                        if (entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/")) {
                            String content = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                            if (content.contains("dev/selfservice/localtenant") || content.contains("dev.selfservice.localtenant")) {
                                mentions.add(file.getFileName() + "!" + entry.getName());
                            }
                        }
                    }
                }
            }
        }
        assertThat(entries).as("the portal's classes, templates and generated beans are packaged")
                .contains("dev/selfservice/portal/auth0/Auth0Management.class", "templates/layout.html")
                .anyMatch(n -> n.startsWith("dev/selfservice/portal/") && n.endsWith("_Bean.class"));
        assertThat(entries).as("no class, template or resource of the local tenant")
                .noneMatch(n -> n.startsWith("dev/selfservice/localtenant/") || n.startsWith("templates/localtenant/")
                        || n.contains("local-tenant"));
        assertThat(mentions).as("nothing packaged names a class of the local tenant").isEmpty();
    }

    @Test
    void theProductionBuildLeavesOutTheLocalTenantsLdapLibraryAndTheTestLibraries() throws IOException {
        List<String> libraries;
        try (var files = Files.walk(APP.resolve("lib"))) {
            libraries = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList();
        }
        assertThat(libraries).anyMatch(n -> n.startsWith("io.quarkus.quarkus-oidc"));
        assertThat(libraries).noneMatch(n -> n.contains("unboundid") || n.contains("greenmail") || n.contains("com.auth0") || n.contains("okhttp")
                || n.contains("archunit") || n.contains("jsoup") || n.contains("rest-assured"));
        // the local tenant's JavaScript engine for Actions (GraalJS and Truffle); org.graalvm.sdk's nativeimage and
        // word come with quarkus-core and stay
        assertThat(libraries).noneMatch(n -> n.startsWith("org.graalvm.polyglot") || n.startsWith("org.graalvm.js")
                || n.startsWith("org.graalvm.truffle") || n.startsWith("org.graalvm.regex")
                || n.startsWith("org.graalvm.shadowed") || n.startsWith("org.graalvm.sdk.collections")
                || n.startsWith("org.graalvm.sdk.jniutils"));
    }

    @Test
    void withoutItsSettingsTheProductionBuildRefusesToStartAndNamesEachMissingOne() throws Exception {
        Process process = start(Map.of());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the application stops by itself").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isNotZero();
        for (String variable : REQUIRED) {
            assertThat(output.lines()).as("a line names " + variable).anyMatch(l -> l.contains("value " + variable + " "));
        }
        assertThat(output).doesNotContain("\tat ");
    }

    /** Every required setting, and a free port for the portal. */
    private static Map<String, String> settings(int portalPort, Map<String, String> more) throws IOException {
        Map<String, String> env = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("DOMAIN", "127.0.0.1:" + freePort()),
                Map.entry("CLIENT_ID", "portal"),
                Map.entry("CLIENT_SECRET", "a-client-secret"),
                Map.entry("AD_CONNECTION", "corp-ad"),
                Map.entry("PORTAL_BASE_URL", "https://password.corp.example"),
                Map.entry("HELPDESK_CONTACT", "the IT helpdesk on +1 555 0100"),
                Map.entry("SESSION_SECRET", "a-session-secret-of-at-least-32-characters"),
                Map.entry("OTP_CLIENT_ID", "portal-otp"),
                Map.entry("OTP_CLIENT_SECRET", "an-otp-secret"),
                Map.entry("NON_INTERACTIVE_CLIENT_ID", "portal-m2m"),
                Map.entry("NON_INTERACTIVE_CLIENT_SECRET", "a-m2m-secret"),
                Map.entry("QUARKUS_HTTP_PORT", String.valueOf(portalPort))));
        env.putAll(more);
        return env;
    }

    @Test
    void withNoticesOnButNoMailRelayTheProductionBuildRefusesToStartAndSaysWhy() throws Exception {
        Process process = start(settings(freePort(), Map.of()));
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the application stops by itself").isTrue();
        assertThat(process.exitValue()).isNotZero();
        String output = Files.readString(ProductionJar.lastOutput());
        assertThat(output).contains("the value SMTP_HOST", "the value SMTP_FROM", "NOTICES_ENABLED=false");

        // the control: turned off on purpose, it starts
        int port = freePort();
        Process off = start(settings(port, Map.of("NOTICES_ENABLED", "false")));
        try {
            assertThat(waitForPortal(port).statusCode()).isEqualTo(200);
        } finally {
            off.destroy();
            off.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void withTheDevelopmentSessionSecretOrAShortOneTheProductionBuildRefusesToStartAndSaysWhy() throws Exception {
        for (String secret : List.of("dev-only-session-secret-never-use-in-production", "only-31-characters-long-secret!")) {
            Process process = start(settings(freePort(), Map.of("NOTICES_ENABLED", "false", "SESSION_SECRET", secret)));
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the application stops by itself").isTrue();
            assertThat(process.exitValue()).isNotZero();
            assertThat(Files.readString(ProductionJar.lastOutput())).contains("SESSION_SECRET is",
                    "set at least 32 random characters of your own").doesNotContain(secret);
        }
        // the control, withNoticesOnButNoMailRelay...'s: the settings' own secret of 42 characters starts
    }

    @Test
    void withItsSettingsTheProductionBuildServesThePortalAndNoLocalTenant() throws Exception {
        int portalPort = freePort();
        int tenantPort = freePort();
        Process process = start(settings(portalPort, Map.of("SMTP_HOST", "smtp.corp.example",
                "SMTP_FROM", "password-portal@corp.example", "LOCAL_TENANT_PORT", String.valueOf(tenantPort))));
        try {
            HttpResponse<String> landing = waitForPortal(portalPort);
            assertThat(landing.statusCode()).isEqualTo(200);
            assertThat(landing.body()).contains("action=\"/signin\"");
            assertThat(landing.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThat(listening(portalPort)).as("the probe sees a port that listens").isTrue();
            assertThat(listening(tenantPort)).as("no local tenant listens in production").isFalse();
            assertThat(landing.headers().firstValue("X-Request-Id")).isPresent();
            // health and metrics answer on the management port only, which the Service does not publish
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (String path : List.of("/q/health/live", "/q/metrics")) {
                assertThat(http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + portalPort + path))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                        .as(path + " on the public port").isEqualTo(404);
                assertThat(http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:"
                        + ProductionJar.lastManagementPort() + path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                        .as(path + " on the management port").isEqualTo(200);
            }
            // production logs are JSON lines, one object per line, for the platform's log shipper
            java.util.List<String> json = Files.readAllLines(ProductionJar.lastOutput()).stream()
                    .filter(l -> l.startsWith("{")).toList();
            assertThat(json).anyMatch(l -> l.contains("\"loggerName\":\"io.quarkus\"") && l.contains("\"level\":\"INFO\""));
            for (String line : json) {
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(line); // each one parses
            }
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /**
     * A rolling update stops a replica with SIGTERM while an employee's change is on its way to Auth0: the request
     * finishes and its answer reaches the browser before the process ends. The "Auth0" here holds its answer to the
     * password check until the portal has begun to stop, as a slow tenant would.
     */
    @Test
    void onSigtermARequestInFlightFinishesBeforeTheProcessEnds() throws Exception {
        java.util.concurrent.CountDownLatch checking = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch stopping = new java.util.concurrent.CountDownLatch(1);
        com.sun.net.httpserver.HttpServer auth0 = com.sun.net.httpserver.HttpServer
                .create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 16);
        auth0.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        auth0.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean passwordCheck = exchange.getRequestURI().getPath().equals("/oauth/token")
                    && body.contains("password-realm");
            if (passwordCheck) {
                checking.countDown();
                try {
                    // held until the portal is known to be stopping, not for a while that a slow machine may outlast
                    stopping.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = (passwordCheck ? "{\"error\":\"invalid_grant\",\"error_description\":\"Wrong email or password.\"}"
                    : "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(passwordCheck ? 403 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        auth0.start();
        int port = freePort();
        Process process = start(settings(port, Map.of("NOTICES_ENABLED", "false",
                "PORTAL_AUTH0_URL", "http://127.0.0.1:" + auth0.getAddress().getPort() + "/",
                // over http in this test: a cookie the test's client sends back
                "QUARKUS_REST_CSRF_COOKIE_NAME", "csrf-token", "QUARKUS_REST_CSRF_COOKIE_FORCE_SECURE", "false")));
        try {
            assertThat(waitForPortal(port).statusCode()).isEqualTo(200);
            // the refused form's answer is a 303 to the page that shows it (post/redirect/get): the answer to the request in
            // flight is that 303, and the page it leads to is not asked of a process that has ended
            dev.selfservice.support.Browser browser = new dev.selfservice.support.Browser()
                    .stoppingAt("https://password.corp.example/password/expired?"); // the configured public URL
            dev.selfservice.support.Browser.Page form = browser.get("http://localhost:" + port + "/password/expired");
            java.util.concurrent.CompletableFuture<dev.selfservice.support.Browser.Page> answer = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> browser.submit(form, "#expired-password", Map.of("username", "carol",
                            "current", "not-her-password", "password", "a new passphrase of some length 7!",
                            "confirm", "a new passphrase of some length 7!")));
            assertThat(checking.await(20, TimeUnit.SECONDS)).as("the change reached Auth0").isTrue();
            process.destroy(); // SIGTERM, as the kubelet sends it
            // the portal is known to be stopping once it says it waits for the requests in flight (a new request made
            // to find out would itself be held by the drain, beyond the portal's own timeout for Auth0's answer)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.readString(ProductionJar.lastOutput()).contains("Waiting for HTTP requests to complete")
                    && System.nanoTime() < deadline) {
                Thread.sleep(20); // a poll interval
            }
            assertThat(Files.readString(ProductionJar.lastOutput())).as("the portal began its graceful stop")
                    .contains("Waiting for HTTP requests to complete");
            stopping.countDown();
            dev.selfservice.support.Browser.Page page = answer.get(20, TimeUnit.SECONDS);
            assertThat(page.status()).as("the answer to the request in flight").isEqualTo(303);
            assertThat(page.uri().toString()).as("the refusal's page").contains("/password/expired?refused=");
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the process ends after it").isTrue();
            assertThat(Files.readString(ProductionJar.lastOutput())).contains("stopped in");
        } finally {
            process.destroyForcibly();
            auth0.stop(0);
        }
    }
}
