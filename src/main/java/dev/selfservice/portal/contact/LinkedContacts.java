package dev.selfservice.portal.contact;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.selfservice.portal.auth0.Auth0Identity;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.portal.auth0.PasswordlessChannel;

/**
 * How an Auth0 user's recovery contacts are read from it: enrolment lists and changes them, notices address them,
 * so the reading sits below both.
 */
public final class LinkedContacts {

    /** Where the portal notes when each contact was added: Auth0 keeps no date on a linked identity. */
    public static final String ENROLLED_AT = "enrolled_at";

    /** Where the portal notes when each contact was last confirmed by a code ("is this still yours?"). */
    public static final String CONFIRMED_AT = "confirmed_at";

    private LinkedContacts() {
    }

    /** The recovery contacts linked to an Auth0 user (its email and sms identities). */
    public static List<Contact> of(Auth0User user) {
        Map<String, Instant> addedAt = enrolledAt(user);
        Map<String, Instant> confirmedAt = confirmedAt(user);
        List<Contact> contacts = new ArrayList<>();
        for (Auth0Identity i : user.identities()) {
            PasswordlessChannel channel = "email".equals(i.provider()) ? PasswordlessChannel.EMAIL
                    : "sms".equals(i.provider()) ? PasswordlessChannel.SMS : null;
            Object address = channel == PasswordlessChannel.EMAIL ? i.profileData().get("email")
                    : channel == PasswordlessChannel.SMS ? i.profileData().get("phone_number") : null;
            if (address instanceof String a) {
                contacts.add(new Contact(i.fullUserId(), channel, a, addedAt.get(i.fullUserId()),
                        confirmedAt.get(i.fullUserId()), false));
            }
        }
        return contacts;
    }

    public static Map<String, Instant> enrolledAt(Auth0User user) {
        return dates(user, ENROLLED_AT);
    }

    public static Map<String, Instant> confirmedAt(Auth0User user) {
        return dates(user, CONFIRMED_AT);
    }

    private static Map<String, Instant> dates(Auth0User user, String key) {
        Map<String, Instant> dates = new LinkedHashMap<>();
        if (user.appMetadata().get(key) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                try {
                    dates.put(String.valueOf(k), Instant.parse(String.valueOf(v)));
                } catch (DateTimeParseException e) {
                    // a date someone else wrote badly is shown as unknown
                }
            });
        }
        return dates;
    }
}
