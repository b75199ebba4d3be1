package dev.selfservice.portal.web;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF (RFC 5869) over HmacSHA256: one key per purpose from one secret. Hand-written because nothing on the
 * production classpath offers it: Java 17 has no KDF API (javax.crypto.KDF came with Java 25), jose4j has only the
 * Concat KDF of JWE and PBKDF2, and neither Bouncy Castle nor Tink is a dependency of the portal. It is the two HMAC
 * steps of the RFC and no more, checked against the RFC's own test vectors (HkdfTest).
 */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /** {@code length} bytes of key for {@code info}, from the input key material and a salt. */
    static byte[] derive(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF can give 1 to " + 255 * HASH_LENGTH + " bytes, not " + length);
        }
        try {
            Mac extract = Mac.getInstance(HMAC);
            // an absent salt is a string of zeros as long as the hash (RFC 5869, 2.2)
            extract.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LENGTH] : salt, HMAC));
            byte[] pseudoRandomKey = extract.doFinal(inputKeyMaterial);

            Mac expand = Mac.getInstance(HMAC);
            expand.init(new SecretKeySpec(pseudoRandomKey, HMAC));
            byte[] out = new byte[length];
            byte[] previous = new byte[0];
            for (int block = 1, written = 0; written < length; block++) {
                expand.update(previous);
                expand.update(info);
                expand.update((byte) block);
                previous = expand.doFinal();
                int n = Math.min(previous.length, length - written);
                System.arraycopy(previous, 0, out, written, n);
                written += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
