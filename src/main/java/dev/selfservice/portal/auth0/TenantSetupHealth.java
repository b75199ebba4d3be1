package dev.selfservice.portal.auth0;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness names each finding of the tenant self-check; it reports the last look and asks Auth0 nothing itself.
 * A problem keeps a replica out of the Service <em>until it has once found the tenant right</em>: a rollout with a
 * wrong secret or grant stops there while the old replicas still serve. A problem that appears later (an
 * administrator changes the tenant) is named and logged, and counted in {@code portal_tenant_setup_problems} for an
 * alert, but leaves the replicas in: it is the same for every replica, and taking them all out would replace the
 * portal's own "try later" pages by the load balancer's error.
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
            response.status(report.ready() || check.foundRightOnce()).withData("checked_at", report.checkedAt().toString());
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
