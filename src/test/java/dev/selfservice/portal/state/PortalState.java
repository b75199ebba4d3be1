package dev.selfservice.portal.state;

import dev.selfservice.support.PortalTestClock;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.redis.datasource.RedisDataSource;

/** The portal's side of a test's clean slate: its state store emptied and its clock back to the system's. */
public final class PortalState {

    private PortalState() {
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
