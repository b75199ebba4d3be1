package dev.selfservice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The benchmark's figures, each beside its baseline or target, as one Markdown table. */
final class Results {

    /** Issue 34: the start within 1.5 times what bare Quarkus takes in the same run, with the same JVM and options. */
    static final double START_RATIO_TARGET = 1.5;
    static final double RSS_TARGET_MB = 200;
    static final double FULL_GC_TARGET_MS = 50;
    /** The own-time p99 target holds at {@link PortalBench#FEW} concurrent flows on the portal's one core. */
    static final double OWN_P99_TARGET_MS = 5;
    static final double LANDING_RATIO_TARGET = 3;
    static final int TOKENS_TARGET = 1;
    static final int CALLS_TARGET = 30;

    private final boolean brief;
    private final String directory;
    private final ShippedJvm jvm;
    private List<StartTimes.Start> starts = List.of();
    private List<StartTimes.Start> bareStarts = List.of();
    private List<StartTimes.Start> extensionStarts = List.of();
    private ShippedJvm java25;
    /** Set when the flows, the landing page and the resident set were measured on Java 25 (BENCH_FLOWS_ON=25). */
    private boolean flowsOnJava25;
    private List<StartTimes.Start> starts25 = List.of();
    private List<StartTimes.Start> bareStarts25 = List.of();
    private LandingLoad.Result landing;
    private Map<String, Map<String, Long>> calls = Map.of();
    private FlowLevel alone;
    private FlowLevel few;
    private FlowLevel many;
    private final List<String> errors = new ArrayList<>();
    private int tokens;
    private String cores = "";
    private Rss.Resident rss = new Rss.Resident(0, 0);

    /** Read before the flows pin this JVM to fewer cores. */
    private final int machineCores = Runtime.getRuntime().availableProcessors();

    Results(boolean brief, String directory, ShippedJvm jvm) {
        this.brief = brief;
        this.directory = directory;
        this.jvm = jvm;
    }

    void bareStarts(List<StartTimes.Start> measured) {
        this.bareStarts = measured;
    }

    /** Bare Quarkus with the portal's extensions and none of its code (bench/bare-extensions). */
    void extensionStarts(List<StartTimes.Start> measured) {
        this.extensionStarts = measured;
    }

    void starts(List<StartTimes.Start> measured) {
        this.starts = measured;
    }

    /** The portal's and bare Quarkus's starts on Java 25 with their AOT caches (docker/Dockerfile.jvm25). */
    void startsOnJava25(ShippedJvm jvm, List<StartTimes.Start> portal, List<StartTimes.Start> bare) {
        this.java25 = jvm;
        this.starts25 = portal;
        this.bareStarts25 = bare;
    }

    void flowsOnJava25() {
        this.flowsOnJava25 = true;
    }

    void landing(LandingLoad.Result result) {
        this.landing = result;
    }

    void calls(Map<String, Map<String, Long>> perStep) {
        this.calls = perStep;
    }

    /** The measured rounds: one flow alone, a few at once, and {@link PortalBench#FLOWS} at once. */
    void levels(FlowLevel alone, FlowLevel few, FlowLevel many) {
        this.alone = alone;
        this.few = few;
        this.many = many;
    }

    /** Every flow that went wrong in the run (warm-up and count included). */
    void errors(List<String> wrong) {
        this.errors.addAll(wrong);
    }

    void cores(String pinning) {
        this.cores = pinning;
    }

    void tokens(int fetched) {
        this.tokens = fetched;
    }

    void rss(Rss.Resident resident) {
        this.rss = resident;
    }

    List<String> flowErrors() {
        return errors;
    }

    /** The median start; none measured is no figure (NaN), never a start that meets the target. */
    private static double median(List<Double> values) {
        return values.isEmpty() ? Double.NaN
                : Percentiles.of(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 50);
    }

    /** Each start's time; one whose JVM had not mapped its archive is marked, since it is not the image's start. */
    private static String seconds(List<StartTimes.Start> values) {
        long without = values.stream().filter(s -> !s.archiveMapped()).count();
        return values.stream().map(s -> f("%.2f", s.seconds()) + (s.archiveMapped() ? "" : "*"))
                .collect(Collectors.joining(", ")) + " s"
                + (without == 0 ? "" : "; * without its archive mapped: the JVM found it unusable");
    }

