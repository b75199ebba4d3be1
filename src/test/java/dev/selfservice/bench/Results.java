package dev.selfservice.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The benchmark's figures, each beside its baseline or target, as one Markdown table. */
final class Results {

    static final double START_TARGET_S = 1.0;
    static final double RSS_TARGET_MB = 200;
    static final double OWN_P99_TARGET_MS = 5;
    static final double LANDING_RATIO_TARGET = 3;
    static final int TOKENS_TARGET = 1;

    private final boolean brief;
    private final String directory;
    private final ShippedJvm jvm;
    private List<Double> starts = List.of();
    private List<Double> bareStarts = List.of();
    private LandingLoad.Result landing;
    private Map<String, Map<String, Long>> calls = Map.of();
    private List<Flows.Sample> samples = List.of();
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

    void bareStarts(List<Double> seconds) {
        this.bareStarts = seconds;
    }

    void starts(List<Double> seconds) {
        this.starts = seconds;
    }

    void landing(LandingLoad.Result result) {
        this.landing = result;
    }

    void calls(Map<String, Map<String, Long>> perStep) {
        this.calls = perStep;
    }

    /** The measured rounds' samples, and every flow that went wrong in the run (warm-up and count included). */
    void steps(Flows.Outcome outcome) {
        this.samples = outcome.samples();
        this.errors.addAll(outcome.errors());
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

    private static String seconds(List<Double> values) {
        return values.stream().map(s -> f("%.2f", s)).collect(Collectors.joining(", ")) + " s";
    }

    String table() {
        StringBuilder t = new StringBuilder();
        t.append("## Benchmark").append(brief ? " (short mode: proves it runs; figures not comparable)" : "").append("\n\n");
        t.append(String.format(Locale.ROOT, "Machine: %d cores, %s %s, Java %s; directory: %s; flows: %d at once%n%n",
                machineCores, System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), directory, PortalBench.FLOWS));
        t.append("JVM options (docker/Dockerfile.jvm under the 384Mi limit of deploy/base): `").append(jvm.describe())
                .append("`\n\n");
        if (!ShippedJvm.diagnosticOptions().isEmpty()) {
            t.append("Diagnostic options added, not shipped (BENCH_JVM_OPTIONS): `")
                    .append(String.join(" ", ShippedJvm.diagnosticOptions())).append("`\n\n");
        }
        t.append("| Measure | Portal | Baseline | Target | Met |\n|---|---|---|---|---|\n");
        double startMedian = median(starts);
        row(t, "Start to first 200 (median of " + starts.size() + "; each: " + seconds(starts) + ")",
                f("%.2f s", startMedian),
                f("bare Quarkus (quarkus-rest and one page, bench/bare-quarkus), same options and its own archive: "
                        + "%.2f s (each: %s)", median(bareStarts), seconds(bareStarts)),
                "≤ " + START_TARGET_S + " s", startMedian <= START_TARGET_S);
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
        row(t, "RSS after the load", f("%.0f MB (%.0f MB of it file-backed: class archive, JVM library, jars)",
                rss.bytes() / 1e6, rss.fileBacked() / 1e6), "", "≤ " + RSS_TARGET_MB + " MB",
                rss.bytes() / 1e6 <= RSS_TARGET_MB);
        t.append("\n### The portal's own time per step (request time minus the wait on Auth0), ").append(PortalBench.FLOWS)
                .append(" concurrent flows\n\n").append("Cores: ").append(cores).append("\n\n");
        t.append("| Step | Samples | Own p50 | Own p99 | Its Auth0 wait p50 | With redirects and page, own p50 | Portal requests"
                + " | Client-seen p50 | Auth0 calls (one flow, at the tenant) | Own p99 ≤ ").append((int) OWN_P99_TARGET_MS)
                .append(" ms |\n|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, List<Flows.Sample>> byStep = new LinkedHashMap<>();
        for (String step : Flows.STEPS) {
            byStep.put(step, samples.stream().filter(s -> s.step().equals(step)).toList());
        }
        long callsPerFlow = 0;
        for (Map.Entry<String, List<Flows.Sample>> e : byStep.entrySet()) {
            List<Flows.Sample> s = e.getValue();
            double ownP99 = p(s, Flows.Sample::requestOwnMs, 99);
            Map<String, Long> made = calls.getOrDefault(e.getKey(), Map.of());
            callsPerFlow += made.values().stream().mapToLong(Long::longValue).sum();
            t.append("| ").append(e.getKey()).append(" | ").append(s.size()).append(" | ")
                    .append(f("%.2f ms", p(s, Flows.Sample::requestOwnMs, 50))).append(" | ").append(f("%.2f ms", ownP99))
                    .append(" | ").append(f("%.1f ms", p(s, Flows.Sample::requestAuth0Ms, 50))).append(" | ")
                    .append(f("%.2f ms", p(s, Flows.Sample::ownMs, 50))).append(" | ")
                    .append(s.isEmpty() ? "" : String.valueOf(s.get(0).requests())).append(" | ")
                    .append(f("%.1f ms", p(s, Flows.Sample::wallMs, 50))).append(" | ")
                    .append(made.entrySet().stream().map(c -> c.getKey() + " ×" + c.getValue())
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(s.isEmpty() ? "–" : brief ? "(short)" : ownP99 <= OWN_P99_TARGET_MS ? "yes" : "no")
                    .append(" |\n");
        }
        t.append("\nAuth0 calls per flow (all steps, counted at the tenant): ").append(callsPerFlow).append("\n");
        if (!errors.isEmpty()) {
            t.append("\nFlows that went wrong: ").append(errors.size()).append("\n");
            errors.stream().limit(10).forEach(err -> t.append("- ").append(err).append("\n"));
        }
        return t.toString();
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
