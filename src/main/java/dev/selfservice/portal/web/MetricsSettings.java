package dev.selfservice.portal.web;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Auth0's latency as a histogram (buckets a dashboard can turn into percentiles across replicas), not only a sum and
 * a count: Auth0's slow moments are what the timeouts and breakers are tuned against.
 */
@Singleton
public class MetricsSettings {

    @Produces
    @Singleton
    MeterFilter auth0LatencyHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals("http.client.requests")
                        ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
                        : config;
            }
        };
    }
}
