package dev.selfservice.portal.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.SealedCookie;
import dev.selfservice.portal.web.StateKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The recovery's pending code, proof and result as sealed cookies, scoped to {@code /recovery}, strict same-site. */
@ApplicationScoped
public class RecoveryCookies {

    static final String PENDING = "recovery_pending";
    static final String PROOF = "recovery_proof";
    static final String RESULT = "recovery_result";
    /** How long the result page can be reloaded after the step it reports. */
    private static final Duration RESULT_LIFETIME = Duration.ofMinutes(5);

    /**
     * The pending code's cookie: {@link RecoveryState.Pending}, instants in seconds. The cookie itself ends
     * {@link SealedCookie#KEPT_AFTER_ITS_CODE} after the code, so that a code typed late is answered on the code page.
     */
    @RegisterForReflection(registerFullHierarchy = true)
    record PendingCode(String username, PasswordlessChannel channel, String address, long expiresAt, long sentAt,
            String attempt) {
    }

    /** The proof's cookie: {@link RecoveryState.Proof} but its end. */
    @RegisterForReflection(registerFullHierarchy = true)
    record ProvenCode(String userId, String username, String updatedAt, String id) {
    }

    /** The result page's cookie. */
    @RegisterForReflection(registerFullHierarchy = true)
    record Result(RecoveryService.Outcome outcome) {
    }

    static final StateKind<PendingCode> PENDING_KIND = new StateKind<>(PENDING, 2, PendingCode.class);
    static final StateKind<ProvenCode> PROOF_KIND = new StateKind<>(PROOF, 1, ProvenCode.class);
    static final StateKind<Result> RESULT_KIND = new StateKind<>(RESULT, 1, Result.class);

    private final SealedCookie<PendingCode> pending;
    private final SealedCookie<ProvenCode> proof;
    private final SealedCookie<Result> result;
    private final Clock clock;

    public RecoveryCookies(CookieSeal seal, Clock clock) {
        this.pending = seal.cookie(PENDING_KIND, "/recovery", NewCookie.SameSite.STRICT);
        this.proof = seal.cookie(PROOF_KIND, "/recovery", NewCookie.SameSite.STRICT);
        this.result = seal.cookie(RESULT_KIND, "/recovery", NewCookie.SameSite.STRICT);
        this.clock = clock;
    }

    NewCookie pending(RecoveryState.Pending p) {
        return pending.write(p.expiresAt().plus(SealedCookie.KEPT_AFTER_ITS_CODE), new PendingCode(p.username(),
                p.channel(), p.address(), p.expiresAt().getEpochSecond(), p.sentAt().getEpochSecond(), p.attempt()));
    }

    /** The pending code, also when its code has expired (the code page says so), until the cookie itself ends. */
    Optional<RecoveryState.Pending> pending(String value) {
        return pending.openUnended(value).map(o -> new RecoveryState.Pending(o.state().username(), o.state().channel(),
                o.state().address(), Instant.ofEpochSecond(o.state().expiresAt()),
                Instant.ofEpochSecond(o.state().sentAt()), o.state().attempt()));
    }

    NewCookie proof(RecoveryState.Proof p) {
        return proof.write(p.expiresAt(), new ProvenCode(p.userId(), p.username(), p.updatedAt(), p.id()));
    }

    /** The proof, also when it has expired: the reset page says so. */
    Optional<RecoveryState.Proof> proof(String value) {
        return proof.open(value).map(o -> new RecoveryState.Proof(o.state().userId(), o.state().username(),
                o.state().updatedAt(), o.until(), o.state().id()));
    }

    /** What a reset or an unblock came to, for the page the browser is sent to (post/redirect/get). */
    NewCookie result(RecoveryService.Outcome outcome) {
        return result.write(clock.instant().plus(RESULT_LIFETIME), new Result(outcome));
    }

    Optional<RecoveryService.Outcome> result(String value) {
        return result.openUnended(value).map(o -> o.state().outcome());
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
