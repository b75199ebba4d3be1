package dev.selfservice.localtenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Auth0's passwordless one-time codes: six digits from a secure random source, valid five minutes, three wrong tries,
 * and a new code for an address replaces the old one. Only a salted hash of a code is kept here.
 */
@ApplicationScoped
class PasswordlessCodes {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int TRIES = 3;

    /** What checking a code found. */
    public enum Outcome {
        ACCEPTED, WRONG, EXPIRED, TOO_MANY_TRIES, NONE
    }

    /** The result of a check; the user id to create at sign-up comes with an accepted code. */
    public record Check(Outcome outcome, String pendingId) {
    }

    private static final class Pending {
        byte[] salt;
        byte[] hash;
        Instant expires;
        int triesLeft;
        String pendingId;
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, Pending> pending = new HashMap<>();

    public PasswordlessCodes(TenantClock clock) {
        this.clock = clock;
    }

    /** Issues a new code for the address (which invalidates any earlier one) and returns it, to be delivered. */
    public synchronized String issue(String connection, String address, String pendingId) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> now.isAfter(p.expires.plus(LIFETIME)));
        String code = String.format("%06d", random.nextInt(1_000_000));
        Pending p = new Pending();
        p.salt = new byte[16];
        random.nextBytes(p.salt);
        p.hash = hash(p.salt, code);
        p.expires = now.plus(LIFETIME);
        p.triesLeft = TRIES;
        p.pendingId = pendingId;
        pending.put(key(connection, address), p);
        return code;
    }

    public synchronized Check check(String connection, String address, String code) {
        String key = key(connection, address);
        Pending p = pending.get(key);
        if (p == null) {
            return new Check(Outcome.NONE, null);
        }
        if (!clock.instant().isBefore(p.expires)) {
            pending.remove(key);
            return new Check(Outcome.EXPIRED, null);
        }
        if (p.triesLeft <= 0) {
            return new Check(Outcome.TOO_MANY_TRIES, null);
        }
        if (code == null || !MessageDigest.isEqual(p.hash, hash(p.salt, code))) {
            p.triesLeft--;
            return new Check(Outcome.WRONG, null);
        }
        pending.remove(key);
        return new Check(Outcome.ACCEPTED, p.pendingId);
    }

    public synchronized void reset() {
        pending.clear();
    }

    private static String key(String connection, String address) {
        return connection + "\u0000" + PasswordlessConnection.normalise(connection, address);
    }

    private static byte[] hash(byte[] salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
