package dev.selfservice.support;

import static org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled;
import static org.junit.jupiter.api.extension.ConditionEvaluationResult.enabled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A real Redis for the tests: Debian's {@code redis-server}, started once per test JVM on a free loopback port with no
 * persistence, and stopped with the JVM; or the one {@code REDIS_URL} names. As a JUnit condition it skips the Redis
 * tests when there is neither (saying so once, with how to get one), and fails them instead when
 * {@code REQUIRE_REDIS=true}, as CI sets it.
 */
public class RedisServer implements ExecutionCondition {

    private static final String BINARY = Optional.ofNullable(System.getenv("REDIS_SERVER")).orElse("/usr/bin/redis-server");

    public static boolean available() {
        return System.getenv("REDIS_URL") != null || Files.isExecutable(Path.of(BINARY));
    }

    /** The URL of the test Redis, starting it on first use. */
    public static synchronized String url() {
        String given = System.getenv("REDIS_URL");
        if (given != null) {
            return given;
        }
        // a system property, not a static field: Quarkus tests load this class in class loaders of their own
        String started = System.getProperty("selfservice.test-redis.url");
        if (started == null) {
            started = start();
            System.setProperty("selfservice.test-redis.url", started);
        }
        return started;
    }

    private static String start() {
        int port = freePort();
        launch(port, null);
        return "redis://127.0.0.1:" + port;
    }

    private static int freePort() {
        return FreePorts.listenable();
    }

    /** Starts a redis-server on the port and waits until it listens; it is stopped with the JVM at the latest. */
    private static Process launch(int port, String password) {
        try {
            Path dir = Files.createDirectories(Path.of("target/redis"));
            List<String> command = new ArrayList<>(List.of(BINARY, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toAbsolutePath().toString()));
            if (password != null) {
                command.addAll(List.of("--requirepass", password));
            }
            Process redis = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis-" + port + ".log").toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::destroy));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (Instant.now().isBefore(deadline)) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    return redis;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            throw new IllegalStateException("redis-server did not start on port " + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first line Redis answers to what is sent, as its own protocol reads it, with no client of ours between. */
    public static String says(int port, String commands) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(commands.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    /**
     * A Redis of one test class's own, which the test can stop and start again on the same port (as a Redis restarts
     * under running replicas), and which may require a password. Its port and process are kept in system properties
     * under its name: the profile that starts it and the test that stops it run in class loaders of their own.
     */
    public record Own(String name, String password) {

        /** Whether one can be started here: a Redis named by REDIS_URL cannot be stopped and started by a test. */
        public static boolean canStart() {
            return Files.isExecutable(Path.of(BINARY));
        }

        /**
         * As a JUnit condition: skips the tests that need a Redis of their own where there is no redis-server, and fails
         * them instead with {@code REQUIRE_REDIS=true}, as CI sets it.
         */
        public static final class Startable implements ExecutionCondition {
            @Override
            public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
                if (canStart()) {
                    return enabled("a Redis of its own: " + BINARY);
                }
                if ("true".equalsIgnoreCase(System.getenv("REQUIRE_REDIS"))) {
                    throw new IllegalStateException("REQUIRE_REDIS=true but there is no " + BINARY + " to start a Redis with");
                }
                return disabled("no " + BINARY + " to start a Redis of its own with");
            }
        }

        /** One the test stops and starts. */
        public static final Own RESTARTING = new Own("restarting", null);
        /** One that answers only with its password, as the Kubernetes component's does. */
        public static final Own WITH_PASSWORD = new Own("with-password", "test-only-redis-password");

        private String property(String what) {
            return "selfservice.test-redis." + name + "." + what;
        }

        /** Its URL, without the password; started on first use. */
        public String url() {
            synchronized (Own.class) {
                if (System.getProperty(property("port")) == null) {
                    int port = freePort();
                    System.setProperty(property("pid"), String.valueOf(launch(port, password).pid()));
                    System.setProperty(property("port"), String.valueOf(port));
                }
                return "redis://127.0.0.1:" + System.getProperty(property("port"));
            }
        }

        /** Stops it and waits until it has gone. */
        public void stop() {
            synchronized (Own.class) {
                ProcessHandle.of(Long.parseLong(System.getProperty(property("pid")))).ifPresent(redis -> {
                    redis.destroy();
                    redis.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
                });
            }
        }

        /** Starts it again, empty, on the same port. */
        public void start() {
            startRequiring(password);
        }

        /** Starts it again, empty, on the same port, requiring this password (or none, for null). */
        public void startRequiring(String password) {
            synchronized (Own.class) {
                System.setProperty(property("pid"),
                        String.valueOf(launch(Integer.parseInt(System.getProperty(property("port"))), password).pid()));
            }
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (available()) {
            return enabled("Redis: " + (System.getenv("REDIS_URL") != null ? "REDIS_URL" : BINARY));
        }
        String how = "install it with: apt-get install redis-server   (Debian; the tests start it themselves), or set REDIS_URL";
        if ("true".equalsIgnoreCase(System.getenv("REQUIRE_REDIS"))) {
            throw new IllegalStateException("REQUIRE_REDIS=true but there is no Redis: " + how);
        }
        if (System.getProperties().putIfAbsent("selfservice.redis.skip-notice", "told") == null) {
            System.out.println("[redis] SKIPPED: no redis-server and no REDIS_URL, so the Redis test suite was skipped; " + how);
        }
        return disabled("no Redis; " + how);
    }

    /** The portal with its state store on the test Redis. */
    public static class OnRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return available() ? Map.of("quarkus.redis.hosts", url()) : Map.of();
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }
}
