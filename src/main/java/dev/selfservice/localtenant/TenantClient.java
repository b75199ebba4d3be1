package dev.selfservice.localtenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * An application registered in the tenant, with what Auth0 checks of it: its secret, callback and logout URLs, the
 * grants it may use, the connections enabled for it, whether it is trusted for {@code auth0-forwarded-for}, and the
 * Management API scopes granted to it.
 */
record TenantClient(String clientId, String secret, List<String> callbacks, List<String> logoutUrls,
        Set<String> grantTypes, Set<String> connections, boolean trustsForwardedFor, List<String> apiScopes) {

    public boolean secretMatches(String presented) {
        return presented != null
                && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Auth0 compares callback and logout URLs exactly (no wildcards in ports or paths). */
    public boolean allowsCallback(String redirectUri) {
        return redirectUri != null && callbacks.contains(redirectUri);
    }

    public boolean allowsLogoutUrl(String returnTo) {
        return returnTo != null && logoutUrls.contains(returnTo);
    }
}
