package dev.selfservice.localtenant;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.MultiMap;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The end of every successful login: the post-login Actions run, in order, and then the code goes to the
 * application. An Action may deny the login ({@code api.access.deny}), change the user's metadata, or send the
 * browser elsewhere ({@code api.redirect.sendUserTo}): the login is then suspended under a new {@code state}, added to
 * that URL, until {@code /continue?state=...} resumes it with the same Action's {@code onContinuePostLogin}.
 * <p>
 * An Action that throws (or rejects) fails the login: the application gets {@code error=access_denied} with the
 * error's message, as Auth0 answers it (seen in auth0/auth0-vue#223), and the tenant logs a failed login with it.
 * Our Actions must never block a sign-in (design invariant 11), so they catch their own errors; modelling Auth0's
 * harsher answer here is what lets a test prove that they do, where a forgiving tenant would hide a missing catch.
 */
@ApplicationScoped
class PostLoginFlow {

    /** How the user authenticated in this login: the connection, its strategy, and the method with its time. */
    record Login(String connection, String strategy, String method, Instant methodTime) {
        static Login password(String adConnection, Instant at) {
            return new Login(adConnection, "ad", "pwd", at);
        }
    }

    private final TenantState state;
    private final TenantUsers users;
    private final PostLoginActions actions;
    private final TenantPages pages;
    private final String domain;

    PostLoginFlow(TenantState state, TenantUsers users, PostLoginActions actions, TenantPages pages,
            TenantIssuer issuer) {
        this.state = state;
        this.users = users;
        this.actions = actions;
        this.pages = pages;
        this.domain = URI.create(issuer.url()).getAuthority();
    }

    /** A login succeeded: its Actions run, then the code goes to the callback (or the Action's answer does). */
    void complete(RoutingContext ctx, AuthorizationRequest request, String userId, Instant authTime, String sessionId,
            Login login) {
        if (actions.scripts().isEmpty()) {
            AuthorizeEndpoint.redirectWithCode(state, ctx, request, userId, authTime, sessionId);
            return;
        }
        run(ctx, new SuspendedLogin(request, userId, authTime, sessionId, login, 0), null, Map.of(), Map.of());
    }

    /**
     * {@code /continue}: resumes the login suspended under {@code state}, once. An unknown, expired or used state is
     * Auth0's {@code invalid_request}; with no application known to send it to, it is a page.
     */
    void resume(RoutingContext ctx) {
        MultiMap query = ctx.request().params();
        MultiMap body = "POST".equals(ctx.request().method().name()) ? ctx.request().formAttributes() : MultiMap.caseInsensitiveMultiMap();
        String key = Optional.ofNullable(query.get("state")).orElse(body.get("state"));
        Optional<SuspendedLogin> login = state.redirects.take(key);
        if (login.isEmpty()) {
            pages.send(ctx, 400, pages.error("invalid_request",
                    "The state parameter is missing, unknown, expired or already used."));
            return;
        }
        run(ctx, login.get(), key, first(query), first(body));
    }

