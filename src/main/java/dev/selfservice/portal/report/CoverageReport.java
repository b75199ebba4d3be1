package dev.selfservice.portal.report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import dev.selfservice.portal.auth0.Auth0Exception;
import dev.selfservice.portal.state.StateUnavailable;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The coverage report: who could recover alone. A reading runs on one replica at a time (a lock in the state store),
 * on a worker thread, never the event loop; it keeps its figures for every replica, or, when it fails or takes too
 * long, a note of that while the last good figures stay. The share is a gauge,
 * {@code portal_report_enrolled_share} (0 to 1; NaN before the first reading).
 */
@ApplicationScoped
public class CoverageReport {

    private static final Logger LOG = Logger.getLogger(CoverageReport.class);

    private final CoverageStore store;
    private final ExportReading reading;
    private final ReportSettings settings;
    private final ManagedExecutor executor;

    CoverageReport(CoverageStore store, ExportReading reading, ReportSettings settings, ManagedExecutor executor,
            MeterRegistry metrics) {
        this.store = store;
        this.reading = reading;
        this.settings = settings;
        this.executor = executor;
        metrics.gauge("portal.report.enrolled.share", this, CoverageReport::shareForGauge);
    }

    /** Starts a reading unless one runs on any replica: true when this call started it. */
    public boolean start() {
        String holder = UUID.randomUUID().toString();
        // held a little longer than the reading may take, so that a replica that died mid-run frees it in time
        if (!store.lock(holder, settings.longestRun().plus(Duration.ofMinutes(1)))) {
            return false;
        }
        try {
            executor.runAsync(() -> run(holder));
        } catch (RuntimeException e) {
            store.unlock(holder);
            throw e;
        }
        return true;
    }

    private void run(String holder) {
        try {
            ExportReading.Result result = reading.read();
            store.keep(result.figures(), result.without());
            LOG.infof("coverage report: %d of %d AD users have a recovery contact", result.figures().withContact(),
                    result.figures().total());
        } catch (ExportReading.Failed e) {
            fail(e.getMessage());
        } catch (Auth0Exception e) {
            fail("auth0_" + (e.rateLimited() ? "rate_limited" : e.unavailable() ? "unavailable" : "refused"));
        } catch (RuntimeException e) {
            LOG.error("coverage report: the reading failed", e);
            fail("error");
        } finally {
            try {
                store.unlock(holder);
            } catch (StateUnavailable e) {
                LOG.warn("coverage report: the run's lock could not be given back; it expires by itself");
            }
        }
    }

    private void fail(String reason) {
        LOG.warnf("coverage report: the reading failed (%s); the last good figures stay", reason);
        try {
            store.failed(reason);
        } catch (StateUnavailable e) {
            LOG.warn("coverage report: the failure could not be noted in the state store");
        }
    }

    public boolean running() {
        return store.running();
    }

    public Optional<CoverageFigures> latest() {
        return store.latest();
    }

    /** When the newest reading failed, if it came after the newest good one. */
    public Optional<java.time.Instant> failedSinceLatest() {
        return store.failureSinceLatest().map(CoverageStore.Failure::at);
    }

    public List<CoverageFigures> trend() {
        return store.trend(settings.trendDays());
    }

    public Optional<WithoutContact> withoutContact() {
        return store.withoutContact();
    }

    private double shareForGauge() {
        try {
            return store.latest().map(CoverageFigures::share).orElse(Double.NaN);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
