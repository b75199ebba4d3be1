package dev.selfservice.portal.enrolment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.auth0.PasswordlessChannel;
import io.quarkus.runtime.LaunchMode;

/**
 * The pending enrolment as a cookie: AES-GCM under a key derived from the session secret, so that it can be neither
 * read (it holds the address) nor altered, and any replica can read it. It is scoped to {@code /enrolment}, strict
 * same-site, and lives no longer than the code.
 */
@ApplicationScoped
public class PendingEnrolmentCookie {

    public static final String NAME = "enrolment_pending";
    private static final String PATH = "/enrolment";
    private static final int IV_LENGTH = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final boolean secure;

    public PendingEnrolmentCookie(PortalConfig config) {
        try {
            byte[] material = MessageDigest.getInstance("SHA-256")
                    .digest(("pending-enrolment\u0000" + config.sessionSecret()).getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(material, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.secure = LaunchMode.current() == LaunchMode.NORMAL;
    }

    public NewCookie write(PendingEnrolment p) {
        String plain = String.join("\n", p.userId(), p.sessionBinding(), p.channel().name(), p.address(),
                String.valueOf(p.expiresAt().getEpochSecond()), String.valueOf(p.lastSentAt().getEpochSecond()));
        int maxAge = (int) Math.max(1, p.expiresAt().getEpochSecond() - Instant.now().getEpochSecond());
        return cookie(encrypt(plain), maxAge);
    }

    public NewCookie clear() {
        return cookie("", 0);
    }

    public Optional<PendingEnrolment> read(String value) {
        if (value == null || value.isEmpty() || value.length() > 2048) {
            return Optional.empty();
        }
        try {
            String[] f = decrypt(value).split("\n", -1);
            if (f.length != 6) {
                return Optional.empty();
            }
            return Optional.of(new PendingEnrolment(f[0], f[1], PasswordlessChannel.valueOf(f[2]), f[3],
                    Instant.ofEpochSecond(Long.parseLong(f[4])), Instant.ofEpochSecond(Long.parseLong(f[5]))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // altered, from another key, or not ours: as if there were none
            return Optional.empty();
        }
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(NAME).value(value).path(PATH).maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    private String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String decrypt(String value) throws GeneralSecurityException {
        byte[] all = Base64.getUrlDecoder().decode(value);
        if (all.length <= IV_LENGTH) {
            throw new IllegalArgumentException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_LENGTH));
        return new String(cipher.doFinal(all, IV_LENGTH, all.length - IV_LENGTH), StandardCharsets.UTF_8);
    }
}
