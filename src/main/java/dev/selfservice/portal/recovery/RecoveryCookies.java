package dev.selfservice.portal.recovery;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.SealedCookie;

/** The recovery's pending code, proof and result as sealed cookies, scoped to {@code /recovery}, strict same-site. */
@ApplicationScoped
public class RecoveryCookies {

    static final String PENDING = "recovery_pending";
    static final String PROOF = "recovery_proof";
    static final String RESULT = "recovery_result";
    /** How long the result page can be reloaded after the step it reports. */
    private static final Duration RESULT_LIFETIME = Duration.ofMinutes(5);

    private final SealedCookie pending;
    private final SealedCookie proof;
    private final SealedCookie result;
    private final Clock clock;

    public RecoveryCookies(CookieSeal seal, Clock clock) {
        this.pending = seal.cookie(PENDING, "/recovery", NewCookie.SameSite.STRICT);
        this.proof = seal.cookie(PROOF, "/recovery", NewCookie.SameSite.STRICT);
        this.result = seal.cookie(RESULT, "/recovery", NewCookie.SameSite.STRICT);
        this.clock = clock;
    }

    NewCookie pending(RecoveryState.Pending p) {
        return pending.write(p.expiresAt(), p.username(), p.channel().name(), p.address(),
                String.valueOf(p.sentAt().getEpochSecond()), p.attempt());
    }

    /** The pending code, also when it has expired: the code page says so. */
    Optional<RecoveryState.Pending> pending(String value) {
        return pending.open(value, 5, f -> new RecoveryState.Pending(f.get(0), PasswordlessChannel.valueOf(f.get(1)),
                f.get(2), f.until(), f.instant(3), f.get(4)));
    }

    NewCookie proof(RecoveryState.Proof p) {
        return proof.write(p.expiresAt(), p.userId(), p.username(), p.updatedAt(), p.id());
    }

    /** The proof, also when it has expired: the reset page says so. */
    Optional<RecoveryState.Proof> proof(String value) {
        return proof.open(value, 4, f -> new RecoveryState.Proof(f.get(0), f.get(1), f.get(2), f.until(), f.get(3)));
    }

    /** What a reset or an unblock came to, for the page the browser is sent to (post/redirect/get). */
    NewCookie result(RecoveryService.Outcome outcome) {
        return result.write(clock.instant().plus(RESULT_LIFETIME), outcome.name());
    }

    Optional<RecoveryService.Outcome> result(String value) {
        return result.openUnended(value, 1, f -> RecoveryService.Outcome.valueOf(f.get(0)));
    }

    NewCookie clear(String name) {
        return switch (name) {
            case PENDING -> pending.clear();
            case PROOF -> proof.clear();
            case RESULT -> result.clear();
            default -> throw new IllegalArgumentException("no recovery cookie " + name);
        };
    }
}
