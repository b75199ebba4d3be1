package dev.selfservice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options the JVM image ships ({@code docker/Dockerfile.jvm}) under the memory limit the manifests ship
 * ({@code deploy/base/kubernetes.yml}), read from those files rather than copied, so that the benchmark measures what
 * a platform team runs. The image's start script turns {@code JAVA_MAX_MEM_RATIO} into
 * {@code -XX:MaxRAMPercentage} of the container's limit; {@code -XX:MaxRAM} stands in for the limit here.
 */
record ShippedJvm(Path dockerfile, Path javaHome, List<String> imageOptions, int maxMemRatio, int memoryLimitMi,
        java.util.Map<String, String> environment) {

    static final Path DOCKERFILE = Path.of("docker", "Dockerfile.jvm");
    /** The same image on Java 25 with an AOT cache, measured beside it when a Java 25 is on the machine. */
    static final Path DOCKERFILE_25 = Path.of("docker", "Dockerfile.jvm25");
    static final Path MANIFESTS = Path.of("deploy", "base", "kubernetes.yml");
    /** Where the image puts the application; locally, the packaged application directory. */
    static final String IMAGE_APP_DIR = "/deployments/";

    /** The image of docker/Dockerfile.jvm, run by the JVM running the benchmark (Java 17, as the image's). */
    static ShippedJvm read() throws IOException {
        return read(DOCKERFILE, Path.of(System.getProperty("java.home")));
    }

    /**
     * The Java 25 image's options with a Java 25 of this machine: {@code BENCH_JAVA25_HOME}, or Temurin 25 where
     * Debian's packages put it; empty when there is none (the table says so).
     */
    static java.util.Optional<ShippedJvm> java25() throws IOException {
        String given = System.getenv("BENCH_JAVA25_HOME");
        Path home = given != null && !given.isBlank() ? Path.of(given) : Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(read(DOCKERFILE_25, home));
    }

    static ShippedJvm read(Path file, Path javaHome) throws IOException {
        String dockerfile = Files.readString(file);
        List<String> options = new ArrayList<>();
        options.addAll(words(env(dockerfile, "GC_CONTAINER_OPTIONS")));
        for (String option : words(env(dockerfile, "JAVA_OPTS_APPEND"))) {
            // the image listens on every interface of its pod; the benchmark on loopback only
            if (!option.startsWith("-Dquarkus.http.host=")) {
                options.add(option);
            }
        }
        int ratio = Integer.parseInt(env(dockerfile, "JAVA_MAX_MEM_RATIO"));
        Matcher limit = Pattern.compile("limits:\\s*\\n\\s*memory:\\s*(\\d+)Mi").matcher(Files.readString(MANIFESTS));
        if (!limit.find()) {
            throw new IllegalStateException("no memory limit in " + MANIFESTS);
        }
        java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
        Matcher arenas = Pattern.compile("\\bMALLOC_ARENA_MAX=(\\d+)").matcher(dockerfile);
        if (arenas.find()) {
            environment.put("MALLOC_ARENA_MAX", arenas.group(1));
        }
        return new ShippedJvm(file, javaHome, List.copyOf(options), ratio, Integer.parseInt(limit.group(1)),
                Map.copyOf(environment));
    }

    /**
     * Options added to the shipped ones to look inside a run ({@code BENCH_JVM_OPTIONS} of bench/run), such as a GC log
     * or native memory tracking; the table names them, since they change what is measured.
     */
    static List<String> diagnosticOptions() {
        return words(System.getProperty("bench.jvm-options", ""));
    }

    /** The options for the packaged application at {@code app}, the image's paths mapped to it, diagnostics last. */
    List<String> options(Path app) {
        List<String> all = shippedOptions(app);
        all.addAll(diagnosticOptions());
        return all;
    }

    /** The image's options alone, as its build writes the class-data archive with them. */
    private List<String> shippedOptions(Path app) {
        List<String> all = new ArrayList<>();
        all.add("-XX:MaxRAM=" + memoryLimitMi + "m");
        all.add("-XX:MaxRAMPercentage=" + maxMemRatio);
        for (String option : imageOptions) {
            all.add(option.replace(IMAGE_APP_DIR, app.toAbsolutePath() + "/"));
        }
        return all;
    }

    /** The class-data archive or AOT cache the image builds, if it ships one. */
    Path archive(Path app) {
        return imageOptions.stream().filter(ShippedJvm::namesArchive).findFirst()
                .map(o -> Path.of(o.substring(o.indexOf('=') + 1).replace(IMAGE_APP_DIR, app.toAbsolutePath() + "/")))
                .orElse(null);
    }

    private static boolean namesArchive(String option) {
        return option.startsWith("-XX:SharedArchiveFile=") || option.startsWith("-XX:AOTCache=");
    }

    /**
     * Writes the class-data archive as the image's build does ({@code docker/cds-training.sh}), with this machine's
     * JVM: an archive is used only by the JVM that wrote it, so the image writes its own and the benchmark its own.
     * {@code awaits} is the log line after which the start's own work has ended (the script's TRAINING_AWAITS).
     */
    void prepareArchive(Path app, int trainingPort, String awaits) throws IOException, InterruptedException {
        Path archive = archive(app);
        if (archive == null) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("bash", "docker/cds-training.sh", app.toAbsolutePath().toString(),
                archive.toString()));
        shippedOptions(app).stream().filter(o -> !namesArchive(o)).forEach(command::add);
        ProcessBuilder training = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        training.environment().put("TRAINING_PORT", String.valueOf(trainingPort));
        training.environment().put("TRAINING_AWAITS", awaits);
        training.environment().put("PATH", javaHome.resolve("bin") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = training.start();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(archive)) {
            p.destroyForcibly();
            throw new IllegalStateException("the class-data archive was not written: " + command);
        }
    }

    /** This JVM's launcher. */
    Path java() {
        return javaHome.resolve("bin").resolve("java");
    }

    private static String env(String dockerfile, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=(\"([^\"]*)\"|(\\S+))").matcher(dockerfile);
        if (!m.find()) {
            throw new IllegalStateException(name + " is not set in the Dockerfile");
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    String describe() {
        StringBuilder d = new StringBuilder();
        environment.forEach((k, v) -> d.append(k).append('=').append(v).append(' '));
        return d.append(String.join(" ", options(Path.of("target/quarkus-app")))).toString();
    }
}
