package dev.selfservice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The start's baselines, built here with the portal's Quarkus version, so that the portal's start is read beside what
 * Quarkus itself takes on the same machine with the same JVM options: {@code bench/bare-quarkus}, nothing but
 * quarkus-rest and one page; and {@code bench/bare-extensions}, the extensions the portal is built on and none of its
 * code, which says how much of the portal's start is theirs.
 */
final class BareQuarkus {

    static final Path PROJECT = Path.of("bench", "bare-quarkus");
    static final Path WITH_EXTENSIONS = Path.of("bench", "bare-extensions");

    private BareQuarkus() {
    }

    /** Packages bare Quarkus (Maven, through the project's wrapper) and answers where the application is. */
    static Path build() throws IOException, InterruptedException {
        return build(PROJECT);
    }

    /** Packages the baseline project (Maven, through the project's wrapper) and answers where the application is. */
    static Path build(Path project) throws IOException, InterruptedException {
        String version = System.getProperty("bench.quarkus-version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("bench.quarkus-version is not set (the bench profile of pom.xml sets it)");
        }
        Process maven = new ProcessBuilder("./mvnw", "-B", "-ntp", "-q", "-f", project.resolve("pom.xml").toString(),
                "package", "-Dquarkus.platform.version=" + version).inheritIO().start();
        if (!maven.waitFor(10, TimeUnit.MINUTES) || maven.exitValue() != 0) {
            maven.destroyForcibly();
            throw new IllegalStateException(project + " did not build");
        }
        Path app = project.resolve("target").resolve("quarkus-app");
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(project + " built no " + app.resolve("quarkus-run.jar"));
        }
        return app;
    }
}
