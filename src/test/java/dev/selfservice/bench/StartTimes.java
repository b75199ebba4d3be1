package dev.selfservice.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.selfservice.support.ProductionJar;

/**
 * From starting the JVM to the first 200 of the page at /, each start on its own, the process ended between. Each start
 * also says whether its JVM had mapped the class-data archive or AOT cache it was given: a Java 17 JVM that finds its
 * archive unusable starts without it and says so only in an info log, and such a start is not the image's.
 */
final class StartTimes {

    /** One start: its time, and whether the archive it was given was mapped (true when it was given none). */
    record Start(double seconds, boolean archiveMapped) {
    }

    private StartTimes() {
    }

    static List<Start> measure(ShippedJvm jvm, Path app, Map<String, String> env, int port, int starts) throws Exception {
        // HTTP/1.1, as an ingress asks: Java's client would otherwise ask to upgrade to cleartext HTTP/2, which the
        // portal declines and bare Quarkus accepts, and bare Quarkus alone would set up HTTP/2 inside its timed start
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest landing = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5)).build();
        Path archive = jvm.archive(app);
        List<Start> measured = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            long begun = System.nanoTime();
            Process process = ProductionJar.start(jvm.java(), app, jvm.options(app), env);
            try {
                while (true) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the portal ended at start; see " + ProductionJar.lastOutput());
                    }
                    if (System.nanoTime() - begun > TimeUnit.SECONDS.toNanos(60)) {
                        throw new IllegalStateException("no 200 within a minute; see " + ProductionJar.lastOutput());
                    }
                    try {
                        if (client.send(landing, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            break;
                        }
                    } catch (IOException notYet) {
                        // not listening yet
                    }
                    Thread.sleep(5);
                }
                double seconds = (System.nanoTime() - begun) / 1e9;
                measured.add(new Start(seconds, archive == null || maps(process.pid(), archive)));
            } finally {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        return measured;
    }

    /** Whether the process has the file mapped, as the JVM maps a class-data archive or AOT cache it uses. */
    private static boolean maps(long pid, Path file) throws IOException {
        // the kernel names a mapped file by its real path, symbolic links resolved
        String path = file.toRealPath().toString();
        return java.nio.file.Files.readAllLines(Path.of("/proc", String.valueOf(pid), "maps")).stream()
                .anyMatch(line -> line.endsWith(" " + path));
    }
}
