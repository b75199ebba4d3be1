package dev.selfservice.localtenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Auth0's brute-force protection: consecutive failed logins for one identifier (the username) from one IP block that
 * pair until a success elsewhere does not matter, an administrator unblocks it ({@code DELETE /user-blocks}), or the
 * user's password changes. Counting is per pair, so an attacker's tries from one address do not lock the employee out
 * from another.
 * <p>
 * Which failures count is not documented for AD connections (unverified); the safer choice here counts a wrong
 * password and a locked account, not the answers that prove the password was right (expired, must change).
 */
@ApplicationScoped
class BruteForceProtection {

    /** A blocked pair, as {@code GET /user-blocks} lists it. */
    public record Block(String identifier, String ip, String connection) {
    }

    private record Key(String identifier, String ip) {
    }

    private static final class Counter {
        int failures;
        String connection;
        boolean blocked;
    }

    public static final String TOO_MANY_ATTEMPTS = "Your account has been blocked after multiple consecutive login attempts. "
            + "We\u2019ve sent you an email with instructions on how to unblock it.";

    private final int threshold;
    private final Map<Key, Counter> counters = new LinkedHashMap<>();

    public BruteForceProtection(LocalTenantConfig config) {
        this.threshold = config.bruteForceThreshold();
    }

    public synchronized boolean isBlocked(String identifier, String ip) {
        Counter c = counters.get(key(identifier, ip));
        return c != null && c.blocked;
    }

    public synchronized void failed(String identifier, String ip, String connection) {
        Counter c = counters.computeIfAbsent(key(identifier, ip), k -> new Counter());
        c.failures++;
        c.connection = connection;
        if (threshold > 0 && c.failures >= threshold && !c.blocked) {
            c.blocked = true;
            TenantLog.blocked(identifier, ip);
        }
    }

    public synchronized void succeeded(String identifier, String ip) {
        counters.remove(key(identifier, ip));
    }

    public synchronized List<Block> blocks(String identifier) {
        String id = normalise(identifier);
        List<Block> blocks = new ArrayList<>();
        counters.forEach((k, c) -> {
            if (c.blocked && k.identifier().equals(id)) {
                blocks.add(new Block(k.identifier(), k.ip(), c.connection));
            }
        });
        return blocks;
    }

    /** Removes the blocks and the failure counts of an identifier, from every IP. */
    public synchronized void unblock(String identifier) {
        String id = normalise(identifier);
        counters.keySet().removeIf(k -> k.identifier().equals(id));
    }

    public synchronized void reset() {
        counters.clear();
    }

    private static Key key(String identifier, String ip) {
        return new Key(normalise(identifier), ip == null ? "" : ip);
    }

    private static String normalise(String identifier) {
        return identifier == null ? "" : identifier.trim().toLowerCase(Locale.ROOT);
    }
}
