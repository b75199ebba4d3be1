package dev.selfservice.localtenant;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

/** The tenant's RS256 signing key, made at start as Auth0 makes one per tenant, published as a JWKS. */
@ApplicationScoped
class SigningKeys {

    private final RsaJsonWebKey key;

    public SigningKeys() {
        try {
            key = RsaJwkGenerator.generateJwk(2048);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate the local tenant's signing key", e);
        }
        key.setKeyId(UUID.randomUUID().toString().replace("-", ""));
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        key.setUse("sig");
    }

    /** {@code {"keys":[{kty, use, n, e, kid, alg}]}}, the public part only. */
    public String jwks() {
        Map<String, Object> publicKey = key.toParams(OutputControlLevel.PUBLIC_ONLY);
        return JsonUtil.toJson(Map.of("keys", java.util.List.of(publicKey)));
    }

    public String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** The claims of a token this tenant signed, expired or not (as an {@code id_token_hint} may be); null otherwise. */
    JwtClaims verifyIgnoringExpiry(String token, String issuer) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key.getPublicKey())
                .setExpectedIssuer(issuer)
                .setSkipDefaultAudienceValidation()
                .setSkipAllDefaultValidators()
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            return issuer.equals(claims.getIssuer()) ? claims : null;
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            return null;
        }
    }

    /** Verifies a token this tenant signed (signature and expiry) and returns its claims, or null. */
    public JwtClaims verify(String token, String issuer) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key.getPublicKey())
                .setExpectedIssuer(issuer)
                .setSkipDefaultAudienceValidation()
                .setRequireExpirationTime()
                .build();
        try {
            return consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            return null;
        }
    }
}
