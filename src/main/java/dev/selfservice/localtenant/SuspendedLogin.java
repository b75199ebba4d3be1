package dev.selfservice.localtenant;

import java.time.Instant;

/**
 * A login a post-login Action sent elsewhere ({@code api.redirect.sendUserTo}): everything needed to go on with it at
 * {@code /continue}, from the Action that redirected ({@code action}, its index in the trigger's order).
 */
record SuspendedLogin(AuthorizationRequest request, String userId, Instant authTime, String sessionId,
        PostLoginFlow.Login login, int action) {
}
