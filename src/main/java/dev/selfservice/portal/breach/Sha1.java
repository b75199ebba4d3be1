package dev.selfservice.portal.breach;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A password's SHA-1 in upper-case hex, as Have I Been Pwned lists it; only its {@link #prefix()} may leave the portal. */
record Sha1(String hex) {

    static Sha1 of(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return new Sha1(HexFormat.of().withUpperCase().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }

    /** The first 5 hex characters: all that is sent to the range API (k-anonymity). */
    String prefix() {
        return hex.substring(0, 5);
    }

    String suffix() {
        return hex.substring(5);
    }

    @Override
    public String toString() {
        return "Sha1[" + prefix() + "...]"; // never the whole hash in a log
    }
}
