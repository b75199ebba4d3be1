package dev.selfservice.localtenant;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * The tokens of a redirect Action: {@code api.redirect.encodeToken} signs data for the site the login is sent to,
 * {@code api.redirect.validateToken} checks what that site sends back to {@code /continue}. As Auth0 documents them:
 * HS256 with a secret shared with that site, the claims {@code iss} (the tenant's domain), {@code sub} (the user id),
 * {@code iat}, {@code exp} and {@code state} (the redirect's state, binding the token to this one login) beside the
 * Action's payload.
 */
final class RedirectTokens {

    /** Auth0's default lifetime of {@code encodeToken}'s token. */
    static final long DEFAULT_LIFETIME_SECONDS = 900;

    /** An answer {@code validateToken} refuses; the Action sees it as a thrown error. */
    static final class InvalidToken extends Exception {
        InvalidToken(String message) {
            super(message);
        }
    }

    private RedirectTokens() {
    }

    static String encode(String secret, String domain, String subject, String state, long expiresInSeconds,
            Map<String, Object> payload, Instant now) throws InvalidToken {
        if (secret == null || secret.isEmpty()) {
            throw new InvalidToken("encodeToken: a secret is required");
        }
        if (expiresInSeconds <= 0) {
            throw new InvalidToken("encodeToken: expiresInSeconds must be positive");
        }
        JwtClaims claims = new JwtClaims();
        payload.forEach(claims::setClaim);
        // the tenant's own claims win over a payload's: a token must never say another user or login than its own
        claims.setIssuer(domain);
        claims.setSubject(subject);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + expiresInSeconds));
        claims.setClaim("state", state);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        // Auth0 takes a secret of any length; the length is the secret's owner's care (the README asks for 32 bytes)
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new InvalidToken("encodeToken: " + e.getMessage());
        }
    }

    /**
     * The claims of a token sent back to {@code /continue}, if it is signed with the secret (HS256 only), unexpired by
     * the tenant's clock, and bound to this login: its {@code state} is this redirect's and (where Auth0's wording
     * leaves it open, the safer reading) its {@code sub} this user.
     */
    static Map<String, Object> validate(String token, String secret, String subject, String state, Instant now)
            throws InvalidToken {
        if (secret == null || secret.isEmpty()) {
            throw new InvalidToken("validateToken: a secret is required");
        }
        if (token == null || token.isEmpty()) {
            throw new InvalidToken("validateToken: the token is missing");
        }
        JwtClaims claims;
        try {
            claims = new JwtConsumerBuilder()
                    .setVerificationKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)))
                    .setRelaxVerificationKeyValidation()
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                    .setRequireExpirationTime()
                    .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
                    .setAllowedClockSkewInSeconds(0)
                    .setSkipDefaultAudienceValidation()
                    .build().processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new InvalidToken("validateToken: the token is invalid or expired");
        }
        if (!state.equals(claims.getClaimValue("state"))) {
            throw new InvalidToken("validateToken: the token's state is not this login's");
        }
        if (!subject.equals(claims.getClaimValue("sub"))) {
            throw new InvalidToken("validateToken: the token's subject is not this user");
        }
        return claims.getClaimsMap();
    }
}
