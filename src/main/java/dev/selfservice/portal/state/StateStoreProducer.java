package dev.selfservice.portal.state;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.redis.datasource.RedisDataSource;

/** One state store for the portal: Redis when {@code REDIS_URL} is set, else bounded memory on this replica. */
@ApplicationScoped
public class StateStoreProducer {

    private static final Logger LOG = Logger.getLogger(StateStoreProducer.class);

    @Produces
    @ApplicationScoped
    StateStore store(@ConfigProperty(name = "quarkus.redis.hosts") Optional<String> redisUrl,
            PortalConfig config, Instance<RedisDataSource> redis, Clock clock,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        StateStore store = redisUrl.filter(u -> !u.isBlank()).isPresent()
                ? new RedisStateStore(redis.get(), clock, config.sessionSecret())
                : new InMemoryStateStore(clock, config.state().maxEntries(), metrics);
        LOG.infof("state store: %s", store.kind());
        return store;
    }
}
