package dev.selfservice.portal.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.selfservice.portal.PortalConfig;

/**
 * Seals short-lived state (a step's cookie, an outbox entry) into a value that can be neither read nor altered, nor
 * used as another kind, and that any replica opens: a record of its {@link StateKind}, as JSON by field name inside an
 * envelope naming the kind, its version and the state's end, encrypted with AES-GCM under a key derived with HKDF from
 * the session secret for that kind alone.
 *
 * <p>JSON with Jackson rather than JWE claims with jose4j: Jackson is already how the portal reads and writes every
 * other document, a record maps to it field by field with no code per kind (jose4j's claims would be read and written
 * one by one, a second hand-written mapping per kind), and the AES-GCM seal below is the one the portal already had,
 * so nothing else about the value changes. The mapper is the portal's own, not the application's, so that no
 * {@code quarkus.jackson} setting meant for the REST clients loosens it: an unknown field, a missing one or a value of
 * the wrong type makes the value open as nothing, never as a record with fields in the wrong places.
 */
@ApplicationScoped
public class CookieSeal {

    private static final int IV_LENGTH = 12;
    private static final int MAX_VALUE_LENGTH = 4096;
    /** HKDF's salt: fixed, it only sets these keys apart from any other use of the session secret. */
    private static final byte[] SALT = "dev.selfservice.portal/sealed-state".getBytes(StandardCharsets.UTF_8);

    /** What a value held: its state, and the instant it ends (null for state sealed without an end of its own). */
    public record Opened<T>(T state, Instant until) {
    }

    private final byte[] secret;
    private final java.time.Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS) // a kind may hold nothing but its end
            .build();

    public CookieSeal(PortalConfig config, java.time.Clock clock) {
        this.secret = config.sessionSecret().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** One kind of sealed cookie, named as its kind: see {@link SealedCookie}. */
    public <T extends Record> SealedCookie<T> cookie(StateKind<T> kind, String path,
            jakarta.ws.rs.core.NewCookie.SameSite sameSite) {
        return new SealedCookie<>(this, clock, kind, path, sameSite);
    }

    /** Seals {@code state} of this kind, ending at {@code until}. */
    public <T extends Record> String seal(StateKind<T> kind, T state, Instant until) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("kind", kind.name());
        envelope.put("version", kind.version());
        if (until != null) {
            envelope.put("until", until.getEpochSecond());
        }
        envelope.set("state", json.valueToTree(state));
        try {
            return encrypt(kind.name(), json.writeValueAsString(envelope));
        } catch (JacksonException e) {
            throw new IllegalStateException("state of kind " + kind.name() + " could not be written", e);
        }
    }

    /** Seals state that has no end of its own (an outbox entry, whose agenda says when it is due). */
    public <T extends Record> String seal(StateKind<T> kind, T state) {
        return seal(kind, state, null);
    }

    /**
     * What a value sealed by this portal for this kind and version held; empty for anything else: another kind,
     * another version of this kind (a rolling update, either way), a record whose fields do not match, tampering.
     */
    public <T extends Record> Optional<Opened<T>> open(StateKind<T> kind, String value) {
        return decrypt(kind.name(), value).flatMap(plain -> {
            try {
                JsonNode envelope = json.readTree(plain);
                JsonNode version = envelope.path("version");
                if (!kind.name().equals(envelope.path("kind").asText(null)) || !version.isInt()
                        || version.intValue() != kind.version() || !envelope.path("state").isObject()) {
                    return Optional.empty();
                }
                JsonNode until = envelope.path("until");
                T state = json.treeToValue(envelope.get("state"), kind.type());
                return Optional.of(new Opened<>(state, until.canConvertToLong() ? Instant.ofEpochSecond(until.longValue()) : null));
            } catch (JacksonException | IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * A short name of the session secret, for state that only replicas with the same secret can open (and must not
     * drop as garbage when another secret sealed it): it names no part of the secret.
     */
    public String keyId() {
        return java.util.HexFormat.of().formatHex(key("key-id").getEncoded(), 0, 6);
    }

    private String encrypt(String purpose, String plain) {
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

    /** The plain value, or empty for anything not sealed by this portal for this purpose (package-private: a test reads it). */
    Optional<String> decrypt(String purpose, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
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

    /** The AES-256 key of one purpose: HKDF of the session secret, with the purpose as its info. */
    private SecretKeySpec key(String purpose) {
        return new SecretKeySpec(Hkdf.derive(secret, SALT, purpose.getBytes(StandardCharsets.UTF_8), 32), "AES");
    }
}