    private static double medianStart(List<StartTimes.Start> starts) {
        return median(starts.stream().map(StartTimes.Start::seconds).toList());
    }

    private List<FlowLevel> levels() {
        List<FlowLevel> all = new ArrayList<>();
        for (FlowLevel l : new FlowLevel[] { alone, few, many }) {
            if (l != null) {
                all.add(l);
            }
        }
        return all;
    }

    String table() {
        StringBuilder t = new StringBuilder();
        t.append("## Benchmark").append(brief ? " (short mode: proves it runs; figures not comparable)" : "").append("\n\n");
        t.append(String.format(Locale.ROOT, "Machine: %d cores, %s %s, Java %s; directory: %s; flows: 1, %d and %d at once%n%n",
                machineCores, System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), directory, PortalBench.FEW, PortalBench.FLOWS));
        t.append("JVM options (docker/Dockerfile.jvm under the 384Mi limit of deploy/base): `").append(jvm.describe())
                .append("`; for the flows the benchmark adds `-Xlog:gc:file=…` to read the collector's pauses\n\n");
        if (java25 != null) {
            t.append("Java 25 (docker/Dockerfile.jvm25").append(flowsOnJava25 ? "" : ", starts only").append("): `")
                    .append(java25.java()).append(' ').append(java25.describe()).append("`\n\n");
        }
        if (flowsOnJava25) {
            t.append("**The landing page, the flows and the resident set below ran on Java 25** with its image's options"
                    + " and AOT cache (BENCH_FLOWS_ON=25); the starts are as labelled\n\n");
        }
        if (!ShippedJvm.diagnosticOptions().isEmpty()) {
            t.append("Diagnostic options added, not shipped (BENCH_JVM_OPTIONS): `")
                    .append(String.join(" ", ShippedJvm.diagnosticOptions())).append("`\n\n");
        }
        t.append("| Measure | Portal | Baseline | Target | Met |\n|---|---|---|---|---|\n");
        double startMedian = medianStart(starts);
        double bareMedian = medianStart(bareStarts);
        double startRatio = startMedian / bareMedian;
        row(t, "Start to first 200 (median of " + starts.size() + "; each: " + seconds(starts) + ")",
                f("%.2f s (%.1fx bare Quarkus)", startMedian, startRatio),
                f("bare Quarkus (quarkus-rest and one page, bench/bare-quarkus), same options and its own archive: "
                        + "%.2f s (each: %s)", bareMedian, seconds(bareStarts)),
                "≤ " + START_RATIO_TARGET + "x bare Quarkus", startRatio <= START_RATIO_TARGET);
        double extensionsMedian = medianStart(extensionStarts);
        row(t, "Start to first 200 of the portal's extensions alone (bench/bare-extensions: the extensions the portal is"
                + " built on, one Qute page, one REST client, one scheduled method, none of the portal's code; median of "
                + extensionStarts.size() + "; each: " + seconds(extensionStarts) + ")",
                f("%.2f s (%.1fx bare Quarkus; the portal takes %.1fx this)", extensionsMedian,
                        extensionsMedian / bareMedian, startMedian / extensionsMedian),
                "bare Quarkus, as above (what the portal's own code can move is the part above this)", "", true);
        if (java25 != null) {
            double median25 = medianStart(starts25);
            double bare25 = medianStart(bareStarts25);
            row(t, "Start to first 200 on Java 25 with the AOT cache (docker/Dockerfile.jvm25; median of " + starts25.size()
                    + "; each: " + seconds(starts25) + ")",
                    f("%.2f s (%.1fx bare Quarkus on Java 25; %.0f%% of the Java 17 start)", median25, median25 / bare25,
                            100 * median25 / startMedian),
                    f("bare Quarkus on Java 25, the same options and its own AOT cache: %.2f s (each: %s)", bare25,
                            seconds(bareStarts25)),
                    "≤ " + START_RATIO_TARGET + "x bare Quarkus", median25 / bare25 <= START_RATIO_TARGET);
        } else {
            row(t, "Start on Java 25 with the AOT cache", "not measured: no Java 25 on this machine (BENCH_JAVA25_HOME)",
                    "", "", true);
        }
        if (landing != null) {
            row(t, "Landing page, " + LandingLoad.CONNECTIONS + " connections (" + landing.tool() + ")",
                    f("%.0f req/s, p50 %.2f ms, p99 %.2f ms", landing.portal().perSecond(), landing.portal().p50Ms(),
                            landing.portal().p99Ms()),
                    f("static server (python3 http.server): %.0f req/s, p50 %.2f ms, p99 %.2f ms",
                            landing.staticServer().perSecond(), landing.staticServer().p50Ms(), landing.staticServer().p99Ms()),
                    "≥ " + LANDING_RATIO_TARGET + "x", landing.ratio() >= LANDING_RATIO_TARGET);
            row(t, "Landing page / static server", f("%.1fx", landing.ratio()), "", "", landing.ratio() >= LANDING_RATIO_TARGET);
        }
        row(t, "Management API tokens fetched in the run", String.valueOf(tokens), "", "= " + TOKENS_TARGET,
                tokens == TOKENS_TARGET);
        long callsPerFlow = calls.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        row(t, "Auth0 calls per full flow (counted at the tenant; by step below)", String.valueOf(callsPerFlow), "",
                "≤ " + CALLS_TARGET, callsPerFlow <= CALLS_TARGET);
        row(t, "RSS after the load", f("%.0f MB (%.0f MB of it file-backed: class archive, JVM library, jars)",
                rss.bytes() / 1e6, rss.fileBacked() / 1e6), "", "≤ " + RSS_TARGET_MB + " MB",
                rss.bytes() / 1e6 <= RSS_TARGET_MB);
        if (many != null) {
            GcPauses.Pauses p = measuredPauses();
            row(t, "Collector pauses in the measured rounds (from the GC log)",
                    f("%d pauses, longest %.1f ms, %.0f ms in all; %d full collections, longest %.1f ms", p.collections(),
                            p.longestMs(), p.totalMs(), p.fullCollections(), p.longestFullMs()),
                    "", "no full collection > " + (int) FULL_GC_TARGET_MS + " ms", p.longestFullMs() <= FULL_GC_TARGET_MS);
            double perFlow = many.cpuMsPerFlow();
            row(t, "Portal CPU time per complete flow (sign-in to reset), at " + PortalBench.FLOWS + " concurrent flows",
                    f("%.1f ms", perFlow), "", "", true);
            row(t, "Flows per second one core sustains (1 / CPU time per flow)", f("%.1f flows/s", many.flowsPerCoreSecond()),
                    f("measured at %d concurrent flows: %.1f flows/s with the portal's core %.0f%% busy", PortalBench.FLOWS,
                            many.flowsPerSecond(), many.coreBusy() * 100), "", true);
        }

