package dev.selfservice.portal.enrolment;

import java.time.Instant;

import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.contact.ContactAddress;

/**
 * An enrolment waiting for its code: for which employee and which sign-in session, which address, until when, and
 * when its last code was sent. It lives in an encrypted cookie of the session, so any replica can continue it.
 */
public record PendingEnrolment(String userId, String sessionBinding, PasswordlessChannel channel, String address,
        Instant expiresAt, Instant lastSentAt) {

    public ContactAddress contact() {
        return new ContactAddress(channel, address);
    }
}
