package dev.selfservice.localtenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v2/connections}: the list (filtered by {@code name} and {@code strategy}, as Auth0's), the applications a
 * connection is enabled for ({@code /clients}, Auth0's replacement of the deprecated {@code enabled_clients}), and
 * the AD connector's status ({@code /status}: 200 online, 404 with a message otherwise). All need
 * {@code read:connections}.
 */
@ApplicationScoped
class ConnectionsEndpoint implements TenantEndpoint {

    private static final String SCOPE = "read:connections";

    private final ManagementAuth auth;
    private final TenantConnections connections;

    ConnectionsEndpoint(ManagementAuth auth, TenantConnections connections) {
        this.auth = auth;
        this.connections = connections;
    }

    @Override
    public void register(Router router) {
        router.get("/api/v2/connections").handler(ManagementUsersEndpoint.guard(this::list));
        router.get("/api/v2/connections/:id/clients").handler(ManagementUsersEndpoint.guard(this::clients));
        router.get("/api/v2/connections/:id/status").handler(ManagementUsersEndpoint.guard(this::status));
    }

    private void list(RoutingContext ctx) {
        auth.require(ctx, SCOPE);
        String name = ctx.request().getParam("name");
        List<String> strategies = ctx.queryParam("strategy");
        List<Map<String, Object>> found = connections.all().stream()
                .filter(c -> name == null || c.name().equals(name))
                .filter(c -> strategies.isEmpty() || strategies.contains(c.strategy()))
                .map(this::json).toList();
        if (ctx.request().getParam("take") != null || ctx.request().getParam("from") != null) {
            // checkpoint pagination answers an object; every connection fits in one page here, so no "next"
            TenantHttp.json(ctx, 200, Map.of("connections", found));
        } else if (Boolean.parseBoolean(ctx.request().getParam("include_totals"))) {
            // page pagination with totals, as the Node SDK's connections.getAll asks; one page holds them all
            String asked = ctx.request().getParam("per_page");
            int perPage = asked != null && asked.matches("[0-9]{1,3}") ? Integer.parseInt(asked) : 50;
            TenantHttp.json(ctx, 200, Map.of("connections", found, "start", 0, "limit", perPage, "total", found.size()));
        } else {
            TenantHttp.jsonArray(ctx, 200, found);
        }
    }

    private void clients(RoutingContext ctx) {
        auth.require(ctx, SCOPE);
        TenantConnections.Connection connection = find(ctx);
        int take = take(ctx);
        List<Map<String, Object>> clients = connections.enabledClients(connection).stream().limit(take)
                .map(id -> Map.<String, Object>of("client_id", id)).toList();
        // a "next" cursor only when more remain; the tenant has three applications, so never with Auth0's default 50
        TenantHttp.json(ctx, 200, Map.of("clients", clients));
    }

    private void status(RoutingContext ctx) {
        auth.require(ctx, SCOPE);
        TenantConnections.Connection connection = find(ctx);
        if (!connections.online(connection)) {
            throw new ManagementError(404, "Connection is offline", "connection_offline");
        }
        ctx.response().setStatusCode(200).end();
    }

    private TenantConnections.Connection find(RoutingContext ctx) {
        return connections.byId(ctx.pathParam("id"))
                .orElseThrow(() -> new ManagementError(404, "The connection does not exist", "inexistent_connection"));
    }

    private static int take(RoutingContext ctx) {
        String take = ctx.request().getParam("take");
        if (take == null) {
            return 50;
        }
        try {
            int n = Integer.parseInt(take);
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ManagementError.badRequest("Query validation error: 'Invalid value \"" + take
                + "\" for property take' on property take", "invalid_query_string");
    }

    private Map<String, Object> json(TenantConnections.Connection c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("name", c.name());
        json.put("strategy", c.strategy());
        json.put("display_name", c.name());
        json.put("options", Map.of());
        json.put("realms", List.of(c.name()));
        json.put("is_domain_connection", false);
        // deprecated in Auth0 but still answered
        json.put("enabled_clients", connections.enabledClients(c));
        return json;
    }
}
