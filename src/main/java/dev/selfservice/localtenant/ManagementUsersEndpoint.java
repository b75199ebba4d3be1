package dev.selfservice.localtenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import dev.selfservice.localtenant.directory.DirectoryEntry;
import dev.selfservice.localtenant.directory.PasswordRefusal;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The Management API's users: get, update (password, block, metadata), delete, search, by email, and identity
 * linking and unlinking.
 * <p>
 * A password set on an AD user goes to the directory as the connector's write-back does: an administrator's reset,
 * which also clears the AD lockout when auto-unlock is on, and clears Auth0's brute-force blocks of the user, as a
 * password change does in Auth0. A directory refusal comes back as 400 with the connector's error name and message
 * (the exact body Auth0 gives is not documented: unverified).
 */
@ApplicationScoped
class ManagementUsersEndpoint implements TenantEndpoint {

    private static final Set<String> UPDATABLE = Set.of("password", "connection", "blocked", "app_metadata",
            "user_metadata", "client_id");

    private final ManagementAuth auth;
    private final TenantUsers users;
    private final AdConnection ad;
    private final BruteForceProtection bruteForce;
    private final SigningKeys keys;
    private final TenantIssuer issuer;
    private final boolean autoUnlock;

    ManagementUsersEndpoint(ManagementAuth auth, TenantUsers users, AdConnection ad, BruteForceProtection bruteForce,
            SigningKeys keys, TenantIssuer issuer, LocalTenantConfig config) {
        this.auth = auth;
        this.users = users;
        this.ad = ad;
        this.bruteForce = bruteForce;
        this.keys = keys;
        this.issuer = issuer;
        this.autoUnlock = config.autoUnlockOnPasswordChange();
    }

    @Override
    public void register(Router router) {
        router.get("/api/v2/users").blockingHandler(guard(this::search), false);
        router.get("/api/v2/users-by-email").blockingHandler(guard(this::byEmail), false);
        router.get("/api/v2/users/:id").blockingHandler(guard(this::get), false);
        router.patch("/api/v2/users/:id").blockingHandler(guard(this::update), false);
        router.delete("/api/v2/users/:id").blockingHandler(guard(this::delete), false);
        router.post("/api/v2/users/:id/identities").blockingHandler(guard(this::link), false);
        router.delete("/api/v2/users/:id/identities/:provider/:userId").blockingHandler(guard(this::unlink), false);
    }

