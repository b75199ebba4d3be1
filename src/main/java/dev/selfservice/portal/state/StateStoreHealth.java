package dev.selfservice.portal.state;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Readiness asks the state store at each probe, and keeps a replica out <em>until the store has once answered it</em>:
 * a rollout with a wrong {@code REDIS_URL} or password stops there while the old replicas still serve. A store that
 * stops answering later is named (and logged when that changes, and shown in {@code portal_state_store_answering}
 * for an alert) but leaves the replica in, as the tenant self-check does: Redis is shared by every replica, and taking
 * them all out would replace the portal's own "try again in a minute" page, and every page that needs no state, by
 * the load balancer's error.
 */
@Readiness
@ApplicationScoped
public class StateStoreHealth implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(StateStoreHealth.class);

    private final StateStore store;
    private final AtomicBoolean answeredOnce = new AtomicBoolean();
    /** The last probe's answer; true before the first, so that a store down from the start is logged too. */
    private final AtomicBoolean answering = new AtomicBoolean(true);

    public StateStoreHealth(StateStore store, MeterRegistry metrics) {
        this.store = store;
        metrics.gauge("portal.state.store.answering", answering, a -> a.get() ? 1 : 0);
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = store.ping();
        if (up) {
            answeredOnce.set(true);
        }
        if (answering.getAndSet(up) != up) {
            if (up) {
                LOG.infof("state store: %s answers again", store.kind());
            } else {
                LOG.errorf("state store: %s does not answer; recovery and contact changes answer \"try again\"",
                        store.kind());
            }
        }
        return HealthCheckResponse.named("state store").status(up || answeredOnce.get()).withData("kind", store.kind())
                .withData("answering", up).build();
    }
}
