package dev.selfservice.localtenant;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/** The short-lived state of the tenant's Authentication API, with Auth0's lifetimes. */
@ApplicationScoped
public class TenantState {

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(24);
    static final Duration ID_TOKEN_LIFETIME = Duration.ofHours(10);

    final Clock clock = Clock.systemUTC();
    /** A login page may be left open a while; Auth0's login transaction lasts about as long. */
    final Expiring<AuthorizationRequest> transactions = new Expiring<>(Duration.ofMinutes(30), clock);
    final Expiring<CodeGrant> codes = new Expiring<>(Duration.ofMinutes(5), clock);
    final Expiring<SsoSession> sessions = new Expiring<>(Duration.ofDays(3), clock);
    final Expiring<IssuedToken> accessTokens = new Expiring<>(ACCESS_TOKEN_LIFETIME, clock);
}
