package dev.selfservice.localtenant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /passwordless/start} with {@code send=code}: checks the client, the connection and the address as Auth0
 * does, issues a new code and delivers it to the outbox. The answer is Auth0's: {@code {_id, email, email_verified}}
 * or {@code {_id, phone_number, phone_verified, request_language}}.
 */
@ApplicationScoped
class PasswordlessStartEndpoint implements TenantEndpoint {

    private static final Set<String> ALLOWED = Set.of("client_id", "client_secret", "client_assertion",
            "client_assertion_type", "connection", "email", "phone_number", "send", "authParams");

    private final ClientRegistry clients;
    private final TenantUsers users;
    private final PasswordlessCodes codes;
    private final Outbox outbox;
    private final AdConnection ad;
    private final TenantClock clock;

    PasswordlessStartEndpoint(ClientRegistry clients, TenantUsers users, PasswordlessCodes codes, Outbox outbox,
            AdConnection ad, TenantClock clock) {
        this.clock = clock;
        this.clients = clients;
        this.users = users;
        this.codes = codes;
        this.outbox = outbox;
        this.ad = ad;
    }

    @Override
    public void register(Router router) {
        router.post("/passwordless/start").blockingHandler(this::start, false);
    }

    private void start(RoutingContext ctx) {
        JsonObject body = TenantHttp.bodyObject(ctx);
        Set<String> unknown = new TreeSet<>(body.fieldNames());
        unknown.removeAll(ALLOWED);
        if (!unknown.isEmpty()) {
            TenantHttp.oauthError(ctx, 400, "bad.request", "the following properties are not allowed: "
                    + String.join(", ", unknown));
            return;
        }
        Optional<TenantClient> client = clients.find(TenantHttp.str(body, "client_id"));
        if (client.isEmpty()) {
            TenantHttp.oauthError(ctx, 400, "bad.client_id", "Missing required property: client_id");
            return;
        }
        if (!client.get().secretMatches(TenantHttp.str(body, "client_secret"))) {
            TenantHttp.oauthError(ctx, 401, "access_denied", "Unauthorized");
            return;
        }
        String connection = TenantHttp.str(body, "connection");
        if (connection == null || !(PasswordlessConnection.isPasswordless(connection) || connection.equals(ad.name()))) {
            TenantHttp.oauthError(ctx, 400, "bad.connection", "Connection does not exist");
            return;
        }
        if (!PasswordlessConnection.isPasswordless(connection)) {
            TenantHttp.oauthError(ctx, 400, "bad.connection",
                    "Invalid connection strategy. It must either be a passwordless connection");
            return;
        }
        if (!client.get().connections().contains(connection)) {
            TenantHttp.oauthError(ctx, 400, "bad.connection", "Connection is disabled");
            return;
        }
        // Auth0's default is a magic link for email, a code for SMS
        String send = Optional.ofNullable(TenantHttp.str(body, "send"))
                .orElse(connection.equals(PasswordlessConnection.EMAIL) ? "link" : "code");
        if (!send.equals("code")) {
            // Auth0 would send a magic link; the portal never asks for one, and the local tenant does not send them
            TenantHttp.oauthError(ctx, 400, "bad.request", "the local tenant sends codes only: use send=code");
            return;
        }
        boolean email = connection.equals(PasswordlessConnection.EMAIL);
        String address = TenantHttp.str(body, email ? "email" : "phone_number");
        if (email && !PasswordlessConnection.validEmail(address)) {
            TenantHttp.oauthError(ctx, 400, "bad.email", "email is invalid: " + (address == null ? "" : "\"" + address + "\""));
            return;
        }
        if (!email && !PasswordlessConnection.validPhone(address)) {
            TenantHttp.oauthError(ctx, 400, "bad.phone_number",
                    "String does not match pattern: " + PasswordlessConnection.PHONE_PATTERN);
            return;
        }
        Sent sent = sendCode(connection, address);

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("_id", sent.id());
        if (email) {
            answer.put("email", sent.address());
            answer.put("email_verified", sent.known());
        } else {
            answer.put("phone_number", sent.address());
            answer.put("phone_verified", sent.known());
            answer.put("request_language", null);
        }
        TenantHttp.json(ctx, 200, answer);
    }

    /** A code sent: to which address (normalised), for which passwordless user id, and whether that user exists. */
    record Sent(String address, String id, boolean known) {
    }

    /** Issues a code for a valid address (a new one replaces the last) and delivers it to the outbox. */
    Sent sendCode(String connection, String validAddress) {
        String address = PasswordlessConnection.normalise(connection, validAddress);
        Optional<String> existing = users.findPasswordless(connection, address);
        String id = existing.map(u -> u.substring(connection.length() + 1)).orElseGet(TenantUsers::newPasswordlessId);
        String code = codes.issue(connection, address, id);
        outbox.deliver(Outbox.Message.code(connection, address, code, clock.instant()));
        TenantLog.code("cs", connection, address, "code sent to the outbox");
        return new Sent(address, id, existing.isPresent());
    }
}
