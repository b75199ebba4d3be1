package dev.selfservice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident set, as the kernel counts it against a container's memory limit. */
final class Rss {

    private Rss() {
    }

    /**
     * Where the JVM says its memory went, when BENCH_JVM_OPTIONS asks to look inside, into target/bench: each mapping's
     * resident pages (smaps.txt), every object on the heap by class, dead ones included (heap-histogram-all.txt), the
     * live ones after a full collection (heap-histogram.txt), and with native memory tracking on, its summary
     * (native-memory.txt). What the first histogram has more than the second is dead, in the young generation or the old.
     */
    static void writeDiagnostics(long pid, Path dir) throws IOException, InterruptedException {
        if (ShippedJvm.diagnosticOptions().isEmpty()) {
            return;
        }
        // each mapping's resident pages (the heap's, the class archive's, the code cache's) before the histogram's
        // full collection moves anything
        Files.copy(Path.of("/proc", String.valueOf(pid), "smaps"), dir.resolve("smaps.txt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        jcmd(pid, dir.resolve("heap-histogram-all.txt"), "GC.class_histogram", "-all");
        jcmd(pid, dir.resolve("heap-histogram.txt"), "GC.class_histogram");
        if (ShippedJvm.diagnosticOptions().stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking="))) {
            jcmd(pid, dir.resolve("native-memory.txt"), "VM.native_memory", "summary");
        }
    }

    private static void jcmd(long pid, Path out, String... command) throws IOException, InterruptedException {
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        line.addAll(java.util.List.of(command));
        new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile()).start().waitFor();
    }

    /** The resident set, and how much of it is file-backed (the mapped class archive, the JVM's library, jars). */
    record Resident(long bytes, long fileBacked) {
    }

    static Resident ofProcess(long pid) throws IOException {
        long rss = -1;
        long file = 0;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kilobytes(line) * 1024;
            } else if (line.startsWith("RssFile:")) {
                file = kilobytes(line) * 1024;
            }
        }
        if (rss < 0) {
            throw new IllegalStateException("no VmRSS for " + pid);
        }
        return new Resident(rss, file);
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
