package dev.selfservice.portal.state;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import dev.selfservice.portal.state.StateStore.Reachability;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Readiness asks the state store at each probe. It keeps a replica out <em>until the store has once answered it</em>,
 * so a rollout with a wrong {@code REDIS_URL} stops there while the old replicas still serve, and whenever the store
 * refuses this replica (a missing or wrong password: its own setup, which a replica set up right does not share, as
 * when Redis was restarted with a new password and this pod still has the old one). A store that stops answering
 * after it once did is named (logged when that changes, and shown in {@code portal_state_store_answering} for an
 * alert) but leaves the replica in, as the tenant self-check does: an outage of Redis is shared by every replica, and
 * taking them all out would replace the portal's own "try again in a minute" page, and every page that needs no
 * state, by the load balancer's error.
 */
@Readiness
@ApplicationScoped
@Startup // the gauge is there from the start, not from the first probe: an alert on it needs the series
public class StateStoreHealth implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(StateStoreHealth.class);

    private final StateStore store;
    private final AtomicBoolean answeredOnce = new AtomicBoolean();
    /** The last probe's answer; ANSWERS before the first, so that a store down from the start is logged too. */
    private final AtomicReference<Reachability> last = new AtomicReference<>(Reachability.ANSWERS);

    public StateStoreHealth(StateStore store, MeterRegistry metrics) {
        this.store = store;
        metrics.gauge("portal.state.store.answering", last, l -> l.get() == Reachability.ANSWERS ? 1 : 0);
    }

    @Override
    public HealthCheckResponse call() {
        Reachability now = store.ping();
        if (now == Reachability.ANSWERS) {
            answeredOnce.set(true);
        }
        Reachability before = last.getAndSet(now);
        if (before != now) {
            switch (now) {
                case ANSWERS -> LOG.infof("state store: %s answers again", store.kind());
                case SILENT -> LOG.errorf("state store: %s does not answer; whatever needs it answers \"try again\"",
                        store.kind());
                case REFUSES -> LOG.errorf("state store: %s refuses this replica's password (REDIS_PASSWORD or the one in"
                        + " REDIS_URL); this replica is not ready until it is given the right one", store.kind());
            }
        }
        boolean ready = now == Reachability.ANSWERS || (now == Reachability.SILENT && answeredOnce.get());
        return HealthCheckResponse.named("state store").status(ready).withData("kind", store.kind())
                .withData("answering", now == Reachability.ANSWERS).withData("refused", now == Reachability.REFUSES).build();
    }
}
