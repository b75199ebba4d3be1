package dev.selfservice.localtenant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v2/user-blocks}: the brute-force blocks of a user (by id, over the identifiers the user signs in with)
 * or of an identifier, and their removal. A block set by an administrator ({@code blocked: true}) is not one of
 * these and stays, as in Auth0.
 */
@ApplicationScoped
class UserBlocksEndpoint implements TenantEndpoint {

    private final ManagementAuth auth;
    private final TenantUsers users;
    private final BruteForceProtection bruteForce;

    UserBlocksEndpoint(ManagementAuth auth, TenantUsers users, BruteForceProtection bruteForce) {
        this.auth = auth;
        this.users = users;
        this.bruteForce = bruteForce;
    }

    @Override
    public void register(Router router) {
        router.get("/api/v2/user-blocks").blockingHandler(ManagementUsersEndpoint.guard(this::listByIdentifier), false);
        router.delete("/api/v2/user-blocks").blockingHandler(ManagementUsersEndpoint.guard(this::deleteByIdentifier), false);
        router.get("/api/v2/user-blocks/:id").blockingHandler(ManagementUsersEndpoint.guard(this::list), false);
        router.delete("/api/v2/user-blocks/:id").blockingHandler(ManagementUsersEndpoint.guard(this::delete), false);
    }

    private void list(RoutingContext ctx) {
        auth.require(ctx, "read:users");
        List<BruteForceProtection.Block> blocks = new ArrayList<>();
        identifiers(ctx.pathParam("id")).forEach(i -> blocks.addAll(bruteForce.blocks(i)));
        TenantHttp.json(ctx, 200, Map.of("blocked_for", blocks));
    }

    private void delete(RoutingContext ctx) {
        auth.require(ctx, "update:users");
        identifiers(ctx.pathParam("id")).forEach(bruteForce::unblock);
        ctx.response().setStatusCode(204).end();
    }

    private void listByIdentifier(RoutingContext ctx) {
        auth.require(ctx, "read:users");
        TenantHttp.json(ctx, 200, Map.of("blocked_for", bruteForce.blocks(identifier(ctx))));
    }

    private void deleteByIdentifier(RoutingContext ctx) {
        auth.require(ctx, "update:users");
        bruteForce.unblock(identifier(ctx));
        ctx.response().setStatusCode(204).end();
    }

    private static String identifier(RoutingContext ctx) {
        String identifier = ctx.request().getParam("identifier");
        if (identifier == null || identifier.isBlank()) {
            throw ManagementError.badRequest("Query validation error: 'Missing required property: identifier' on property identifier",
                    "invalid_query_string");
        }
        return identifier;
    }

    /** The identifiers a user signs in with: the AD username, and the email and phone of the profile. */
    private Set<String> identifiers(String userId) {
        Map<String, Object> profile = users.profile(userId).orElseThrow(ManagementError::notFound);
        Set<String> ids = new LinkedHashSet<>();
        for (String key : List.of("nickname", "email", "phone_number")) {
            if (profile.get(key) instanceof String s && !s.isBlank()) {
                ids.add(s);
            }
        }
        return ids;
    }
}
