package dev.selfservice.portal.report;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One reading of who could recover alone: the AD connection's users, how many have at least one recovery contact,
 * how many an email address and how many a phone, and when the export was read. Accounts blocked in Auth0 are left
 * out of every figure and counted apart ({@code blocked}): no contact lets them in, so they would only lower the share
 * and fill the list IT works through.
 */
@RegisterForReflection
public record CoverageFigures(Instant readAt, int total, int withContact, int withEmail, int withPhone, int blocked) {

    /** The share with a contact, 0 to 1; 0 for an empty connection. */
    public double share() {
        return total == 0 ? 0 : (double) withContact / total;
    }

    /** The share in whole percent, rounded down, so that 99.9 % never shows as everyone. */
    public int percent() {
        return total == 0 ? 0 : (int) Math.floor(100.0 * withContact / total);
    }

    public int withoutContact() {
        return total - withContact;
    }
}
