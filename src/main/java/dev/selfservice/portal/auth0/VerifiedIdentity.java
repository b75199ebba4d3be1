package dev.selfservice.portal.auth0;

/**
 * What a verified ID token says about who signed in: its subject (the user id the tokens were issued for, the
 * primary when the identity is linked) and the address claims with their verified flags.
 */
public record VerifiedIdentity(String subject, String email, boolean emailVerified, String phoneNumber,
        boolean phoneVerified) {
}
