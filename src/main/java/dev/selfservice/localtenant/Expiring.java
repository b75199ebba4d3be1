package dev.selfservice.localtenant;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values under unguessable keys that live for a fixed time: authorization codes, login transactions, SSO sessions,
 * opaque access tokens. Expired entries are swept on every write, so the map cannot grow without bound.
 */
final class Expiring<V> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry<V>(V value, Instant expires) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;

    Expiring(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Stores the value under a new random key (256 bits) and returns the key. */
    String put(V value) {
        String key = newKey();
        put(key, value);
        return key;
    }

    /** A new random key (256 bits), for a value stored later under it with {@link #put(String, Object)}. */
    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void put(String key, V value) {
        Instant now = clock.instant();
        entries.values().removeIf(e -> !now.isBefore(e.expires()));
        entries.put(key, new Entry<>(value, now.plus(lifetime)));
    }

    Optional<V> get(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Entry<V> e = entries.get(key);
        return e == null || !clock.instant().isBefore(e.expires()) ? Optional.empty() : Optional.of(e.value());
    }

    /** Returns the value and removes it, so it can be used once only. */
    Optional<V> take(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Entry<V> e = entries.remove(key);
        return e == null || !clock.instant().isBefore(e.expires()) ? Optional.empty() : Optional.of(e.value());
    }

    void remove(String key) {
        if (key != null) {
            entries.remove(key);
        }
    }

    void clear() {
        entries.clear();
    }
}
