package dev.selfservice.bench;

import java.time.Duration;
import java.util.List;

/**
 * The flows at one level of concurrency, measured: the steps' samples, and what the whole round cost the portal's
 * process in CPU time (user and system, every thread: request threads, the event loop, the JIT, the collector), its
 * wall time, and the collector's pauses in it.
 */
record FlowLevel(int concurrent, Flows.Outcome outcome, double cpuSeconds, double wallSeconds, GcPauses.Pauses pauses) {

    static FlowLevel measure(Flows flows, long portalPid, int concurrent, int rounds, int firstUser) throws Exception {
        long gcFrom = GcPauses.mark();
        Duration cpuBefore = cpu(portalPid);
        long begun = System.nanoTime();
        Flows.Outcome outcome = flows.run(concurrent, rounds, firstUser);
        double wall = (System.nanoTime() - begun) / 1e9;
        Duration cpuAfter = cpu(portalPid);
        return new FlowLevel(concurrent, outcome, cpuAfter.minus(cpuBefore).toNanos() / 1e9, wall,
                GcPauses.between(gcFrom, GcPauses.mark()));
    }

    /** The process's CPU time so far, as the kernel counts it (utime and stime of /proc/pid/stat, in clock ticks). */
    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for the portal's process " + pid));
    }

    /** Complete flows: those whose last step (the recovery's reset) answered as expected. */
    int flows() {
        String last = Flows.STEPS.get(Flows.STEPS.size() - 1);
        return (int) outcome.samples().stream().filter(s -> s.step().equals(last)).count();
    }

    /** The portal's CPU time per complete flow, in ms. */
    double cpuMsPerFlow() {
        return flows() == 0 ? Double.NaN : cpuSeconds * 1000 / flows();
    }

    /**
     * Flows one core sustains, from the CPU time a flow costs the portal: a core fully busy with flows completes one
     * per {@link #cpuMsPerFlow}. The waits on Auth0 cost the portal no CPU, so this is the rate at which its core,
     * not Auth0, is the limit.
     */
    double flowsPerCoreSecond() {
        return 1000 / cpuMsPerFlow();
    }

    /** Flows completed per second of this round's wall time, as the load offered them. */
    double flowsPerSecond() {
        return flows() / wallSeconds;
    }

    /** How busy the portal kept its core (of the one it is pinned to) over the round. */
    double coreBusy() {
        return cpuSeconds / wallSeconds;
    }

    List<Flows.Sample> samples() {
        return outcome.samples();
    }
}
