package dev.selfservice.portal.auth0;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.selfservice.portal.PortalConfig;

/**
 * The portal's calls to Auth0's Management API. Its machine-to-machine token is cached until shortly before it
 * expires (Auth0's token endpoint is rate-limited and a token lasts a day), fetched again once if Auth0 answers 401,
 * and never logged. Reads and idempotent writes are retried on 429, 5xx and timeouts; linking and unlinking are not.
 */
@ApplicationScoped
public class Auth0Management {

    /** A token is renewed this long before it expires, so that no call goes out with one about to lapse. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private record CachedToken(String bearer, Instant renewAt) {
    }

    private final ManagementApi api;
    private final Auth0Authentication authentication;
    private final PortalConfig.Auth0 auth0;
    private final Clock clock;
    private volatile CachedToken token;

    Auth0Management(@RestClient ManagementApi api, Auth0Authentication authentication, PortalConfig config, Clock clock) {
        this.api = api;
        this.clock = clock;
        this.authentication = authentication;
        this.auth0 = config.auth0();
    }

    public Auth0User user(String userId) {
        return Auth0Calls.retried(() -> authorized(bearer -> api.user(userId, bearer)));
    }

    /** Links {@code provider|identityUserId} to the primary user; answers the primary's identities. */
    public List<Auth0Identity> link(String primaryUserId, String provider, String identityUserId) {
        return Auth0Calls.once(() -> authorized(bearer -> api.link(primaryUserId,
                new Auth0Dto.LinkRequest(provider, identityUserId), bearer)));
    }

    public List<Auth0Identity> unlink(String primaryUserId, String provider, String identityUserId) {
        return Auth0Calls.once(() -> authorized(bearer -> api.unlink(primaryUserId, provider, identityUserId, bearer)));
    }

    /**
     * Sets a user's password; for an AD user Auth0 writes it back to the directory through the connector. Never
     * retried: a repeat after a timeout could meet AD's history or minimum age and report a failure for a change
     * that was made.
     */
    public void setPassword(String userId, String password) {
        Auth0Calls.once(() -> authorized(bearer -> api.setPassword(userId, new Auth0Dto.PasswordUpdate(password), bearer)));
    }

    /** The Auth0 user of an AD username on the AD connection, found with the (read-only) user search. */
    public java.util.Optional<Auth0User> adUser(String adConnection, String username) {
        String query = "identities.connection:\"" + quoted(adConnection) + "\" AND nickname:\"" + quoted(username) + "\"";
        List<Auth0User> found = Auth0Calls.retried(() -> authorized(bearer -> api.search(query, "v3", bearer)));
        return found.size() == 1 ? java.util.Optional.of(found.get(0)) : java.util.Optional.empty();
    }

    /**
     * The users that hold a linked passwordless identity with this address. Auth0's search reaches linked identities'
     * {@code profileData}; it is eventually consistent, so the code exchange before a link still checks that the
     * address is not linked (a race is caught there).
     */
    public List<Auth0User> usersWithContact(PasswordlessChannel channel, String address) {
        String field = channel == PasswordlessChannel.EMAIL ? "email" : "phone_number";
        String query = "identities.connection:\"" + channel.connection() + "\" AND identities.profileData." + field
                + ":\"" + quoted(address) + "\"";
        return Auth0Calls.retried(() -> authorized(bearer -> api.search(query, "v3", bearer))).stream()
                .filter(u -> u.identities().stream().anyMatch(i -> !i.provider().equals(channel.connection())))
                .toList();
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Whether Auth0's brute-force protection blocks the user from any IP. */
    public boolean hasBruteForceBlocks(String userId) {
        Auth0Dto.UserBlocks blocks = Auth0Calls.retried(() -> authorized(bearer -> api.userBlocks(userId, bearer)));
        return blocks.blockedFor() != null && !blocks.blockedFor().isEmpty();
    }

    /** Clears the user's brute-force blocks (not an administrator's block). Idempotent, so retried. */
    public void clearBruteForceBlocks(String userId) {
        Auth0Calls.retried(() -> authorized(bearer -> {
            api.clearUserBlocks(userId, bearer);
            return null;
        }));
    }

    /** Deleting a user is idempotent in Auth0 (an unknown user answers 204), so it is retried. */
    public void deleteUser(String userId) {
        Auth0Calls.retried(() -> authorized(bearer -> {
            api.delete(userId, bearer);
            return null;
        }));
    }

    /** Sets top-level keys of the user's {@code app_metadata} (Auth0 merges them); the same values may be sent twice. */
    public void mergeAppMetadata(String userId, Map<String, Object> values) {
        Auth0Calls.retried(() -> authorized(bearer -> api.update(userId, new Auth0Dto.UserUpdate(values), bearer)));
    }

    private <T> T authorized(Function<String, T> call) {
        try {
            return call.apply(bearer());
        } catch (Auth0Exception e) {
            if (e.status() != 401) {
                throw e;
            }
            token = null;
            return call.apply(bearer());
        }
    }

    private String bearer() {
        CachedToken t = token;
        if (t == null || !clock.instant().isBefore(t.renewAt())) {
            synchronized (this) {
                t = token;
                if (t == null || !clock.instant().isBefore(t.renewAt())) {
                    Auth0Dto.TokenResponse response = authentication.clientCredentials(auth0.managementClientId(),
                            auth0.managementClientSecret(), auth0.url() + "api/v2/");
                    Duration lifetime = Duration.ofSeconds(Math.max(0, response.expiresIn()));
                    Duration early = lifetime.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) > 0 ? RENEW_BEFORE_EXPIRY
                            : lifetime.dividedBy(2);
                    t = new CachedToken("Bearer " + response.accessToken(), clock.instant().plus(lifetime).minus(early));
                    token = t;
                }
            }
        }
        return t.bearer();
    }
}
