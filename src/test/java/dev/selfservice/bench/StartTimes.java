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

/** From starting the JVM to the first 200 of the page at /, each start on its own, the process ended between. */
final class StartTimes {

    private StartTimes() {
    }

    static List<Double> measure(ShippedJvm jvm, Path app, Map<String, String> env, int port, int starts) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest landing = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5)).build();
        List<Double> seconds = new ArrayList<>();
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
                seconds.add((System.nanoTime() - begun) / 1e9);
            } finally {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        return seconds;
    }
}
