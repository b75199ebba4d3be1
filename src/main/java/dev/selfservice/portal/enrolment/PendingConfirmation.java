package dev.selfservice.portal.enrolment;

import java.time.Instant;

import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.contact.ContactAddress;

/**
 * An existing contact being confirmed ("is this still yours?"), waiting for its code: for which employee and sign-in
 * session, which of their contacts, until when, and when its last code was sent.
 */
public record PendingConfirmation(String userId, String sessionBinding, String contactId, PasswordlessChannel channel,
        String address, Instant expiresAt, Instant lastSentAt) {

    public ContactAddress contact() {
        return new ContactAddress(channel, address);
    }
}
