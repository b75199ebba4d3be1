package dev.selfservice.portal.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.portal.state.StateUnavailable;

/**
 * An employee's recent portal events, for the helpdesk's page of that employee: what the audit trail records of them
 * (which step, how it ended, the refusal's reason, the helpdesk person who acted), kept in the state store so that
 * every replica sees them, for {@link EventsSettings#keptFor()} and at most {@link EventsSettings#keptPerEmployee()}
 * of them. Only those fields are kept, each an enum name or a user id: never a code, password, token, contact, address,
 * browser or a helpdesk person's typed reason.
 */
@ApplicationScoped
public class EmployeeEvents {

    private static final Logger LOG = Logger.getLogger(EmployeeEvents.class);

    /**
     * Not kept: the helpdesk finding the employee (every look at the page would push out what happened), and the
     * notices (each follows an event that is kept).
     */
    private static final Set<AuditAction> NOT_KEPT = Set.of(AuditAction.HELPDESK_FIND, AuditAction.NOTICE);

    /** One event as the helpdesk sees it; {@code reason} and {@code staffUserId} are empty where none. */
    public record Event(Instant at, AuditAction action, AuditOutcome outcome, Optional<String> reason,
            Optional<String> staffUserId) {
    }

    private final StateStore store;
    private final EventsSettings settings;

    public EmployeeEvents(StateStore store, EventsSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * Keeps one event of the employee. The store not answering does not fail the step that happened (it is in the
     * audit log all the same): the history misses it, and the log says so.
     */
    void keep(String userId, AuditAction action, AuditOutcome outcome, String reason, String staffUserId) {
        if (userId == null || userId.isBlank() || NOT_KEPT.contains(action)) {
            return;
        }
        String entry = String.join("\t", action.name(), outcome.name(), reason == null ? "" : reason,
                staffUserId == null ? "" : staffUserId);
        try {
            store.push(key(userId), entry, settings.keptPerEmployee(), settings.keptFor());
        } catch (StateUnavailable e) {
            LOG.warnf("events: the state store did not keep an event of %s (%s)", userId, action.eventName());
        }
    }

    /** The employee's events kept now, newest first. */
    public List<Event> of(String userId) {
        return store.recent(key(userId), settings.keptFor()).stream().flatMap(k -> parse(k).stream()).toList();
    }

    private static Optional<Event> parse(StateStore.Kept kept) {
        String[] f = kept.entry().split("\t", -1);
        try {
            return Optional.of(new Event(kept.at(), AuditAction.valueOf(f[0]), AuditOutcome.valueOf(f[1]),
                    Optional.of(f[2]).filter(s -> !s.isEmpty()), Optional.of(f[3]).filter(s -> !s.isEmpty())));
        } catch (RuntimeException e) {
            // an entry of an older or newer portal version that this one does not know: left out, not a failed page
            return Optional.empty();
        }
    }

    private static String key(String userId) {
        return StateKeys.of("events", userId);
    }
}
