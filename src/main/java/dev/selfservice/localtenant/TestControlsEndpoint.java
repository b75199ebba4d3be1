package dev.selfservice.localtenant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.localtenant.directory.DirectoryControls;
import dev.selfservice.localtenant.directory.PasswordRefusal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Test controls, under {@code /test-controls} on the tenant's port (which exists in dev and test only): reset the
 * whole tenant, inject faults, and put a directory user into a state.
 * <ul>
 * <li>{@code POST /test-controls/reset}</li>
 * <li>{@code POST /test-controls/faults} {@code {"method":"PATCH","path":"/api/v2/users","status":503,"delayMs":0,"times":1}}
 * ({@code "path":"/api/v2/users$"} for that path exactly; {@code "grantType":"..."} for one grant of /oauth/token);
 * {@code DELETE /test-controls/faults}</li>
 * <li>{@code POST /test-controls/management-rate-limit} {@code {"perSecond":2}}</li>
 * <li>{@code POST /test-controls/clock} {@code {"advanceSeconds":301}}: the tenant's clock moves forward</li>
 * <li>{@code POST /test-controls/directory/{username}} {@code {"state":"locked"}}, one of locked, unlocked, expired,
 * must-change, disabled, enabled, account-expired, account-active; or {@code {"password":"..."}}</li>
 * <li>{@code POST /test-controls/clients} {@code {"clientId":"intranet","secret":"...","callbacks":["..."]}}: another
 * Regular Web Application (authorization code, the AD connection), as the company's other applications, until the
 * reset</li>
 * <li>{@code POST /test-controls/client-grant} {@code {"clientId":"...","scopes":["read:users"]}}: the Management API
 * scopes granted to an application</li>
 * <li>{@code POST /test-controls/connections/{name}} {@code {"clientId":"...","enabled":false}}, {@code {"deleted":true}}
 * or {@code {"connectorOnline":false}}: a connection enabled or disabled for an application, deleted, or its AD
 * connector offline</li>
 * <li>{@code POST /test-controls/actions} {@code {"postLogin":["file.js"],"secrets":{...}}}: the post-login Actions
 * bound, in place of the configured ones (see {@link ContinueEndpoint})</li>
 * <li>{@code POST /test-controls/employees} {@code {"count":5000,"prefix":"gen","withEmail":1000,"withPhone":500,"withBoth":250}}:
 * that many plain AD employees more ({@code gen00001}...), the first {@code withBoth} with a linked email and phone,
 * the next {@code withEmail} with an email only, the next {@code withPhone} with a phone only (in-memory directory)</li>
 * <li>{@code POST /test-controls/export-jobs} {@code {"outcome":"slow"}}: user export jobs from now on stay
 * {@code processing} ({@code slow}), end {@code failed}, or complete ({@code normal})</li>
 * <li>{@code GET /test-controls/calls}: the requests answered per endpoint template and the tokens issued per grant,
 * since the last reset</li>
 * <li>{@code GET /test-controls/pwned-range}: what the range API ({@code /range/...}) was asked since the last reset,
 * each its path and its {@code Add-Padding} header</li>
 * </ul>
 */
@ApplicationScoped
class TestControlsEndpoint implements TenantEndpoint {

    private final TenantDirectory demo;
    private final DirectoryControls directory;
    private final TenantUsers users;
    private final BruteForceProtection bruteForce;
    private final PasswordlessCodes codes;
    private final Outbox outbox;
    private final FaultInjector faults;
    private final ManagementRateLimit rateLimit;
    private final LocalTenantConfig config;
    private final TenantClock clock;
    private final TenantState state;
    private final TenantMailServer mail;
    private final ClientRegistry clients;
    private final TenantConnections connections;
    private final TenantCalls calls;
    private final PwnedPasswordsEndpoint pwned;
    private final PostLoginActions actions;
    private final ExportJobs exportJobs;
    private final TenantIssuer issuer;

    TestControlsEndpoint(TenantDirectory demo, DirectoryControls directory, TenantUsers users,
            BruteForceProtection bruteForce, PasswordlessCodes codes, Outbox outbox, FaultInjector faults,
            ManagementRateLimit rateLimit, LocalTenantConfig config, TenantClock clock, TenantState state,
            TenantMailServer mail, ClientRegistry clients, TenantConnections connections, TenantCalls calls,
            PwnedPasswordsEndpoint pwned, PostLoginActions actions, ExportJobs exportJobs, TenantIssuer issuer) {
        this.issuer = issuer;
        this.exportJobs = exportJobs;
        this.actions = actions;
        this.pwned = pwned;
        this.calls = calls;
        this.clients = clients;
        this.connections = connections;
        this.mail = mail;
        this.clock = clock;
        this.state = state;
        this.demo = demo;
        this.directory = directory;
        this.users = users;
        this.bruteForce = bruteForce;
        this.codes = codes;
        this.outbox = outbox;
        this.faults = faults;
        this.rateLimit = rateLimit;
        this.config = config;
    }

