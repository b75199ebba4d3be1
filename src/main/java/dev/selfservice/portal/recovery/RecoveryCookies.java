package dev.selfservice.portal.recovery;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.web.CookieSeal;
import io.quarkus.runtime.LaunchMode;

/** The recovery's pending code and proof as sealed cookies, scoped to {@code /recovery}, strict same-site. */
@ApplicationScoped
public class RecoveryCookies {

    static final String PENDING = "recovery_pending";
    static final String PROOF = "recovery_proof";
    static final String RESULT = "recovery_result";
    /** How long the result page can be reloaded after the step it reports. */
    private static final java.time.Duration RESULT_LIFETIME = java.time.Duration.ofMinutes(5);
    private static final String PATH = "/recovery";

    private final CookieSeal seal;
    private final boolean secure = LaunchMode.current() == LaunchMode.NORMAL;

    public RecoveryCookies(CookieSeal seal) {
        this.seal = seal;
    }

    NewCookie pending(RecoveryState.Pending p) {
        return cookie(PENDING, seal.seal(PENDING, String.join("\n", p.username(), p.channel().name(), p.address(),
                String.valueOf(p.expiresAt().getEpochSecond()), String.valueOf(p.sentAt().getEpochSecond()))), p.expiresAt());
    }

    Optional<RecoveryState.Pending> pending(String value) {
        return seal.open(PENDING, value).flatMap(plain -> {
            String[] f = plain.split("\n", -1);
            try {
                return f.length != 5 ? Optional.empty() : Optional.of(new RecoveryState.Pending(f[0],
                        PasswordlessChannel.valueOf(f[1]), f[2], Instant.ofEpochSecond(Long.parseLong(f[3])),
                        Instant.ofEpochSecond(Long.parseLong(f[4]))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    NewCookie proof(RecoveryState.Proof p) {
        return cookie(PROOF, seal.seal(PROOF, String.join("\n", p.userId(), p.username(), p.updatedAt(),
                String.valueOf(p.expiresAt().getEpochSecond()), p.id())), p.expiresAt());
    }

    Optional<RecoveryState.Proof> proof(String value) {
        return seal.open(PROOF, value).flatMap(plain -> {
            String[] f = plain.split("\n", -1);
            try {
                return f.length != 5 ? Optional.empty() : Optional.of(new RecoveryState.Proof(f[0], f[1], f[2],
                        Instant.ofEpochSecond(Long.parseLong(f[3])), f[4]));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** What a reset or an unblock came to, for the page the browser is sent to (post/redirect/get). */
    NewCookie result(RecoveryService.Outcome outcome) {
        return cookie(RESULT, seal.seal(RESULT, outcome.name()), Instant.now().plus(RESULT_LIFETIME));
    }

    java.util.Optional<RecoveryService.Outcome> result(String value) {
        return seal.open(RESULT, value).flatMap(plain -> {
            try {
                return java.util.Optional.of(RecoveryService.Outcome.valueOf(plain));
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
        });
    }

    NewCookie clear(String name) {
        return new NewCookie.Builder(name).value("").path(PATH).maxAge(0).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    private NewCookie cookie(String name, String value, Instant expiresAt) {
        int maxAge = (int) Math.max(1, expiresAt.getEpochSecond() - Instant.now().getEpochSecond());
        return new NewCookie.Builder(name).value(value).path(PATH).maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
