package bench.extensions;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** One scheduled method, as the portal's self-check and sweeps have; first due after the measured starts. */
@ApplicationScoped
public class Tick {
    @Scheduled(every = "10m", delayed = "10m")
    void tick() {
    }
}
