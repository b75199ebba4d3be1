package dev.selfservice.localtenant;

import java.time.Instant;

/** An authorization code's grant: who signed in, when, in which tenant session (the sid), for which request. */
record CodeGrant(AuthorizationRequest request, String userId, Instant authTime, String sessionId) {
}
