package dev.selfservice.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's collector pauses, from the GC log the benchmark has the JVM write ({@link #OPTION}: unified logging
 * of the {@code gc} tag at info, one line per collection, which costs the JVM nothing it would notice). A round's
 * pauses are the lines written between two marks, so that only the measured rounds are read.
 */
final class GcPauses {

    static final Path LOG = Path.of("target", "bench", "portal-gc.log");
    static final String OPTION = "-Xlog:gc:file=" + LOG.toAbsolutePath() + ":uptime";

    /** "[12.345s] GC(7) Pause Young (Allocation Failure) 80M->41M(96M) 5.123ms", and "Pause Full (...)". */
    private static final Pattern PAUSE = Pattern.compile("Pause (Young|Full|Remark|Cleanup)\\b.*?([0-9]+(?:\\.[0-9]+)?)ms\\s*$");

    /** Where the log ends now: pauses after this mark are the next rounds'. */
    static long mark() throws IOException {
        return Files.exists(LOG) ? Files.size(LOG) : 0;
    }

    /** The pauses of the rounds between two marks. */
    record Pauses(int collections, double longestMs, int fullCollections, double longestFullMs, double totalMs) {
        static final Pauses NONE = new Pauses(0, 0, 0, 0, 0);
    }

    static Pauses between(long from, long to) throws IOException {
        if (!Files.exists(LOG) || to <= from) {
            return Pauses.NONE;
        }
        byte[] all = Files.readAllBytes(LOG);
        String text = new String(all, (int) Math.min(from, all.length), (int) (Math.min(to, all.length) - Math.min(from, all.length)),
                StandardCharsets.UTF_8);
        int n = 0;
        int full = 0;
        double longest = 0;
        double longestFull = 0;
        double total = 0;
        for (String line : text.split("\n")) {
            Matcher m = PAUSE.matcher(line);
            if (!m.find()) {
                continue;
            }
            double ms = Double.parseDouble(m.group(2));
            n++;
            total += ms;
            longest = Math.max(longest, ms);
            if (m.group(1).equals("Full")) {
                full++;
                longestFull = Math.max(longestFull, ms);
            }
        }
        return new Pauses(n, longest, full, longestFull, total);
    }

    static void reset() throws IOException {
        Files.createDirectories(LOG.getParent());
        Files.deleteIfExists(LOG);
    }
}
