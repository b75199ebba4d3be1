package dev.selfservice.portal.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keys of the state store: a purpose, then a SHA-256 of the parts, so that no username, address or IP is held in the
 * clear. An unkeyed hash of a username or an IP is reversed by hashing guesses, so the Redis store keys it once more
 * with an HMAC under the session secret ({@code RedisStateStore#redisKey}) before it leaves the portal. Parts are
 * lower-cased: AD usernames and email addresses are matched without regard to case.
 */
public final class StateKeys {

    private StateKeys() {
    }

    public static String of(String purpose, String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(String.valueOf(part).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return purpose + ":" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