    /** Turns a refusal thrown anywhere below into Auth0's envelope. */
    static Handler<RoutingContext> guard(Handler<RoutingContext> handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (ManagementError e) {
                ManagementHttp.error(ctx, e);
            }
        };
    }

    private void get(RoutingContext ctx) {
        auth.require(ctx, "read:users");
        TenantHttp.json(ctx, 200, fields(ctx, users.profile(ctx.pathParam("id")).orElseThrow(ManagementError::notFound)));
    }

    /**
     * Auth0's {@code fields} (comma-separated) and {@code include_fields} (default true: only those fields; false:
     * all but those) on a user read.
     */
    static Map<String, Object> fields(RoutingContext ctx, Map<String, Object> user) {
        String fields = ctx.request().getParam("fields");
        if (fields == null || fields.isBlank()) {
            return user;
        }
        java.util.Set<String> named = java.util.Arrays.stream(fields.split(",")).map(String::trim)
                .filter(f -> !f.isEmpty()).collect(java.util.stream.Collectors.toSet());
        boolean include = !"false".equalsIgnoreCase(ctx.request().getParam("include_fields"));
        Map<String, Object> projected = new LinkedHashMap<>();
        user.forEach((key, value) -> {
            if (named.contains(key) == include) {
                projected.put(key, value);
            }
        });
        return projected;
    }

    private static List<Map<String, Object>> fields(RoutingContext ctx, List<Map<String, Object>> users) {
        return users.stream().map(u -> fields(ctx, u)).toList();
    }

    private void search(RoutingContext ctx) {
        auth.require(ctx, "read:users");
        String engine = ctx.request().getParam("search_engine");
        // v3 is Auth0's only search engine since v2 ended in 2019; what Auth0 answers to "v2" now is not documented,
        // so the tenant refuses it rather than let code that asks for it pass here and fail there
        if (engine != null && !engine.equals("v3")) {
            throw ManagementError.badRequest("Query validation error: 'Invalid value \"" + engine
                    + "\" for search_engine' on property search_engine", "invalid_query_string");
        }
        UserSearch query = UserSearch.parse(ctx.request().getParam("q"));
        int page = intParam(ctx, "page", 0, 0, 1000);
        int perPage = intParam(ctx, "per_page", 50, 0, 100);
        if ((long) (page + 1) * perPage > 1000) {
            // Auth0 returns at most the first 1,000 results of a search (view-search-results-by-page); the answer to
            // a page beyond them is not documented: refused here, so that code walking every user fails here first
            throw ManagementError.badRequest("You can only page through the first 1000 records. See "
                    + "https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation", "invalid_query_string");
        }
        List<Map<String, Object>> found = candidates(query).stream().filter(query::matches).toList();
        List<Map<String, Object>> slice = fields(ctx, found.stream().skip((long) page * perPage).limit(perPage).toList());
        if (Boolean.parseBoolean(ctx.request().getParam("include_totals"))) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("start", page * perPage);
            answer.put("limit", perPage);
            answer.put("length", slice.size());
            answer.put("total", found.size());
            answer.put("users", slice);
            TenantHttp.json(ctx, 200, answer);
        } else {
            TenantHttp.jsonArray(ctx, 200, slice);
        }
    }

    /** A query for one AD username looks that user up instead of listing the directory. */
    private List<Map<String, Object>> candidates(UserSearch query) {
        String username = Optional.ofNullable(query.valueOf("nickname")).orElse(query.valueOf("sAMAccountName"));
        if (username != null) {
            return ad.directory().find(username).flatMap(e -> users.profile(ad.userId(e))).map(List::of)
                    .orElse(List.of());
        }
        return users.all();
    }

    private void byEmail(RoutingContext ctx) {
        auth.require(ctx, "read:users");
        String email = ctx.request().getParam("email");
        if (email == null || email.isBlank()) {
            throw ManagementError.badRequest("Query validation error: 'Missing required property: email' on property email",
                    "invalid_query_string");
        }
        TenantHttp.jsonArray(ctx, 200, fields(ctx, users.byEmail(email)));
    }

    private void update(RoutingContext ctx) {
        auth.require(ctx, "update:users");
        String userId = ctx.pathParam("id");
        JsonObject body = jsonBody(ctx);
        Set<String> unknown = new TreeSet<>(body.fieldNames());
        unknown.removeAll(UPDATABLE);
        if (!unknown.isEmpty()) {
            throw ManagementError.badRequest("Payload validation error: 'Additional properties not allowed: "
                    + String.join(",", unknown) + "'.", "invalid_body");
        }
        Map<String, Object> profile = users.profile(userId).orElseThrow(ManagementError::notFound);
        // every field is checked before anything changes: a refused update changes nothing
        Boolean blocked = body.getValue("blocked") instanceof Boolean b ? b : null;
        if (body.containsKey("blocked") && blocked == null) {
            throw ManagementError.badRequest("Payload validation error: 'Expected type boolean but found type "
                    + typeName(body.getValue("blocked")) + "' on property blocked.", "invalid_body");
        }
        Map<String, Object> appMetadata = metadata(body, "app_metadata");
        Map<String, Object> userMetadata = metadata(body, "user_metadata");
        if (body.containsKey("password")) {
            setPassword(userId, profile, body);
        }
        TenantHttp.json(ctx, 200, users.update(userId, blocked, appMetadata, userMetadata));
    }

    private void setPassword(String userId, Map<String, Object> profile, JsonObject body) {
        String password = body.getValue("password") instanceof String s ? s : null;
        if (password == null || password.isEmpty()) {
            throw ManagementError.badRequest("Payload validation error: 'String is too short (0 chars), minimum 1' on property password.",
                    "invalid_body");
        }
        String connection = TenantHttp.str(body, "connection");
        Optional<DirectoryEntry> entry = users.adEntry(userId);
        if (entry.isEmpty() || (connection != null && !connection.equals(ad.name()))) {
            throw ManagementError.badRequest("Cannot update password of a user of a passwordless connection.",
                    "operation_not_supported");
        }
        try {
            ad.setPassword(entry.get(), password, autoUnlock);
        } catch (PasswordRefusal refusal) {
            TenantLog.management("set_password", userId, "refused by the directory: " + refusal.reason());
            throw switch (refusal.reason()) {
                case POLICY -> ManagementError.badRequest(
                        "PasswordComplexityError: Password doesn\u2019t meet minimum requirements", "password_complexity_error");
                case INSUFFICIENT_RIGHTS -> ManagementError.badRequest(
                        "InsufficientAccessRightsError: Service Account has Insufficient Access Rights",
                        "insufficient_access_rights");
                default -> ManagementError.notFound();
            };
        }
        TenantLog.management("set_password", userId, autoUnlock ? "password reset, lockout cleared" : "password reset");
        bruteForce.unblock(entry.get().sAMAccountName());
        Optional.ofNullable(profile.get("email")).map(String::valueOf).ifPresent(bruteForce::unblock);
        users.touch(userId);
    }

    private void delete(RoutingContext ctx) {
        auth.require(ctx, "delete:users");
        users.delete(ctx.pathParam("id"));
        ctx.response().setStatusCode(204).end();
    }

    private void link(RoutingContext ctx) {
        ManagementAuth.Caller caller = auth.require(ctx, "update:users");
        JsonObject body = jsonBody(ctx);
        String primary = ctx.pathParam("id");
        String linkWith = TenantHttp.str(body, "link_with");
        String provider;
        String identityUserId;
        if (linkWith != null) {
            if (body.containsKey("provider") || body.containsKey("user_id")) {
                throw ManagementError.badRequest("Payload validation error: send either link_with or provider and user_id.",
                        "invalid_body");
            }
            String sub = verifiedSubject(linkWith, caller.clientId());
            int bar = sub.indexOf('|');
            provider = sub.substring(0, bar);
            identityUserId = sub.substring(bar + 1);
        } else {
            provider = TenantHttp.str(body, "provider");
            Object id = body.getValue("user_id");
            identityUserId = id instanceof String || id instanceof Number ? String.valueOf(id) : null;
            if (provider == null || identityUserId == null || identityUserId.isEmpty()) {
                throw ManagementError.badRequest("Payload validation error: 'Missing required property: "
                        + (provider == null ? "provider" : "user_id") + "'.", "invalid_body");
            }
        }
        List<Map<String, Object>> identities = users.link(primary, provider, identityUserId);
        TenantLog.management("link", primary, "linked " + provider);
        TenantHttp.jsonArray(ctx, 201, identities);
    }

    /** The subject of a {@code link_with} ID token: this tenant's, RS256, for the calling client. */
    private String verifiedSubject(String idToken, String callerClientId) {
        JwtClaims claims = keys.verify(idToken, issuer.url());
        try {
            if (claims == null || claims.getSubject() == null || claims.getSubject().indexOf('|') < 1) {
                throw ManagementError.badRequest("Unable to verify the JWT in link_with.", "invalid_body");
            }
            if (!claims.getAudience().contains(callerClientId)) {
                throw ManagementError.badRequest("The JWT audience does not match the client of the access token.",
                        "invalid_body");
            }
            return claims.getSubject();
        } catch (MalformedClaimException e) {
            throw ManagementError.badRequest("Unable to verify the JWT in link_with.", "invalid_body");
        }
    }

    private void unlink(RoutingContext ctx) {
        auth.require(ctx, "update:users");
        TenantHttp.jsonArray(ctx, 200, users.unlink(ctx.pathParam("id"), ctx.pathParam("provider"), ctx.pathParam("userId")));
    }

    private static JsonObject jsonBody(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            return body == null ? new JsonObject() : body;
        } catch (DecodeException | ClassCastException e) {
            throw ManagementError.badRequest("Invalid request payload JSON format", "invalid_body");
        }
    }

    private static Map<String, Object> metadata(JsonObject body, String key) {
        Object value = body.getValue(key);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonObject json) {
            return json.getMap();
        }
        throw ManagementError.badRequest("Payload validation error: 'Expected type object but found type "
                + typeName(value) + "' on property " + key + ".", "invalid_body");
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value instanceof String ? "string" : value instanceof Number ? "number"
                : value instanceof Boolean ? "boolean" : "array";
    }

    private static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
        String raw = ctx.request().getParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ManagementError.badRequest("Query validation error: 'Invalid value \"" + raw + "\" for " + name + "'.",
                    "invalid_query_string");
        }
    }
}
