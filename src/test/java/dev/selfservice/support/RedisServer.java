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
        launch(port);
        return "redis://127.0.0.1:" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a redis-server on the port and waits until it listens; it is stopped with the JVM at the latest. */
    private static Process launch(int port) {
        try {
            Path dir = Files.createDirectories(Path.of("target/redis"));
            Process redis = new ProcessBuilder(BINARY, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toAbsolutePath().toString())
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

    /**
     * A Redis of one test class's own, which the test can stop and start again on the same port, as a Redis restarts
     * under running replicas. Its process is found by its pid in a system property: the profile that starts it and
     * the test that stops it run in class loaders of their own.
     */
    public static final class Own {

        private static final String PORT = "selfservice.test-redis.own-port";
        private static final String PID = "selfservice.test-redis.own-pid";

        private Own() {
        }

        public static synchronized String url() {
            if (System.getProperty(PORT) == null) {
                int port = freePort();
                System.setProperty(PID, String.valueOf(launch(port).pid()));
                System.setProperty(PORT, String.valueOf(port));
            }
            return "redis://127.0.0.1:" + System.getProperty(PORT);
        }

        /** Stops it and waits until it has gone. */
        public static synchronized void stop() {
            ProcessHandle.of(Long.parseLong(System.getProperty(PID))).ifPresent(redis -> {
                redis.destroy();
                redis.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        }

        /** Starts it again, empty, on the same port. */
        public static synchronized void start() {
            System.setProperty(PID, String.valueOf(launch(Integer.parseInt(System.getProperty(PORT))).pid()));
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
