package dev.selfservice.portal.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much of an employee's recent portal events the state store keeps for the helpdesk ({@link EmployeeEvents}). */
@ConfigMapping(prefix = "portal.events")
public interface EventsSettings {

    /** How long an event is kept. */
    @WithDefault("30D")
    Duration keptFor();

    /**
     * The most events kept per employee, the newest: a bound on what anyone's tries
     * (a stranger's wrong codes at someone's username) can make the store hold.
     */
    @WithDefault("50")
    int keptPerEmployee();
}
