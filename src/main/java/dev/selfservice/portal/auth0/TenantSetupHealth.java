package dev.selfservice.portal.auth0;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness names each finding of the tenant self-check; it reports the last look and asks Auth0 nothing itself. A
 * problem (a setup the portal cannot work with) keeps the replica out of the Service, so a rollout with a wrong
 * secret or grant stops while the old replicas still serve.
 */
@Readiness
@ApplicationScoped
public class TenantSetupHealth implements HealthCheck {

    private final TenantSetupCheck check;

    public TenantSetupHealth(TenantSetupCheck check) {
        this.check = check;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("auth0 tenant setup");
        return check.last().map(report -> {
            response.status(report.ready()).withData("checked_at", report.checkedAt().toString());
            number(response, "problem", report.problems());
            number(response, "warning", report.warnings());
            number(response, "unchecked", report.unchecked());
            return response.build();
        }).orElseGet(() -> response.down().withData("state", "not checked yet").build());
    }

    private static void number(HealthCheckResponseBuilder response, String kind, java.util.List<String> findings) {
        for (int i = 0; i < findings.size(); i++) {
            response.withData(kind + "." + (i + 1), findings.get(i));
        }
    }
}
