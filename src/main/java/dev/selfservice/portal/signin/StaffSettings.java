package dev.selfservice.portal.signin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who is staff: the AD groups (as the AD connection puts them in the Auth0 profile's {@code groups}) whose members
 * may use the helpdesk pages and the reports. Unset, nobody may.
 */
@ConfigMapping(prefix = "portal.staff")
public interface StaffSettings {

    /** {@code HELPDESK_GROUPS}: members of any of these AD groups have the helpdesk role. */
    Optional<List<String>> helpdeskGroups();

    /** {@code REPORT_GROUPS}: members of any of these AD groups have the reports role. */
    Optional<List<String>> reportGroups();

    /**
     * How long the groups read for a signed-in person are used before they are read again: a person taken out of a
     * group loses the role within this time, at the latest at their next AD sign-in's profile update plus this.
     */
    @WithDefault("30S")
    Duration rolesFreshFor();

    /** How long a caller verified by a code stays verified for the helpdesk person who verified them. */
    @WithDefault("10M")
    Duration verifiedFor();

    /**
     * {@code HELPDESK_OTHER_VERIFICATION}: what the helpdesk page says to do when the employee has no contact to send
     * a code to (the organisation's own procedure, e.g. a call back to the number in the HR system). Unset, the page
     * says to follow the organisation's procedure for verifying a caller.
     */
    Optional<String> otherVerification();

    /** Whether these AD groups give the helpdesk role. */
    default boolean helpdeskIn(List<String> groups) {
        return anyOf(groups, helpdeskGroups());
    }

    /** Whether these AD groups give the reports role. */
    default boolean reportsIn(List<String> groups) {
        return anyOf(groups, reportGroups());
    }

    private static boolean anyOf(List<String> groups, Optional<List<String>> staffGroups) {
        List<String> own = groups == null ? List.of() : groups;
        return staffGroups.orElse(List.of()).stream()
                .anyMatch(g -> own.stream().anyMatch(ug -> ug.equalsIgnoreCase(g.trim())));
    }
}
