package dev.selfservice.portal.auth0;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.smallrye.common.vertx.ContextLocals;

/**
 * How long a request waited on Auth0, so that its answer can say how much of its time was the portal's own
 * ({@link ServerTimingHeader}).
 * <p>
 * The wait is kept in the request's Vert.x context, which Quarkus carries to the worker thread of a page and to the
 * event-loop callbacks of quarkus-oidc, so the facades' guarded calls and the sign-in's token exchange
 * ({@link OidcCallTimer}) add to the same request without a parameter through every layer. Calls nested in a timed
 * call (the machine-to-machine token fetched inside a Management call) are part of the outer one and not counted
 * twice. A call made after the answer (recovery's lookups) adds to a wait nobody reads any more.
 */
final class Auth0Wait {

    final AtomicLong nanos = new AtomicLong();
    final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();

    static final String KEY = "portal.auth0-wait";

    /** The wait of the request on this thread, if one is kept (the facades', and quarkus-oidc's filters'). */
    static Auth0Wait current() {
        try {
            return ContextLocals.<Auth0Wait> get(KEY).orElse(null);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            return null; // no request's context on this thread (start-up, the scheduler's self-check)
        }
    }

    /** The call, with its time (retries and their pauses included) added to the request's wait. */
    static <T> T timed(Supplier<T> call) {
        Auth0Wait wait = current();
        if (wait == null) {
            return call.get();
        }
        long start = wait.begin();
        try {
            return call.get();
        } finally {
            wait.end(start);
        }
    }

    long begin() {
        open.incrementAndGet();
        return System.nanoTime();
    }

    void end(long start) {
        if (open.decrementAndGet() == 0) {
            nanos.addAndGet(System.nanoTime() - start);
            calls.incrementAndGet();
        }
    }

    /** A call timed on its own (quarkus-oidc's), unless it ran inside a timed call, which counts it already. */
    void addUnlessInside(long callNanos) {
        if (open.get() == 0) {
            nanos.addAndGet(callNanos);
            calls.incrementAndGet();
        }
    }
}