    @Override
    public void register(Router router) {
        router.post("/test-controls/reset").blockingHandler(this::reset, false);
        router.post("/test-controls/faults").handler(this::addFault);
        router.delete("/test-controls/faults").handler(ctx -> {
            faults.clear();
            ctx.response().setStatusCode(204).end();
        });
        router.post("/test-controls/management-rate-limit").handler(ctx -> {
            rateLimit.setLimit(TenantHttp.bodyObject(ctx).getInteger("perSecond", config.managementRateLimit()));
            ctx.response().setStatusCode(204).end();
        });
        router.post("/test-controls/clock").handler(ctx -> {
            clock.advance(java.time.Duration.ofSeconds(TenantHttp.bodyObject(ctx).getLong("advanceSeconds", 0L)));
            ctx.response().setStatusCode(204).end();
        });
        // the SMTP server down (connections refused) or up again: {"up": false|true}
        router.post("/test-controls/smtp").blockingHandler(ctx -> {
            if (TenantHttp.bodyObject(ctx).getBoolean("up", true)) {
                mail.up();
            } else {
                mail.down();
            }
            ctx.response().setStatusCode(204).end();
        }, false);
        router.post("/test-controls/employees").blockingHandler(this::generateEmployees, false);
        router.post("/test-controls/export-jobs").handler(ctx -> {
            exportJobs.outcome(ExportJobs.Outcome.valueOf(
                    TenantHttp.bodyObject(ctx).getString("outcome", "normal").toUpperCase(java.util.Locale.ROOT)));
            ctx.response().setStatusCode(204).end();
        });
        // the tenant issues its tokens, and names itself in its discovery document, as another issuer: {"issuer": "..."}
        router.post("/test-controls/issuer").handler(ctx -> {
            issuer.issueAs(TenantHttp.bodyObject(ctx).getString("issuer"));
            ctx.response().setStatusCode(204).end();
        });
        router.post("/test-controls/directory/:username").blockingHandler(this::directoryState, false);
        // what reached the tenant since the last reset, as its log has it: tests count writes and calls with it
        router.post("/test-controls/client-grant").handler(this::clientGrant);
        router.post("/test-controls/clients").handler(this::registerApplication);
        router.post("/test-controls/connections/:name").handler(this::connection);
        router.get("/test-controls/calls").handler(ctx -> TenantHttp.json(ctx, 200, calls.snapshot()));
        router.get("/test-controls/pwned-range").handler(ctx -> TenantHttp.jsonArray(ctx, 200,
                pwned.asked().stream().map(a -> {
                    java.util.Map<String, Object> entry = new java.util.HashMap<>();
                    entry.put("path", a.path());
                    entry.put("padding", a.padding());
                    return entry;
                }).toList()));
        router.get("/test-controls/events").handler(ctx -> TenantHttp.jsonArray(ctx, 200, TenantLog.recent()));
    }

    private void reset(RoutingContext ctx) {
        clock.reset();
        state.reset();
        demo.reset();
        users.reset();
        bruteForce.reset();
        codes.reset();
        mail.up();
        mail.collect();
        outbox.clear();
        TenantLog.forget();
        faults.clear();
        rateLimit.setLimit(config.managementRateLimit());
        clients.reset();
        connections.reset();
        calls.reset();
        pwned.reset();
        actions.reset();
        exportJobs.reset();
        issuer.reset();
        ctx.response().setStatusCode(204).end();
    }

    private void generateEmployees(RoutingContext ctx) {
        JsonObject body = TenantHttp.bodyObject(ctx);
        int both = body.getInteger("withBoth", 0);
        int email = body.getInteger("withEmail", 0);
        int phone = body.getInteger("withPhone", 0);
        java.util.List<dev.selfservice.localtenant.directory.DirectoryEntry> added;
        try {
            added = demo.generate(body.getString("prefix", "gen"), body.getInteger("count", 0));
        } catch (UnsupportedOperationException e) {
            TenantHttp.oauthError(ctx, 501, "not_supported", e.getMessage());
            return;
        }
        for (int i = 0; i < added.size() && i < both + email + phone; i++) {
            var e = added.get(i);
            String n = e.sAMAccountName();
            if (i < both + email) {
                users.linkContact(e, PasswordlessConnection.EMAIL, n + ".home@example.net");
            }
            if (i < both || i >= both + email) {
                users.linkContact(e, PasswordlessConnection.SMS, String.format("+1415%07d", i));
            }
        }
        ctx.response().setStatusCode(204).end();
    }

