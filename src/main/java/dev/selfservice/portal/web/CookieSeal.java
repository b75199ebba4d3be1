package dev.selfservice.portal.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.portal.PortalConfig;

/**
 * Seals short-lived state into cookie values: AES-GCM under a key derived from the session secret and the state's
 * purpose, so that a value can be neither read nor altered, nor used for another purpose, and any replica opens it.
 */
@ApplicationScoped
public class CookieSeal {

    private static final int IV_LENGTH = 12;

    private final String secret;
    private final java.time.Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CookieSeal(PortalConfig config, java.time.Clock clock) {
        this.secret = config.sessionSecret();
        this.clock = clock;
    }

    /** One kind of sealed cookie: see {@link SealedCookie}. */
    public SealedCookie cookie(String name, String path, jakarta.ws.rs.core.NewCookie.SameSite sameSite) {
        return new SealedCookie(this, clock, name, path, sameSite);
    }

    public String seal(String purpose, String plain) {
        try {
            byte[] iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(purpose), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain value, or empty for anything not sealed by this portal for this purpose. */
    public Optional<String> open(String purpose, String value) {
        if (value == null || value.isEmpty() || value.length() > 4096) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(value);
            if (all.length <= IV_LENGTH) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(purpose), new GCMParameterSpec(128, all, 0, IV_LENGTH));
            return Optional.of(new String(cipher.doFinal(all, IV_LENGTH, all.length - IV_LENGTH), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Seals fields (for cookies and other state kept outside the portal) as lines; a field with a line break would
     * start another, so it is refused: callers take fields from validated input or from Auth0, and one is a bug.
     */
    public String sealFields(String purpose, java.util.List<String> fields) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String field : fields) {
            String line = field == null ? "" : field; // an absent value (a profile without a nickname) opens as empty
            if (line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a field sealed for " + purpose + " holds a line break");
            }
            lines.add(line);
        }
        return seal(purpose, String.join("\n", lines));
    }

    /**
     * A short name of the session secret, for state that only replicas with the same secret can open (and must not
     * drop as garbage when another secret sealed it): it names no part of the secret.
     */
    public String keyId() {
        try {
            return java.util.HexFormat.of().formatHex(key("key-id").getEncoded(), 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields sealed by {@link #sealFields} for this purpose, if there are exactly {@code count} of them. */
    public Optional<java.util.List<String>> openFields(String purpose, String value, int count) {
        return open(purpose, value).map(plain -> java.util.List.of(plain.split("\n", -1)))
                .filter(fields -> fields.size() == count);
    }

    private SecretKeySpec key(String purpose) throws GeneralSecurityException {
        byte[] material = MessageDigest.getInstance("SHA-256")
                .digest((purpose + "\u0000" + secret).getBytes(StandardCharsets.UTF_8));
        return new SecretKeySpec(material, "AES");
    }
}
