package dev.selfservice.portal.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.smallrye.common.vertx.ContextLocals;

/**
 * How long a request waited on the services outside the portal (Auth0, the breach list), so that its answer can say
 * how much of its time was the portal's own ({@link ServerTimingHeader}).
 * <p>
 * The wait is kept in the request's Vert.x context, which Quarkus carries to the worker thread of a page and to the
 * event-loop callbacks of quarkus-oidc, so the guarded calls and the sign-in's token exchange add to the same request
 * without a parameter through every layer. Calls nested in a timed call of the same service (the machine-to-machine
 * token fetched inside a Management call) are part of the outer one and not counted twice; each service keeps its
 * own count, so that a call of one that overlaps a call of the other (a lookup running beside the answer) is counted
 * in full. A call of one service made inside a call of the other would be counted in both: none is. A call made
 * after the answer (recovery's lookups) adds to a wait nobody reads any more.
 */
public final class OutsideWait {

    /** A service a request waits on, by the name its {@code Server-Timing} entry carries. */
    public enum Service {
        AUTH0("auth0"),
        BREACH_LIST("breach");

        final String timingName;

        Service(String timingName) {
            this.timingName = timingName;
        }
    }

    static final String KEY = "portal.outside-wait";

    /** One service's wait: its time, its calls, and how many of its calls are open now. */
    private static final class Tally {
        final AtomicLong nanos = new AtomicLong();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();

        void add(long callNanos) {
            nanos.addAndGet(callNanos);
            calls.incrementAndGet();
        }
    }

    private final Map<Service, Tally> tallies = new EnumMap<>(Service.class);

    OutsideWait() {
        for (Service service : Service.values()) {
            tallies.put(service, new Tally());
        }
    }

    /** The wait of the request on this thread, if one is kept (only while {@code portal.server-timing} is on). */
    public static OutsideWait current() {
        try {
            return ContextLocals.<OutsideWait> get(KEY).orElse(null);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            return null; // no request's context on this thread (start-up, the scheduler's self-check)
        }
    }

    /** The call, with its time (retries and their pauses included) added to the request's wait on the service. */
    public static <T> T timed(Service service, Supplier<T> call) {
        OutsideWait wait = current();
        if (wait == null) {
            return call.get();
        }
        long start = wait.begin(service);
        try {
            return call.get();
        } finally {
            wait.end(service, start);
        }
    }

    long begin(Service service) {
        tallies.get(service).open.incrementAndGet();
        return System.nanoTime();
    }

    void end(Service service, long start) {
        Tally tally = tallies.get(service);
        if (tally.open.decrementAndGet() == 0) {
            tally.add(System.nanoTime() - start);
        }
    }

    /** A call timed on its own (quarkus-oidc's), unless it ran inside a timed call, which counts it already. */
    public void addUnlessInside(Service service, long callNanos) {
        Tally tally = tallies.get(service);
        if (tally.open.get() == 0) {
            tally.add(callNanos);
        }
    }

    long nanos(Service service) {
        return tallies.get(service).nanos.get();
    }

    int calls(Service service) {
        return tallies.get(service).calls.get();
    }
}
