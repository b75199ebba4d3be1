package dev.selfservice.localtenant;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.localtenant.directory.AdBindCode;
import dev.selfservice.localtenant.directory.BindResult;
import dev.selfservice.localtenant.directory.DirectoryEntry;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /authorize} and the tenant's login page {@code /u/login}: the authorization code flow with PKCE, as Auth0
 * runs it with Universal Login for an AD connection.
 * <p>
 * Where Auth0 shows an error and where it returns it to the application follows Auth0: an unknown client or callback
 * URL is an error page and never a redirect; a wrong password (or an unknown user, which looks the same) stays on the
 * login page, and so does a brute-force block (429, Auth0's text); a user blocked in Auth0 goes back with {@code error=unauthorized&error_description=user is blocked}.
 * How Auth0 surfaces the connector's other refusals (expired, must change, locked, disabled, account expired) is not
 * documented (unverified); the tenant returns them to the application as {@code error=access_denied} with the
 * connector's message, so that the application can tell the employee what to do next.
 */
@ApplicationScoped
class AuthorizeEndpoint implements TenantEndpoint {

    static final String SSO_COOKIE = "auth0_sso";

    private final ClientRegistry clients;
    private final AdConnection ad;
    private final TenantUsers users;
    private final BruteForceProtection bruteForce;
    private final TenantState state;
    private final TenantPages pages;
    private final TenantIssuer issuer;
    private final PostLoginFlow postLogin;

    AuthorizeEndpoint(ClientRegistry clients, AdConnection ad, TenantUsers users, BruteForceProtection bruteForce,
            TenantState state, TenantPages pages, TenantIssuer issuer, PostLoginFlow postLogin) {
        this.issuer = issuer;
        this.postLogin = postLogin;
        this.clients = clients;
        this.ad = ad;
        this.users = users;
        this.bruteForce = bruteForce;
        this.state = state;
        this.pages = pages;
    }

    @Override
    public void register(Router router) {
        // blocking: a sign-in through the tenant session runs the post-login Actions, which may take a while
        router.get("/authorize").blockingHandler(this::authorize, false);
        router.get("/u/login").handler(this::loginPage);
        router.post("/u/login").blockingHandler(this::login, false);
    }

    private void authorize(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        Optional<TenantClient> client = clients.find(req.getParam("client_id"));
        if (client.isEmpty()) {
            pages.send(ctx, 400, pages.error("Unknown client",
                    "The application that sent you here is not registered in this tenant."));
            return;
        }
        String redirectUri = req.getParam("redirect_uri");
        if (!client.get().allowsCallback(redirectUri)) {
            pages.send(ctx, 400, pages.error("Callback URL mismatch",
                    "The provided redirect_uri is not in the list of allowed callback URLs."));
            return;
        }
        String stateParam = req.getParam("state");
        if (!"code".equals(req.getParam("response_type"))) {
            redirectError(ctx, redirectUri, stateParam, "unsupported_response_type",
                    "Unsupported response type: " + req.getParam("response_type"));
            return;
        }
        String challenge = req.getParam("code_challenge");
        String method = req.getParam("code_challenge_method");
        if (challenge != null && !"S256".equals(method)) {
            redirectError(ctx, redirectUri, stateParam, "invalid_request", "code_challenge_method must be S256");
            return;
        }
        String connection = req.getParam("connection");
        if (connection != null && !connection.equals(ad.name()) && !PasswordlessConnection.isPasswordless(connection)) {
            redirectError(ctx, redirectUri, stateParam, "invalid_request", "the connection was not found");
            return;
        }
        if (connection != null && !client.get().connections().contains(connection)) {
            // Auth0 refuses a connection that exists but is not enabled for the application
            redirectError(ctx, redirectUri, stateParam, "invalid_request", "the connection is not enabled");
            return;
        }
        String audience = req.getParam("audience");
        if (audience != null && !audience.isBlank() && !issuer.knowsAudience(audience)) {
            redirectError(ctx, redirectUri, stateParam, "access_denied", "Service not found: " + audience);
            return;
        }
        String responseMode = req.getParam("response_mode");
        if (responseMode != null && !CallbackAnswer.MODES.contains(responseMode)) {
            redirectError(ctx, redirectUri, stateParam, "invalid_request", "Unsupported response_mode: " + responseMode);
            return;
        }
        Duration maxAge;
        try {
            // clamped to 0..100 years, so that no value overflows the instant it is added to
            maxAge = req.getParam("max_age") == null ? null
                    : Duration.ofSeconds(Math.max(0, Math.min(Long.parseLong(req.getParam("max_age")), 3_153_600_000L)));
        } catch (NumberFormatException e) {
            redirectError(ctx, redirectUri, stateParam, "invalid_request", "max_age must be a number of seconds");
            return;
        }
        AuthorizationRequest request = new AuthorizationRequest(client.get().clientId(), redirectUri, stateParam,
                req.getParam("nonce"), Optional.ofNullable(req.getParam("scope")).orElse("openid"),
                audience, challenge, responseMode,
                Optional.ofNullable(req.getParam("login_hint")).filter(h -> h.length() <= 256).orElse(null),
                Optional.ofNullable(req.getParam("ui_locales")).filter(l -> l.length() <= 256).orElse(null),
                query(req));

        String prompt = Optional.ofNullable(req.getParam("prompt")).orElse("");
        Optional<SsoSession> sso = currentSession(ctx)
                .filter(s -> maxAge == null || !state.clock.instant().isAfter(s.authTime().plus(maxAge)))
                .filter(s -> !users.isBlocked(s.userId()));
        if (connection != null && PasswordlessConnection.isPasswordless(connection)) {
            // Universal Login's passwordless steps: the address, then the code sent there
            TenantHttp.redirect(ctx, "/u/passwordless?connection=" + TenantHttp.encode(connection) + "&state="
                    + TenantHttp.encode(state.transactions.put(request)));
        } else if (sso.isPresent() && !prompt.equals("login")) {
            postLogin.complete(ctx, request, sso.get().userId(), sso.get().authTime(), ssoId(ctx),
                    PostLoginFlow.Login.password(ad.name(), sso.get().authTime()));
        } else if (prompt.equals("none")) {
            redirectError(ctx, redirectUri, stateParam, "login_required", "Login required");
        } else {
            TenantHttp.redirect(ctx, "/u/login?state=" + TenantHttp.encode(state.transactions.put(request)));
        }
    }

    private void loginPage(RoutingContext ctx) {
        String tx = ctx.request().getParam("state");
        Optional<AuthorizationRequest> request = state.transactions.get(tx);
        if (request.isEmpty()) {
            expired(ctx);
            return;
        }
        pages.send(ctx, 200, pages.login(tx, ad.name(), request.get().loginHint(), null, request.get().uiLocales()));
    }

    private void login(RoutingContext ctx) {
        String tx = ctx.request().getFormAttribute("state");
        Optional<AuthorizationRequest> request = state.transactions.get(tx);
        if (request.isEmpty()) {
            expired(ctx);
            return;
        }
        String username = Optional.ofNullable(ctx.request().getFormAttribute("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.request().getFormAttribute("password")).orElse("");
        if (username.isEmpty() || password.isEmpty() || username.length() > 256 || password.length() > 1024) {
            pages.send(ctx, 400, pages.login(tx, ad.name(), username.length() > 256 ? "" : username,
                    LoginWords.Error.MISSING_FIELDS, request.get().uiLocales()));
            return;
        }
        String ip = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
        if (bruteForce.isBlocked(username, ip)) {
            pages.send(ctx, 429, pages.login(tx, ad.name(), username, LoginWords.Error.TOO_MANY_ATTEMPTS, request.get().uiLocales()));
            return;
        }
        BindResult result = ad.authenticate(username, password);
        AuthorizationRequest r = request.get();
        if (result.succeeded()) {
            DirectoryEntry entry = result.entry().orElseThrow();
            String userId = ad.userId(entry);
            state.transactions.remove(tx);
            if (users.isBlocked(userId)) {
                redirectError(ctx, r, "unauthorized", "user is blocked");
                return;
            }
            bruteForce.succeeded(username, ip);
            users.recordLogin(userId);
            TenantLog.login("s", ad.name(), username, ip, "universal login");
            Instant now = state.clock.instant();
            String session = state.sessions.put(new SsoSession(userId, now));
            ctx.response().addCookie(Cookie.cookie(SSO_COOKIE, session).setHttpOnly(true).setPath("/")
                    .setSameSite(CookieSameSite.LAX));
            postLogin.complete(ctx, r, userId, now, session, PostLoginFlow.Login.password(ad.name(), now));
            return;
        }
        AdBindCode code = result.failure().orElseThrow();
        TenantLog.login(code == AdBindCode.WRONG_PASSWORD ? "fp" : "f", ad.name(), username, ip, code.connectorMessage());
        if (code == AdBindCode.WRONG_PASSWORD || code == AdBindCode.ACCOUNT_LOCKED) {
            bruteForce.failed(username, ip, ad.name());
        }
        if (code == AdBindCode.WRONG_PASSWORD) {
            pages.send(ctx, 400, pages.login(tx, ad.name(), username, LoginWords.Error.WRONG_CREDENTIALS, r.uiLocales()));
            return;
        }
        state.transactions.remove(tx);
        redirectError(ctx, r, "access_denied", code.connectorMessage());
    }

    /** The authorize request's parameters, the first value of each, bounded as a request line is. */
    private static Map<String, String> query(HttpServerRequest req) {
        Map<String, String> query = new LinkedHashMap<>();
        req.params().forEach(e -> {
            if (query.size() < 64 && e.getValue().length() <= 2048) {
                query.putIfAbsent(e.getKey(), e.getValue());
            }
        });
        return java.util.Collections.unmodifiableMap(query);
    }

    private Optional<SsoSession> currentSession(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(SSO_COOKIE);
        return cookie == null ? Optional.empty() : state.sessions.get(cookie.getValue());
    }

    /** The code to the callback, in the request's response mode; {@code sessionId} becomes the ID token's sid. */
    static void redirectWithCode(TenantState state, RoutingContext ctx, AuthorizationRequest r, String userId,
            Instant authTime, String sessionId) {
        String code = state.codes.put(new CodeGrant(r, userId, authTime, sessionId));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("state", r.state());
        CallbackAnswer.send(ctx, r.redirectUri(), r.responseMode(), params);
    }

    static void redirectError(RoutingContext ctx, AuthorizationRequest r, String error, String description) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", r.state());
        CallbackAnswer.send(ctx, r.redirectUri(), r.responseMode(), params);
    }

    /** An error before the request is known valid: to the callback's query, the mode Auth0 falls back to. */
    static void redirectError(RoutingContext ctx, String redirectUri, String state, String error,
            String description) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", state);
        TenantHttp.redirect(ctx, TenantHttp.withQuery(redirectUri, params));
    }

    private String ssoId(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(SSO_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private void expired(RoutingContext ctx) {
        pages.send(ctx, 400, pages.error("This sign-in page has expired",
                "Go back to the application and start signing in again."));
    }
}