    /** Another application of the company, signing employees in with AD as any application of the tenant does. */
    private void registerApplication(RoutingContext ctx) {
        JsonObject body = TenantHttp.bodyObject(ctx);
        String clientId = TenantHttp.str(body, "clientId");
        String secret = TenantHttp.str(body, "secret");
        java.util.List<String> callbacks = body.getJsonArray("callbacks", new io.vertx.core.json.JsonArray()).stream()
                .map(String::valueOf).toList();
        if (clientId == null || secret == null || callbacks.isEmpty() || clients.find(clientId).isPresent()) {
            TenantHttp.json(ctx, 400, java.util.Map.of("error", "clientId (new), secret and callbacks are required"));
            return;
        }
        clients.register(new TenantClient(clientId, secret, callbacks, java.util.List.of(),
                java.util.Set.of(ClientRegistry.AUTHORIZATION_CODE), java.util.Set.of(config.adConnection()), false,
                java.util.List.of()));
        ctx.response().setStatusCode(204).end();
    }

    private void clientGrant(RoutingContext ctx) {
        JsonObject body = TenantHttp.bodyObject(ctx);
        io.vertx.core.json.JsonArray scopes = body.getJsonArray("scopes", new io.vertx.core.json.JsonArray());
        clients.grantScopes(TenantHttp.str(body, "clientId"),
                scopes.stream().map(String::valueOf).toList());
        ctx.response().setStatusCode(204).end();
    }

    private void connection(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        JsonObject body = TenantHttp.bodyObject(ctx);
        if (body.getBoolean("deleted", false)) {
            connections.delete(name);
        }
        if (body.containsKey("connectorOnline")) {
            connections.connectorOnline(body.getBoolean("connectorOnline"));
        }
        if (body.containsKey("enabled")) {
            clients.enableConnection(name, TenantHttp.str(body, "clientId"), body.getBoolean("enabled"));
        }
        ctx.response().setStatusCode(204).end();
    }

    private void addFault(RoutingContext ctx) {
        JsonObject f = TenantHttp.bodyObject(ctx);
        String path = TenantHttp.str(f, "path");
        if (path == null || !path.startsWith("/")) {
            TenantHttp.oauthError(ctx, 400, "bad.request", "path is required and starts with /");
            return;
        }
        faults.add(new FaultInjector.Fault(TenantHttp.str(f, "method"), path, TenantHttp.str(f, "grantType"),
                f.getInteger("status", 0),
                f.getLong("delayMs", 0L), f.getInteger("times", 1)));
        ctx.response().setStatusCode(204).end();
    }

    private void directoryState(RoutingContext ctx) {
        String user = ctx.pathParam("username");
        JsonObject body = TenantHttp.bodyObject(ctx);
        try {
            String password = TenantHttp.str(body, "password");
            if (password != null) {
                directory.setPassword(user, password);
            }
            String state = TenantHttp.str(body, "state");
            if (state != null) {
                switch (state) {
                    case "locked" -> directory.lock(user);
                    case "unlocked" -> directory.unlock(user);
                    case "expired" -> directory.expirePassword(user);
                    case "must-change" -> directory.requirePasswordChange(user);
                    case "disabled" -> directory.setDisabled(user, true);
                    case "enabled" -> directory.setDisabled(user, false);
                    case "account-expired" -> directory.setAccountExpired(user, true);
                    case "account-active" -> directory.setAccountExpired(user, false);
                    default -> {
                        TenantHttp.oauthError(ctx, 400, "bad.request", "unknown state: " + state);
                        return;
                    }
                }
            }
            ctx.response().setStatusCode(204).end();
        } catch (IllegalArgumentException e) {
            TenantHttp.oauthError(ctx, 404, "not_found", "no such directory user");
        } catch (UnsupportedOperationException e) {
            TenantHttp.oauthError(ctx, 501, "not_supported", e.getMessage());
        } catch (PasswordRefusal e) {
            TenantHttp.oauthError(ctx, 400, "password_refused", e.getMessage());
        }
    }
}
