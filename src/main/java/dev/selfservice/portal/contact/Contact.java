package dev.selfservice.portal.contact;

import java.time.Instant;

import dev.selfservice.portal.auth0.PasswordlessChannel;

/**
 * An enrolled contact: a passwordless identity linked to the employee's AD account. Its id is the identity's Auth0
 * user id ({@code email|...}, {@code sms|...}), which forms send back to name it; the portal acts on it only after
 * finding it among the signed-in employee's own identities.
 * <p>
 * {@code addedAt} is when it was added and {@code confirmedAt} when the employee last proved, by a code, that it is
 * still theirs (either may be unknown: null); {@code confirmationDue} says the portal should ask "is this still
 * yours?".
 */
public record Contact(String id, PasswordlessChannel channel, String address, Instant addedAt, Instant confirmedAt,
        boolean confirmationDue) {

    public Contact(String id, PasswordlessChannel channel, String address, Instant addedAt) {
        this(id, channel, address, addedAt, null, false);
    }

    public String masked() {
        return ContactAddress.mask(channel, address);
    }

    /** The id as a URL query value. */
    public String ref() {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The day it was added, written as the page's language writes a date ("5. Dezember 2026", "December 5, 2026"), or
     * null when the portal has no date for it.
     */
    public String addedOn() {
        return day(addedAt);
    }

    /** The day it was last confirmed, or null when it never was since it was added. */
    public String confirmedOn() {
        return day(confirmedAt);
    }

    /** When the employee last showed it is theirs: added or confirmed, whichever is later; null when unknown. */
    public Instant lastShownTheirs() {
        if (confirmedAt == null) {
            return addedAt;
        }
        return addedAt == null || confirmedAt.isAfter(addedAt) ? confirmedAt : addedAt;
    }

    public Contact withConfirmationDue(boolean due) {
        return new Contact(id, channel, address, addedAt, confirmedAt, due);
    }

    private static String day(Instant when) {
        return when == null ? null : java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(dev.selfservice.portal.web.PageLanguage.currentLocale())
                .withZone(java.time.ZoneOffset.UTC).format(when);
    }
}
