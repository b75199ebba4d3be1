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

    /** How many more events the window has room for now, for these key parts. */
    public int left(Limit limit, String... parts) {
        return Math.max(0, limit.ceiling(config) - counted(limit, parts));
    }

    /**
     * When a limit met for these key parts has room again (its oldest event counted leaves the window); empty while
     * it has room now.
     */
    public java.util.Optional<java.time.Instant> roomAgainAt(Limit limit, String... parts) {
        if (left(limit, parts) > 0) {
            return java.util.Optional.empty();
        }
        return store.oldest(limit.key(parts), limit.window(config)).map(oldest -> oldest.plus(limit.window(config)));
    }

    public int ceiling(Limit limit) {
        return limit.ceiling(config);
    }

    public Duration window(Limit limit) {
        return limit.window(config);
    }
}
