package dev.selfservice.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The packaged production build ({@code target/quarkus-app}), run as a platform team runs it, for the ITs. */
public final class ProductionJar {

    public static final Path APP = Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"));
    public static final List<String> REQUIRED = List.of("DOMAIN", "CLIENT_ID", "CLIENT_SECRET", "AD_CONNECTION",
            "PORTAL_BASE_URL", "SESSION_SECRET", "OTP_CLIENT_ID", "OTP_CLIENT_SECRET", "NON_INTERACTIVE_CLIENT_ID",
            "NON_INTERACTIVE_CLIENT_SECRET", "HELPDESK_CONTACT");

    private static Path lastOutput;
    private static int lastManagementPort;

    private ProductionJar() {
    }

    /** What the jar last started with settings has written (its output.log). */
    public static Path lastOutput() {
        return lastOutput;
    }

    /** The port of the management interface (health, metrics) of the jar last started. */
    public static int lastManagementPort() {
        return lastManagementPort;
    }

    /**
     * Starts the jar with exactly these settings (none inherited from this JVM's environment) in an empty working
     * directory, so that no .env or config/ of a developer's checkout is read. With settings, its output goes to
     * output.log there; without, to the process's stream, for the test that reads what it says.
     */
    public static Process start(Map<String, String> env) throws IOException {
        return start(List.of(), env);
    }

    /** As {@link #start(Map)}, with these JVM options (the benchmark's: those the image ships). */
    public static Process start(List<String> jvmOptions, Map<String, String> env) throws IOException {
        return start(APP, jvmOptions, env);
    }

    /** As {@link #start(List, Map)}, for the packaged application in {@code app} (the benchmark's baseline too). */
    public static Process start(Path app, List<String> jvmOptions, Map<String, String> env) throws IOException {
        return start(Path.of(System.getProperty("java.home"), "bin", "java"), app, jvmOptions, env);
    }

    /** As {@link #start(Path, List, Map)}, with another JVM's launcher (the benchmark's Java 25 beside Java 17). */
    public static Process start(Path java, Path app, List<String> jvmOptions, Map<String, String> env) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(app.resolve("quarkus-run.jar").toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> REQUIRED.contains(k) || k.startsWith("QUARKUS_") || k.startsWith("PORTAL_")
                || k.equals("REDIS_URL"));
        // health and metrics are on their own port in production (9000), which two jars cannot share
        lastManagementPort = freePort();
        pb.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(lastManagementPort));
        pb.environment().putAll(env);
        Path cwd = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "prod-run");
        pb.directory(cwd.toFile());
        if (!env.isEmpty()) {
            pb.redirectOutput(cwd.resolve("output.log").toFile());
            lastOutput = cwd.resolve("output.log");
        }
        return pb.start();
    }

    /** The landing page, once the jar answers (bounded). */
    public static HttpResponse<String> waitForPortal(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    public static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() {
        return FreePorts.listenable();
    }
}
