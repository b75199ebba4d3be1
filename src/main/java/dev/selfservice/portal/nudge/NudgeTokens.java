package dev.selfservice.portal.nudge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * The tokens between the Action and the portal (the protocol is in {@code deploy/auth0/actions/enrolment-nudge.js}):
 * the Action's token, accepted only when signed with the shared secret (HS256 only), unexpired on the portal's clock,
 * issued by the configured tenant and bound to the login's state; and the portal's signed answer.
 */
@ApplicationScoped
public class NudgeTokens {

    private static final Logger LOG = Logger.getLogger(NudgeTokens.class);
    static final int MIN_SECRET_BYTES = 32;
    static final Duration ANSWER_LIFETIME = Duration.ofMinutes(5);

    /**
     * What a verified nudge token says; {@code reconfirm} when the Action sent the employee because a contact is due
     * for "is this still yours?" (its {@code reason}), not because there is none.
     */
    public record Nudge(String subject, String state, Instant authTime, boolean passwordEntered, int snoozes,
            Instant issuedAt, Instant expiresAt, boolean reconfirm) {
    }

    private final NudgeSettings settings;
    private final String tenantDomain;
    private final Clock clock;

    public NudgeTokens(NudgeSettings settings, PortalConfig config, Clock clock) {
        this.settings = settings;
        this.tenantDomain = URI.create(config.auth0().url()).getAuthority();
        this.clock = clock;
    }

    /** A secret too short to resist guessing stops the start, as the session secret's does. */
    void check(@Observes StartupEvent event) {
        settings.secret().ifPresent(s -> {
            if (s.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalStateException("NUDGE_SECRET (portal.nudge.secret) must be at least " + MIN_SECRET_BYTES
                        + " bytes");
            }
        });
    }

    /** The token's claims if it is one the Action made for the login {@code state}; empty for anything else. */
    public Optional<Nudge> read(String token, String state) {
        if (settings.secret().isEmpty() || token == null || token.isEmpty() || state == null || state.isEmpty()) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKey(key())
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                    .setRequireExpirationTime()
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                    .setExpectedIssuer(tenantDomain)
                    .setRequireSubject()
                    .setSkipDefaultAudienceValidation()
                    .build().processToClaims(token);
            if (!state.equals(claims.getClaimValue("state"))) {
                return Optional.empty();
            }
            Object amr = claims.getClaimValue("amr");
            boolean password = amr instanceof List<?> methods && methods.contains("pwd");
            Object authTime = claims.getClaimValue("auth_time");
            Object snoozes = claims.getClaimValue("snoozes");
            return Optional.of(new Nudge(claims.getSubject(), state,
                    authTime instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : Instant.EPOCH, password,
                    snoozes instanceof Number n ? Math.max(0, n.intValue()) : 0,
                    claims.getIssuedAt() == null ? Instant.EPOCH : Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()),
                    "reconfirm".equals(claims.getClaimValue("reason"))));
        } catch (InvalidJwtException | MalformedClaimException e) {
            // what was wrong is not the page's business, and the token is not logged
            LOG.debugf("nudge: a token was refused (%s)", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The answer for {@code /continue}: {@code outcome} "enrolled", "confirmed", or "later" with {@code snooze}. */
    public String answer(String subject, String state, String outcome, Optional<Duration> snooze) {
        JwtClaims claims = new JwtClaims();
        Instant now = clock.instant();
        claims.setSubject(subject);
        claims.setClaim("state", state);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(ANSWER_LIFETIME).getEpochSecond()));
        claims.setClaim("outcome", outcome);
        snooze.ifPresent(d -> claims.setClaim("snooze_seconds", d.toSeconds()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(key());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("nudge: the answer could not be signed", e);
        }
    }

    private HmacKey key() {
        return new HmacKey(settings.secret().orElseThrow().getBytes(StandardCharsets.UTF_8));
    }
}
