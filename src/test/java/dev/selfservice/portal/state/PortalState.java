package dev.selfservice.portal.state;

import dev.selfservice.support.PortalTestClock;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.redis.datasource.RedisDataSource;

/** The portal's side of a test's clean slate: its state store emptied and its clock back to the system's. */
public final class PortalState {

    private PortalState() {
    }

    /**
     * Waits (bounded) until no notice of an earlier test is still being sent and the self-check's first look is done:
     * either arriving after the tenant's reset would land in the next test.
     */
    public static void awaitQuiet() {
        if (Arc.container() == null) {
            return;
        }
        dev.selfservice.portal.notice.Notices notices = Arc.container().instance(dev.selfservice.portal.notice.Notices.class).get();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        dev.selfservice.portal.auth0.TenantSetupCheck selfCheck = Arc.container()
                .instance(dev.selfservice.portal.auth0.TenantSetupCheck.class).get();
        // the self-check's look at start, too: its Management API reads would land in the first test's tenant log
        while ((notices.inFlight() > 0 || selfCheck.last().map(r -> !r.unchecked().isEmpty()).orElse(true)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The Redis store as another replica of the portal would make it (its own store, the same Redis, clock and secret),
     * for a test that what one replica keeps is seen by another.
     */
    public static StateStore anotherReplicasStore() {
        StateStore store = ClientProxy.unwrap(Arc.container().instance(StateStore.class).get());
        if (!(store instanceof RedisStateStore)) {
            throw new IllegalStateException("the portal's state store is not Redis: " + store.kind());
        }
        return new RedisStateStore(Arc.container().instance(RedisDataSource.class).get(),
                Arc.container().instance(java.time.Clock.class).get(),
                Arc.container().instance(dev.selfservice.portal.PortalConfig.class).get().sessionSecret());
    }

    public static void reset() {
        if (Arc.container() == null) {
            return; // not inside a Quarkus test: there is no portal
        }
        Arc.container().instance(PortalTestClock.class).get().reset();
        // a test that made Auth0 fail may have opened a circuit breaker: the next one starts with them closed
        Arc.container().instance(io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.class).get().resetAll();
        StateStore store = ClientProxy.unwrap(Arc.container().instance(StateStore.class).get());
        if (store instanceof InMemoryStateStore memory) {
            memory.clear();
        } else if (store instanceof RedisStateStore) {
            Arc.container().instance(RedisDataSource.class).get().flushall();
        }
    }
}
