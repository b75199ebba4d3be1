package dev.selfservice.portal.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.selfservice.portal.web.BrowserFamily;
import dev.selfservice.portal.web.ClientAddress;
import dev.selfservice.portal.web.CurrentRequest;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.RequestIds;
import io.vertx.ext.web.RoutingContext;

/**
 * The audit trail: one JSON line per security action and per refusal that matters, in its own log category
 * ({@value #CATEGORY}) so that it can be shipped and kept apart from the application's log. A line holds what a
 * security team searches by (time, event, outcome, reason, Auth0 user id, client IP, browser family, request id) and
 * never a password, code, token or unmasked contact: callers pass none, and the fields are fixed here.
 */
@ApplicationScoped
public class AuditLog {

    public static final String CATEGORY = "dev.selfservice.audit";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private final ObjectMapper json;
    private final Clock clock;
    private final io.micrometer.core.instrument.MeterRegistry metrics;
    private final EmployeeEvents events;

    public AuditLog(ObjectMapper json, Clock clock, io.micrometer.core.instrument.MeterRegistry metrics,
            EmployeeEvents events) {
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.events = events;
    }

    /**
     * Keeps an event of the employee for the helpdesk's page only, where the trail line has no user id on purpose: a
     * wrong recovery code, whose answer must not depend on whether the username exists, is told the helpdesk of the
     * account that the username names.
     */
    public void keepForEmployee(String userId, AuditAction action, AuditOutcome outcome, String reason) {
        events.keep(userId, action, outcome, reason, null);
    }

    public void success(AuditAction action, String userId) {
        record(action, AuditOutcome.SUCCESS, null, userId, Map.of());
    }

    public void refused(AuditAction action, String userId, Refusal refusal) {
        record(action, AuditOutcome.of(refusal.reason()), refusal.reason().name(), userId, Map.of());
    }

    /**
     * One event. {@code details} adds fields of the action (a channel, a masked contact, a notice kind): callers put
     * nothing secret there.
     */
    public void record(AuditAction action, AuditOutcome outcome, String reason, String userId, Map<String, String> details) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", clock.instant().toString());
        line.put("event", action.eventName());
        line.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        line.put("reason", reason);
        line.put("user_id", userId);
        Optional<RoutingContext> request = CurrentRequest.get();
        line.put("ip", request.map(r -> ClientAddress.of(r.request())).orElse(null));
        line.put("browser", request.flatMap(r -> BrowserFamily.of(r.request().getHeader("User-Agent"))).orElse(null));
        line.put("request_id", request.map(RequestIds::of).orElse(null));
        line.putAll(details);
        // the employee's recent events, for the helpdesk: the same step, without the request's details
        events.keep(userId, action, outcome, reason, details.getOrDefault("staff_name", details.get("staff")));
        // every audited step is counted too: the reasons and outcomes are few and fixed (enums), so the series are
        metrics.counter("portal.events", "event", action.eventName(),
                "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT),
                "reason", reason == null ? "none" : reason).increment();
        try {
            LOG.info(json.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            // a map of strings always serialises; should it not, the event still leaves a trace
            LOG.errorf("audit: an event could not be written (%s %s)", action.eventName(), outcome);
        }
    }
}