        if (!levels().isEmpty()) {
            t.append("\n### Cost per flow at each concurrency\n\n");
            t.append("| Concurrent flows | Complete flows | Portal CPU per flow | Wall time | Flows/s | Portal core busy"
                    + " | Collector pauses (longest, full collections) |\n|---|---|---|---|---|---|---|\n");
            for (FlowLevel l : levels()) {
                t.append("| ").append(l.concurrent()).append(" | ").append(l.flows()).append(" | ")
                        .append(f("%.1f ms", l.cpuMsPerFlow())).append(" | ").append(f("%.1f s", l.wallSeconds()))
                        .append(" | ").append(f("%.1f", l.flowsPerSecond())).append(" | ")
                        .append(f("%.0f%%", l.coreBusy() * 100)).append(" | ")
                        .append(f("%d (%.1f ms, %d)", l.pauses().collections(), l.pauses().longestMs(),
                                l.pauses().fullCollections()))
                        .append(" |\n");
            }
        }

        t.append("\n### The portal's own time per step (request time minus the waits on Auth0 and the breach list)\n\n")
                .append("Cores: ").append(cores).append("\n\n");
        t.append("| Step | Own p50 / p99, 1 flow | Own p50 / p99, ").append(PortalBench.FEW).append(" flows | Own p50 / p99, ")
                .append(PortalBench.FLOWS).append(" flows | Its Auth0 wait p50 (").append(PortalBench.FLOWS)
                .append(") | With redirects and page, own p50 (").append(PortalBench.FLOWS)
                .append(") | Portal requests | Client-seen p50 (").append(PortalBench.FLOWS)
                .append(") | Auth0 calls (one flow, at the tenant) | Own p99 ≤ ").append((int) OWN_P99_TARGET_MS)
                .append(" ms at ").append(PortalBench.FEW).append(" flows |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (String step : Flows.STEPS) {
            List<Flows.Sample> s = of(many, step);
            List<Flows.Sample> atFew = of(few, step);
            double fewP99 = p(atFew, Flows.Sample::requestOwnMs, 99);
            Map<String, Long> made = calls.getOrDefault(step, Map.of());
            t.append("| ").append(step).append(" | ").append(p50p99(of(alone, step))).append(" | ").append(p50p99(atFew))
                    .append(" | ").append(p50p99(s)).append(" | ")
                    .append(f("%.1f ms", p(s, Flows.Sample::requestAuth0Ms, 50))).append(" | ")
                    .append(f("%.2f ms", p(s, Flows.Sample::ownMs, 50))).append(" | ")
                    .append(s.isEmpty() ? "" : String.valueOf(s.get(0).requests())).append(" | ")
                    .append(f("%.1f ms", p(s, Flows.Sample::wallMs, 50))).append(" | ")
                    .append(made.entrySet().stream().map(c -> c.getKey() + " ×" + c.getValue())
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(atFew.isEmpty() ? "–" : brief ? "(short)" : fewP99 <= OWN_P99_TARGET_MS ? "yes" : "no")
                    .append(" |\n");
        }
        t.append("\nSamples per step: ").append(levels().stream()
                .map(l -> l.concurrent() + " at once: " + of(l, Flows.STEPS.get(0)).size())
                .collect(Collectors.joining(", "))).append("\n");
        t.append("\nAuth0 calls per flow (all steps, counted at the tenant): ").append(callsPerFlow).append("\n");
        if (!errors.isEmpty()) {
            t.append("\nFlows that went wrong: ").append(errors.size()).append("\n");
            errors.stream().limit(10).forEach(err -> t.append("- ").append(err).append("\n"));
        }
        return t.toString();
    }

