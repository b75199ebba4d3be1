package dev.selfservice.localtenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Auth0 itself keeps of a user, beyond what the connection says: the block an administrator set, linked
 * identities, metadata, timestamps; and, for a passwordless user, the address.
 */
final class UserRecord {

    final String userId;
    final String provider;
    final String connection;
    final Instant createdAt;
    Instant updatedAt;
    Instant lastLogin;
    int loginsCount;
    boolean blocked;
    /** The primary's user id while this user is linked to one as a secondary identity. */
    String linkedTo;
    /** The user ids of the secondary identities linked to this user, in the order they were linked. */
    final List<String> secondaries = new ArrayList<>();
    final Map<String, Object> appMetadata = new LinkedHashMap<>();
    final Map<String, Object> userMetadata = new LinkedHashMap<>();
    /** The email address or phone number of a passwordless user. */
    final String address;

    UserRecord(String userId, String provider, String connection, String address, Instant createdAt) {
        this.userId = userId;
        this.provider = provider;
        this.connection = connection;
        this.address = address;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** The identity's {@code user_id}: the user id without its {@code provider|} prefix. */
    String identityUserId() {
        return userId.substring(provider.length() + 1);
    }
}