    private void run(RoutingContext ctx, SuspendedLogin login, String resumedState, Map<String, String> query,
            Map<String, String> body) {
        AuthorizationRequest request = login.request();
        List<ActionRuntime.Script> scripts = actions.scripts();
        for (int i = login.action(); i < scripts.size(); i++) {
            boolean resuming = resumedState != null && i == login.action();
            ActionApi api = new ActionApi(login, Expiring.newKey(), resuming ? resumedState : null,
                    resuming ? query : Map.of(), resuming ? body : Map.of());
            String event = event(ctx, login, resuming ? query : request.query(), resuming ? body : Map.of());
            try {
                ActionRuntime.run(scripts.get(i), resuming ? "onContinuePostLogin" : "onExecutePostLogin", event, api);
            } catch (ActionRuntime.ActionFailure e) {
                TenantLog.actionFailed(login.userId(), "Action failed: " + e.getMessage());
                AuthorizeEndpoint.redirectError(ctx, request, "access_denied", e.getMessage());
                return;
            }
            if (!api.appMetadata.isEmpty()) {
                users.update(login.userId(), null, api.appMetadata, null);
            }
            if (!api.userMetadata.isEmpty()) {
                users.update(login.userId(), null, null, api.userMetadata);
            }
            if (api.denied != null) {
                TenantLog.actionFailed(login.userId(), "Action denied access: " + api.denied);
                AuthorizeEndpoint.redirectError(ctx, request, "access_denied", api.denied);
                return;
            }
            if (api.redirectTo != null) {
                if (!api.canRedirect()) {
                    // a redirect needs a user at a browser; prompt=none has none, as OIDC says
                    AuthorizeEndpoint.redirectError(ctx, request, "interaction_required", "Interaction required");
                    return;
                }
                state.redirects.put(api.redirectState, new SuspendedLogin(request, login.userId(), login.authTime(),
                        login.sessionId(), login.login(), i));
                Map<String, String> params = new LinkedHashMap<>(api.redirectQuery);
                params.put("state", api.redirectState);
                TenantHttp.redirect(ctx, TenantHttp.withQuery(api.redirectTo, params));
                return;
            }
        }
        AuthorizeEndpoint.redirectWithCode(state, ctx, request, login.userId(), login.authTime(), login.sessionId());
    }

    /** {@code event} as Auth0 documents it for the post-login trigger, with what this tenant knows. */
    private String event(RoutingContext ctx, SuspendedLogin login, Map<String, String> query, Map<String, String> body) {
        AuthorizationRequest request = login.request();
        Map<String, Object> user = new LinkedHashMap<>(users.profile(login.userId()).orElse(Map.of("user_id", login.userId())));
        user.putIfAbsent("app_metadata", Map.of());
        user.putIfAbsent("user_metadata", Map.of());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("user", user);
        event.put("connection", Map.of("id", "con_" + login.login().connection(), "name", login.login().connection(),
                "strategy", login.login().strategy(), "metadata", Map.of()));
        event.put("client", Map.of("client_id", request.clientId(), "name", request.clientId(), "metadata", Map.of()));
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("protocol", "oidc-basic-profile");
        transaction.put("requested_scopes", List.of(request.scope().split(" ")));
        transaction.put("redirect_uri", request.redirectUri());
        transaction.put("response_mode", Optional.ofNullable(request.responseMode()).orElse("query"));
        transaction.put("state", request.state());
        transaction.put("prompt", request.prompt().isEmpty() ? List.of() : List.of(request.prompt().split(" ")));
        transaction.put("ui_locales", request.uiLocales() == null ? List.of() : List.of(request.uiLocales().split(" ")));
        event.put("transaction", transaction);
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("query", query);
        req.put("body", body);
        req.put("method", ctx.request().method().name());
        req.put("hostname", domain.split(":")[0]);
        req.put("ip", ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress());
        event.put("request", req);
        event.put("authentication", Map.of("methods", List.of(Map.of("name", login.login().method(),
                "timestamp", DateTimeFormatter.ISO_INSTANT.format(login.login().methodTime())))));
        event.put("stats", Map.of("logins_count", user.getOrDefault("logins_count", 0)));
        event.put("secrets", actions.secrets());
        event.put("tenant", Map.of("id", "local"));
        return Json.encode(event);
    }

    private static Map<String, String> first(MultiMap params) {
        Map<String, String> map = new LinkedHashMap<>();
        params.forEach(e -> map.putIfAbsent(e.getKey(), e.getValue()));
        return map;
    }

    /** What one Action's run asked of {@code api}, answered to it as JSON. */
    private final class ActionApi implements ActionRuntime.Host {
        private final SuspendedLogin login;
        /** The state a redirect of this run resumes with, known ahead so that encodeToken can bind its token to it. */
        private final String redirectState;
        /** The state this run resumed with (onContinuePostLogin), which validateToken binds the answer to. */
        private final String resumedState;
        private final Map<String, String> query;
        private final Map<String, String> body;
        private final Map<String, Object> appMetadata = new LinkedHashMap<>();
        private final Map<String, Object> userMetadata = new LinkedHashMap<>();
        private String denied;
        private String redirectTo;
        private Map<String, String> redirectQuery = Map.of();

