package dev.selfservice.portal.auth0;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.oidc.client.Tokens;

/**
 * The portal's calls to Auth0's Management API. Reads and idempotent writes are retried ({@link IdempotentRetry});
 * writes that act differently when repeated are not, and each method says why. Every call goes through the API's
 * guard (timeout, circuit breaker). The machine-to-machine token is put on each call by {@link ManagementTokenFilter}
 * (quarkus-rest-client-oidc-filter): fetched once, kept until shortly before it expires, fetched again once if Auth0
 * answers 401, and never logged.
 */
@ApplicationScoped
public class Auth0Management {

    /** How long a call waits for a token; the token endpoint has the oidc-client's own timeouts below this. */
    private static final Duration TOKEN_WAIT = Duration.ofSeconds(15);

    private final ManagementApi api;
    private final ManagementApiGuard guard;
    private final IdempotentRetry retry;
    private final ManagementTokenFilter token;
    private final ManagementRateBudget budget;

    Auth0Management(@RestClient ManagementApi api, ManagementApiGuard guard, IdempotentRetry retry,
            ManagementTokenFilter token, ManagementRateBudget budget) {
        this.budget = budget;
        this.api = api;
        this.guard = guard;
        this.retry = retry;
        this.token = token;
    }

    /** A user by id. A read: retried. */
    public Auth0User user(String userId) {
        return read(() -> api.user(userId));
    }

    /**
     * Links {@code provider|identityUserId} to the primary user; answers the primary's identities. Not retried: a
     * repeat after a lost answer meets the link already made and fails, hiding the success; the caller reads the
     * identities instead.
     */
    public List<Auth0Identity> link(String primaryUserId, String provider, String identityUserId) {
        return write(() -> api.link(primaryUserId, new Auth0Dto.LinkRequest(provider, identityUserId)));
    }

    /** Unlinks an identity. Not retried, for the same reason as {@link #link}: the caller reads the identities. */
    public List<Auth0Identity> unlink(String primaryUserId, String provider, String identityUserId) {
        return write(() -> api.unlink(primaryUserId, provider, identityUserId));
    }

    /**
     * Sets a user's password; for an AD user Auth0 writes it back to the directory through the connector. Never
     * retried: a repeat after a timeout could meet AD's history or minimum age and report a failure for a change
     * that was made; the caller finds out what happened instead ({@code updated_at}, then one sign-in).
     */
    public void setPassword(String userId, String password) {
        write(() -> api.setPassword(userId, new Auth0Dto.PasswordUpdate(password)));
    }

    /** The Auth0 user of an AD username on the AD connection, found with the (read-only) user search. */
    public java.util.Optional<Auth0User> adUser(String adConnection, String username) {
        String query = "identities.connection:\"" + quoted(adConnection) + "\" AND nickname:\"" + quoted(username) + "\"";
        List<Auth0User> found = read(() -> api.search(query, "v3"));
        return found.size() == 1 ? java.util.Optional.of(found.get(0)) : java.util.Optional.empty();
    }

    /** The Auth0 user of an AD account by its work email, on the AD connection; empty unless exactly one. */
    public java.util.Optional<Auth0User> adUserByEmail(String adConnection, String email) {
        String query = "identities.connection:\"" + quoted(adConnection) + "\" AND email:\"" + quoted(email) + "\"";
        List<Auth0User> found = read(() -> api.search(query, "v3"));
        return found.size() == 1 ? java.util.Optional.of(found.get(0)) : java.util.Optional.empty();
    }