    /** The pauses of every measured round together. */
    private GcPauses.Pauses measuredPauses() {
        int n = 0;
        int full = 0;
        double longest = 0;
        double longestFull = 0;
        double total = 0;
        for (FlowLevel l : levels()) {
            GcPauses.Pauses p = l.pauses();
            n += p.collections();
            full += p.fullCollections();
            longest = Math.max(longest, p.longestMs());
            longestFull = Math.max(longestFull, p.longestFullMs());
            total += p.totalMs();
        }
        return new GcPauses.Pauses(n, longest, full, longestFull, total);
    }

    private static List<Flows.Sample> of(FlowLevel level, String step) {
        return level == null ? List.of() : level.samples().stream().filter(s -> s.step().equals(step)).toList();
    }

    private static String p50p99(List<Flows.Sample> s) {
        return s.isEmpty() ? "–"
                : f("%.2f / %.2f ms", p(s, Flows.Sample::requestOwnMs, 50), p(s, Flows.Sample::requestOwnMs, 99));
    }

    private static double p(List<Flows.Sample> samples, java.util.function.ToDoubleFunction<Flows.Sample> of, double pct) {
        return Percentiles.of(samples.stream().mapToDouble(of).sorted().toArray(), pct);
    }

    private void row(StringBuilder t, String measure, String portal, String baseline, String target, boolean met) {
        t.append("| ").append(measure).append(" | ").append(portal).append(" | ").append(baseline).append(" | ")
                .append(target).append(" | ").append(target.isEmpty() ? "" : brief ? "(short)" : met ? "yes" : "no")
                .append(" |\n");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
