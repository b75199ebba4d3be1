package dev.selfservice.localtenant;

import java.time.Clock;
import java.time.Duration;

import jakarta.inject.Singleton;

/** The short-lived state of the tenant's Authentication API, with Auth0's lifetimes. A singleton: its fields are read directly, which a client proxy would hide. */
@Singleton
class TenantState {

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(24);
    static final Duration ID_TOKEN_LIFETIME = Duration.ofHours(10);

    final Clock clock;
    /** A login page may be left open a while; Auth0's login transaction lasts about as long. */
    final Expiring<AuthorizationRequest> transactions;
    final Expiring<CodeGrant> codes;
    final Expiring<SsoSession> sessions;
    final Expiring<IssuedToken> accessTokens;
    /** Logins an Action sent elsewhere, under the {@code state} they resume with at {@code /continue}. */
    final Expiring<SuspendedLogin> redirects;

    TenantState(TenantClock clock) {
        this.clock = clock;
        this.transactions = new Expiring<>(Duration.ofMinutes(30), clock);
        this.codes = new Expiring<>(Duration.ofMinutes(5), clock);
        this.sessions = new Expiring<>(Duration.ofDays(3), clock);
        this.accessTokens = new Expiring<>(ACCESS_TOKEN_LIFETIME, clock);
        // as long as a login transaction: the site an Action sends the employee to may take a few minutes
        this.redirects = new Expiring<>(Duration.ofMinutes(30), clock);
    }

    void reset() {
        transactions.clear();
        codes.clear();
        sessions.clear();
        accessTokens.clear();
        redirects.clear();
    }
}
