package dev.selfservice.portal.auth0;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import dev.selfservice.portal.PortalConfig;

/**
 * Verifies an ID token that the portal received from the token endpoint itself (a passwordless exchange): RS256
 * against the tenant's JWKS (cached, refreshed for an unknown key id), issuer, audience (this client) and expiry.
 * The original portal verified such tokens with the client secret and HS256; an RS256 check cannot be forged by
 * anyone who learns the secret.
 */
@ApplicationScoped
public class IdTokenVerifier {

    private final JwtConsumer consumer;

    public IdTokenVerifier(PortalConfig config) {
        HttpsJwks jwks = new HttpsJwks(config.auth0().url() + ".well-known/jwks.json");
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(config.auth0().url())
                .setExpectedAudience(config.auth0().otpClientId())
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(60)
                .build();
    }

    public VerifiedIdentity verify(String idToken) {
        if (idToken == null || idToken.isBlank()) {
            throw Auth0Exception.of(502, "no_id_token");
        }
        try {
            JwtClaims claims = consumer.processToClaims(idToken);
            return new VerifiedIdentity(claims.getSubject(), string(claims, "email"),
                    Boolean.TRUE.equals(claims.getClaimValue("email_verified")), string(claims, "phone_number"),
                    Boolean.TRUE.equals(claims.getClaimValue("phone_number_verified")));
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw Auth0Exception.of(502, "invalid_id_token");
        }
    }

    private static String string(JwtClaims claims, String name) {
        return claims.getClaimValue(name) instanceof String s ? s : null;
    }
}
