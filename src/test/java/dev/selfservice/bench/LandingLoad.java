package dev.selfservice.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.selfservice.support.Commands;
import dev.selfservice.support.ProductionJar;

/**
 * The landing page at 32 connections, beside a static file server (Python's {@code http.server}, the baseline the
 * field comparison used) serving the same HTML in the same run. {@code wrk} when installed; otherwise a closed loop
 * of 32 JDK clients, which loads both sides the same way but costs more of the machine itself.
 */
final class LandingLoad {

    static final int CONNECTIONS = 32;

    record Figures(double perSecond, double p50Ms, double p99Ms) {
    }

    record Result(Figures portal, Figures staticServer, String tool) {
        double ratio() {
            return portal.perSecond() / staticServer.perSecond();
        }
    }

    private LandingLoad() {
    }

    static Result measure(String portal, boolean brief) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String html = client.send(HttpRequest.newBuilder(URI.create(portal + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "bench")), "static");
        Files.writeString(dir.resolve("index.html"), html, StandardCharsets.UTF_8);
        int port = ProductionJar.freePort();
        Process python = new ProcessBuilder("python3", "-m", "http.server", String.valueOf(port), "--bind", "127.0.0.1",
                "--directory", dir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String staticUrl = "http://127.0.0.1:" + port + "/index.html";
            waitFor(client, staticUrl);
            int seconds = brief ? 2 : 15;
            boolean wrk = Commands.onPath("wrk");
            // the JIT compiles the portal's hot paths first, as it has after minutes in production
            load(wrk, portal + "/", brief ? 1 : 10);
            Figures p = load(wrk, portal + "/", seconds);
            Figures s = load(wrk, staticUrl, seconds);
            return new Result(p, s, wrk ? "wrk -t2 -c" + CONNECTIONS + " --latency" : CONNECTIONS + " JDK HTTP clients in a closed loop");
        } finally {
            python.destroy();
            python.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(dir.resolve("index.html"));
            Files.deleteIfExists(dir);
        }
    }

    private static Figures load(boolean wrk, String url, int seconds) throws Exception {
        return wrk ? wrk(url, seconds) : closedLoop(url, seconds);
    }

    private static Figures wrk(String url, int seconds) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency", url)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(seconds + 30L, TimeUnit.SECONDS);
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException("the load met answers other than 200:\n" + out);
        }
        return new Figures(number(out, "Requests/sec:\\s+([0-9.]+)"), latency(out, "50%"), latency(out, "99%"));
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("cannot read " + regex + " from wrk:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A percentile line of wrk's latency distribution, in milliseconds. */
    private static double latency(String out, String percentile) {
        Matcher m = Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)\\b").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("cannot read the " + percentile + " latency from wrk:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static Figures closedLoop(String url, int seconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long[][] perThread = new long[CONNECTIONS][];
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(CONNECTIONS);
        for (int t = 0; t < CONNECTIONS; t++) {
            int slot = t;
            Thread thread = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] samples = new long[4096];
                int n = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.incrementAndGet();
                    }
                    if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                    }
                    samples[n++] = System.nanoTime() - start;
                }
                perThread[slot] = Arrays.copyOf(samples, n);
                done.countDown();
            });
            thread.start();
        }
        done.await();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed under load");
        }
        double[] sorted = Arrays.stream(perThread).flatMapToLong(Arrays::stream).asDoubleStream().sorted().toArray();
        return new Figures(sorted.length / (double) seconds, Percentiles.of(sorted, 50) / 1e6,
                Percentiles.of(sorted, 99) / 1e6);
    }

    private static void waitFor(HttpClient client, String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }
}
