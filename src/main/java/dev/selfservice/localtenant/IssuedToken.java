package dev.selfservice.localtenant;

/** An opaque access token the tenant issued, good for {@code /userinfo}. */
record IssuedToken(String userId, String clientId, String scope) {
}
