package dev.selfservice.portal.recovery;

import java.time.Instant;

import dev.selfservice.portal.auth0.PasswordlessChannel;

/** The short-lived state of a recovery, sealed in cookies: a pending code, then a proof. */
final class RecoveryState {

    private RecoveryState() {
    }

    /**
     * A code asked for: for which username and contact, until when, when it was last sent, and the attempt's own
     * random id (one per start in one browser, kept across resends), under which its wrong codes are counted.
     */
    record Pending(String username, PasswordlessChannel channel, String address, Instant expiresAt, Instant sentAt,
            String attempt) {
    }

    /**
     * A proven recovery: the AD user the verified code resolved to, the user's {@code updated_at} then (a reset
     * changes it, which ends the proof everywhere), until when, and its own id (used once).
     */
    record Proof(String userId, String username, String updatedAt, Instant expiresAt, String id) {
    }
}
