package dev.selfservice.localtenant;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Universal Login's passwordless steps for {@code /authorize} with {@code connection=email} or {@code sms}: the
 * address, then the code sent there. A code of a contact linked to another account signs in as that account, as in
 * Auth0; which is why the portal's web application must not have these connections enabled (it has not, and
 * {@code /authorize} refuses them for it).
 */
@ApplicationScoped
class PasswordlessLoginEndpoint implements TenantEndpoint {

    private final ClientRegistry clients;
    private final TenantUsers users;
    private final PasswordlessCodes codes;
    private final PasswordlessStartEndpoint sender;
    private final TenantState state;
    private final TenantPages pages;
    private final PostLoginFlow postLogin;

    PasswordlessLoginEndpoint(ClientRegistry clients, TenantUsers users, PasswordlessCodes codes,
            PasswordlessStartEndpoint sender, TenantState state, TenantPages pages, PostLoginFlow postLogin) {
        this.postLogin = postLogin;
        this.clients = clients;
        this.users = users;
        this.codes = codes;
        this.sender = sender;
        this.state = state;
        this.pages = pages;
    }

    @Override
    public void register(Router router) {
        router.get("/u/passwordless").handler(this::addressPage);
        router.post("/u/passwordless/start").blockingHandler(this::start, false);
        router.post("/u/passwordless/verify").blockingHandler(this::verify, false);
    }

    /** The transaction and its connection, if both are still good and the connection is enabled for its client. */
    private Optional<AuthorizationRequest> transaction(String tx, String connection) {
        return state.transactions.get(tx).filter(r -> PasswordlessConnection.isPasswordless(connection)
                && clients.find(r.clientId()).map(c -> c.connections().contains(connection)).orElse(false));
    }

    private void addressPage(RoutingContext ctx) {
        String tx = ctx.request().getParam("state");
        String connection = ctx.request().getParam("connection");
        if (transaction(tx, connection).isEmpty()) {
            expired(ctx);
            return;
        }
        pages.send(ctx, 200, pages.passwordless(tx, connection, "", false, null));
    }

    private void start(RoutingContext ctx) {
        String tx = ctx.request().getFormAttribute("state");
        String connection = ctx.request().getFormAttribute("connection");
        if (transaction(tx, connection).isEmpty()) {
            expired(ctx);
            return;
        }
        String address = Optional.ofNullable(ctx.request().getFormAttribute("address")).orElse("").trim();
        boolean valid = PasswordlessConnection.EMAIL.equals(connection) ? PasswordlessConnection.validEmail(address)
                : PasswordlessConnection.validPhone(address);
        if (!valid) {
            pages.send(ctx, 400, pages.passwordless(tx, connection, address.length() > 256 ? "" : address, false,
                    "Enter a valid " + (PasswordlessConnection.EMAIL.equals(connection) ? "email address." : "phone number.")));
            return;
        }
        sender.sendCode(connection, address);
        pages.send(ctx, 200, pages.passwordless(tx, connection, PasswordlessConnection.normalise(connection, address), true, null));
    }

    private void verify(RoutingContext ctx) {
        String tx = ctx.request().getFormAttribute("state");
        String connection = ctx.request().getFormAttribute("connection");
        Optional<AuthorizationRequest> request = transaction(tx, connection);
        if (request.isEmpty()) {
            expired(ctx);
            return;
        }
        String address = Optional.ofNullable(ctx.request().getFormAttribute("address")).orElse("");
        PasswordlessCodes.Check check = codes.check(connection, address, ctx.request().getFormAttribute("code"));
        TenantLog.code(check.outcome() == PasswordlessCodes.Outcome.ACCEPTED ? "sco" : "fco", connection, address,
                "universal login: " + check.outcome().name().toLowerCase(Locale.ROOT));
        if (check.outcome() != PasswordlessCodes.Outcome.ACCEPTED) {
            pages.send(ctx, 400, pages.passwordless(tx, connection, address, true, "Wrong or expired code."));
            return;
        }
        state.transactions.remove(tx);
        String primary = users.primaryOf(users.signUpPasswordless(connection, address, check.pendingId()));
        AuthorizationRequest r = request.get();
        if (users.isBlocked(primary)) {
            AuthorizeEndpoint.redirectError(ctx, r, "unauthorized", "user is blocked");
            return;
        }
        users.recordLogin(primary);
        // no tenant session for a sign-in with a code (so no sid): whether Auth0 would let a later AD sign-in ride on
        // it is not documented, and the safer reading is that the AD password is asked for again
        Instant now = state.clock.instant();
        postLogin.complete(ctx, r, primary, now, null, new PostLoginFlow.Login(connection, connection, connection, now));
    }

    private void expired(RoutingContext ctx) {
        pages.send(ctx, 400, pages.error("This sign-in page has expired",
                "Go back to the application and start signing in again."));
    }
}