    /**
     * The standalone passwordless users of this address (users of their own, linked to nobody): what a code exchange
     * makes. An AD user with this address, or with the identity linked, is not one of them.
     */
    public List<Auth0User> standalonePasswordlessUsers(PasswordlessChannel channel, String address) {
        String field = channel == PasswordlessChannel.EMAIL ? "email" : "phone_number";
        String query = "identities.connection:\"" + channel.connection() + "\" AND " + field + ":\"" + quoted(address)
                + "\"";
        return read(() -> api.search(query, "v3")).stream()
                .filter(u -> u.userId().startsWith(channel.connection() + "|") && u.identities().size() == 1
                        && u.identities().get(0).provider().equals(channel.connection()))
                .toList();
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Whether Auth0's brute-force protection blocks the user from any IP. */
    public boolean hasBruteForceBlocks(String userId) {
        Auth0Dto.UserBlocks blocks = read(() -> api.userBlocks(userId));
        return blocks.blockedFor() != null && !blocks.blockedFor().isEmpty();
    }

    /** Clears the user's brute-force blocks (not an administrator's block). Idempotent, so retried. */
    public void clearBruteForceBlocks(String userId) {
        read(() -> {
            api.clearUserBlocks(userId);
            return null;
        });
    }

    /** Deleting a user is idempotent in Auth0 (an unknown user answers 204), so it is retried. */
    public void deleteUser(String userId) {
        read(() -> {
            api.delete(userId);
            return null;
        });
    }

    /** Sets top-level keys of the user's {@code app_metadata} (Auth0 merges them); the same values may be sent twice. */
    public void mergeAppMetadata(String userId, Map<String, Object> values) {
        read(() -> api.update(userId, new Auth0Dto.UserUpdate(values)));
    }

    /**
     * The scopes of the Management API token the portal holds (fetched if it holds none): Auth0 lists them in the
     * token answer's {@code scope}. A token fetched before an administrator changed the grant keeps the old scopes
     * until it is renewed, and so does what this answers: it is what the portal can do now.
     */
    java.util.Set<String> grantedScopes() {
        Tokens t;
        try {
            t = token.tokens().await().atMost(TOKEN_WAIT);
        } catch (RuntimeException e) {
            throw tokenFailure(e);
        }
        String scope = t.get("scope");
        return scope == null ? java.util.Set.of() : java.util.Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The id of the AD connection of this name ({@code con_...}), which the user export asks for. A read: retried.
     */
    public java.util.Optional<String> adConnectionId(String name) {
        return connections(List.of("ad")).stream().filter(c -> name.equals(c.name())).map(Auth0Dto.Connection::id)
                .findFirst();
    }

    /**
     * Starts a user export of one connection with these fields (JSON lines), each exported under the name it maps
     * to. Paced under the rate limit; not
     * retried by the idempotent retry (a lost answer would start a second job), but a 429 is Auth0 declining, so it is
     * asked again after the window Auth0 named. Blocks while it waits: call it off the event loop.
     */
    public UsersExportJob startUsersExport(String connectionId, Map<String, String> fieldsExportedAs) {
        Auth0Dto.UsersExport export = new Auth0Dto.UsersExport(connectionId, "json", fieldsExportedAs.entrySet()
                .stream().map(f -> new Auth0Dto.ExportField(f.getKey(), f.getValue())).toList());
        return paced(() -> write(() -> api.startUsersExport(export)));
    }

    /** A user export job as it is now. A read: retried, and paced like {@link #startUsersExport}. */
    public UsersExportJob usersExportJob(String jobId) {
        return paced(() -> read(() -> api.job(jobId)));
    }

    /** How many times a paced call meets a 429 before it gives up. */
    private static final int PACED_TRIES = 6;

    /**
     * A call of a long run, held under the Management API's rate limit: it waits when Auth0's headers said nothing is
     * left of the window, and after a 429 until the window Auth0 named (or a growing pause). Waits on this thread.
     * <p>
     * Apart from {@link IdempotentRetry} on purpose. That policy serves calls a person waits for on a page (two quick
     * retries, 15 s at most, a busy page soon after) and never repeats a write; a run waits out windows of up to a
     * minute, several times, and asks again a write Auth0 declined with a 429 (nothing was done, so no second job is
     * started). Auth0's named window in the one policy would hold pages for a minute, or be cut to a page's patience
     * and no longer honoured.
     */
    private <T> T paced(Supplier<T> call) {
        for (int attempt = 0;; attempt++) {
            pause(budget.waitBeforeNextCall(java.time.Instant.now()));
            try {
                return call.get();
            } catch (Auth0Exception.RateLimited e) {
                if (attempt + 1 >= PACED_TRIES) {
                    throw e;
                }
                pause(budget.backOff(attempt, java.time.Instant.now()));
            }
        }
    }

    private static void pause(Duration wait) {
        RemoteWait.pause(wait, () -> new Auth0Exception.NoAnswer("interrupted", false));
    }

    /** The tenant's connections of these strategies. A read: retried. */
    List<Auth0Dto.Connection> connections(List<String> strategies) {
        return read(() -> api.connections(strategies));
    }

    /** The ids of the applications a connection is enabled for (every page of Auth0's checkpoint pagination). */
    java.util.Set<String> enabledClients(String connectionId) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        String from = null;
        do {
            String cursor = from;
            Auth0Dto.EnabledClients page = read(() -> api.enabledClients(connectionId, 100, cursor));
            page.clients().forEach(c -> ids.add(c.clientId()));
            from = page.next();
        } while (from != null && !from.isBlank() && ids.size() < 10_000);
        return ids;
    }

    /** Whether an AD connection's connector is online: Auth0 answers 200, or 404 with a message when it is not. */
    boolean connectorOnline(String connectionId) {
        try {
            read(() -> {
                api.connectionStatus(connectionId);
                return null;
            });
            return true;
        } catch (Auth0Exception.Refused e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * A token request Auth0 answered with an OAuth error (a wrong secret, no client grant) is refused, with Auth0's
     * error code; any other failure had no answer. The oidc-client's message carries Auth0's answer body, which holds
     * no secret, but only the code is kept.
     */
    private static Auth0Exception tokenFailure(RuntimeException e) {
        java.util.regex.Matcher error = java.util.regex.Pattern.compile("\"error\"\\s*:\\s*\"([A-Za-z_.]+)\"")
                .matcher(String.valueOf(e.getMessage()));
        return error.find() ? Auth0Exception.of(401, error.group(1))
                : new Auth0Exception.NoAnswer("no_management_token", false);
    }

    /** A call that may run twice with the same result: retried, each try through the guard. */
    private <T> T read(Supplier<T> call) {
        return Auth0Failures.guarded(() -> retry.call(() -> guard.call(() -> authorized(call))));
    }

    /** A call that must run at most once: through the guard, never retried. */
    private <T> T write(Supplier<T> call) {
        return Auth0Failures.guarded(() -> guard.call(() -> authorized(call)));
    }

    private <T> T authorized(Supplier<T> call) {
        try {
            return call.get();
        } catch (Auth0Exception.Refused e) {
            if (e.status() != 401) {
                throw e;
            }
            // the token was revoked or its signing key rotated: one new token, one more try (nothing was done)
            token.renewForNextCall();
            return call.get();
        }
    }
}
