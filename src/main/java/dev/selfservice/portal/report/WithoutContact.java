package dev.selfservice.portal.report;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The employees of one reading who have no recovery contact: their user id, username, name and work address only, never
 * anything of anyone's contacts (which the export is not even asked for).
 */
@RegisterForReflection
public record WithoutContact(Instant readAt, List<Employee> employees) {

    @RegisterForReflection
    /** The user id is kept for the invitations' record of whom they reached; the CSV does not show it. */
    public record Employee(String userId, String username, String name, String workEmail) {
    }
}
