package dev.selfservice.bench;

/**
 * For the flows, the portal gets core 0 and this JVM (the local tenant, the employees) the others: Auth0 runs
 * elsewhere in production, and the portal's own time should not include waiting for a core the tenant holds. Without
 * {@code taskset} or with one core, nothing is pinned, and the table says so.
 */
final class Cores {

    private Cores() {
    }

    static String split(long portalPid) throws Exception {
        int n = Runtime.getRuntime().availableProcessors();
        if (n < 2 || !dev.selfservice.support.Commands.onPath("taskset")) {
            return "not pinned (one core, or no taskset): the portal's own time includes waiting for a core";
        }
        String others = n == 2 ? "1" : "1-" + (n - 1);
        boolean pinned = taskset("0", portalPid) && taskset(others, ProcessHandle.current().pid());
        return pinned ? "portal on core 0, the local tenant and the employees on core " + others + " (taskset)"
                : "not pinned (taskset refused)";
    }

    /** Every thread of the process, present and future, onto these cores. */
    private static boolean taskset(String cores, long pid) throws Exception {
        return new ProcessBuilder("taskset", "-a", "-p", "-c", cores, String.valueOf(pid)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }
}