        ActionApi(SuspendedLogin login, String redirectState, String resumedState, Map<String, String> query,
                Map<String, String> body) {
            this.login = login;
            this.redirectState = redirectState;
            this.resumedState = resumedState;
            this.query = query;
            this.body = body;
        }

        boolean canRedirect() {
            // the tenant has no refresh tokens, so prompt=none is the one login here no redirect can serve
            return !List.of(login.request().prompt().split(" ")).contains("none");
        }

        @Override
        public long nowMillis() {
            return state.clock.millis();
        }

        @Override
        public String call(String function, String argumentsJson) {
            JsonObject args = new JsonObject(argumentsJson);
            try {
                return new JsonObject().put("value", answer(function, args)).encode();
            } catch (RedirectTokens.InvalidToken | IllegalArgumentException e) {
                return new JsonObject().put("error", e.getMessage()).encode();
            }
        }

        private Object answer(String function, JsonObject args) throws RedirectTokens.InvalidToken {
            switch (function) {
                case "canRedirect":
                    return canRedirect();
                case "sendUserTo":
                    String url = args.getValue("url") instanceof String u ? u : "";
                    URI uri = URI.create(url);
                    if (!uri.isAbsolute() || !List.of("http", "https").contains(uri.getScheme())) {
                        throw new IllegalArgumentException("sendUserTo: the URL must be absolute (http or https)");
                    }
                    Map<String, String> params = new LinkedHashMap<>();
                    JsonObject q = args.getValue("query") instanceof JsonObject o ? o : new JsonObject();
                    q.forEach(e -> params.put(e.getKey(), String.valueOf(e.getValue())));
                    redirectTo = url;
                    redirectQuery = params;
                    return null;
                case "encodeToken":
                    Object lifetime = args.getValue("expiresInSeconds");
                    Map<String, Object> payload = args.getValue("payload") instanceof JsonObject p ? plain(p) : Map.of();
                    return RedirectTokens.encode(string(args, "secret"), domain, login.userId(), redirectState,
                            lifetime instanceof Number n ? n.longValue() : RedirectTokens.DEFAULT_LIFETIME_SECONDS,
                            payload, state.clock.instant());
                case "validateToken":
                    if (resumedState == null) {
                        throw new IllegalArgumentException("validateToken: only in onContinuePostLogin");
                    }
                    String parameter = Optional.ofNullable(string(args, "tokenParameterName")).orElse("session_token");
                    String token = Optional.ofNullable(query.get(parameter)).orElse(body.get(parameter));
                    return RedirectTokens.validate(token, string(args, "secret"), login.userId(), resumedState,
                            state.clock.instant());
                case "setAppMetadata":
                    appMetadata.put(key(args), plainValue(args.getValue("value")));
                    return null;
                case "setUserMetadata":
                    userMetadata.put(key(args), plainValue(args.getValue("value")));
                    return null;
                case "deny":
                    denied = Optional.ofNullable(string(args, "reason")).orElse("Access denied");
                    return null;
                default:
                    throw new IllegalArgumentException(function + " is not available in the local tenant");
            }
        }

        private static String key(JsonObject args) {
            String key = string(args, "key");
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("a metadata key is required");
            }
            return key;
        }

        private static String string(JsonObject args, String name) {
            return args.getValue(name) instanceof String s ? s : null;
        }
    }

    private static Map<String, Object> plain(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach(e -> map.put(e.getKey(), plainValue(e.getValue())));
        return map;
    }

    private static Object plainValue(Object value) {
        if (value instanceof JsonObject o) {
            return plain(o);
        }
        if (value instanceof JsonArray a) {
            List<Object> list = new ArrayList<>();
            a.forEach(v -> list.add(plainValue(v)));
            return list;
        }
        return value;
    }
}
