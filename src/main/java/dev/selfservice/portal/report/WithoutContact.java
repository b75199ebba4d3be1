package dev.selfservice.portal.report;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The employees of one reading who have no recovery contact: their username, name and work address only, never
 * anything of anyone's contacts (which the export is not even asked for).
 */
@RegisterForReflection
public record WithoutContact(Instant readAt, List<Employee> employees) {

    @RegisterForReflection
    public record Employee(String username, String name, String workEmail) {
    }
}
