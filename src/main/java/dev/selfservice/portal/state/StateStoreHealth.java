package dev.selfservice.portal.state;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness reports DOWN while the state store does not answer: the limits and proofs need it. */
@Readiness
@ApplicationScoped
public class StateStoreHealth implements HealthCheck {

    private final StateStore store;

    public StateStoreHealth(StateStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("state store").status(store.ping()).withData("kind", store.kind()).build();
    }
}
