package dev.selfservice.portal.state;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.portal.PortalConfig;

/**
 * Counts the {@link Limit}s in the {@link StateStore}, atomically across replicas: a count is taken before the action
 * it limits, so parallel requests cannot pass together, and a store that cannot answer fails the caller closed.
 */
@ApplicationScoped
public class Limits {

    private final StateStore store;
    private final PortalConfig config;

    public Limits(StateStore store, PortalConfig config) {
        this.store = store;
        this.config = config;
    }

    /** Counts one event for these key parts if the limit leaves room in its window: true when it was counted. */
    public boolean take(Limit limit, String... parts) {
        return store.tryAcquire(limit.key(parts), limit.ceiling(config), limit.window(config));
    }

    /** Takes back the newest event counted: a try counted before an action that then never happened. */
    public void giveBack(Limit limit, String... parts) {
        store.giveBack(limit.key(parts));
    }

    /** The events counted for these key parts in the window, without counting one. */
    public int counted(Limit limit, String... parts) {
        return store.count(limit.key(parts), limit.window(config));
    }

    public int ceiling(Limit limit) {
        return limit.ceiling(config);
    }

    public Duration window(Limit limit) {
        return limit.window(config);
    }
}
