package dev.selfservice.portal.auth0;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;

import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.reactive.filter.runtime.AbstractOidcClientRequestReactiveFilter;
import io.smallrye.mutiny.Uni;

/**
 * Puts the Management API's machine-to-machine token on every call of {@link ManagementApi}:
 * quarkus-rest-client-oidc-filter's filter for the {@code auth0-management} oidc-client (client credentials with
 * Auth0's {@code audience}), which fetches the token once, keeps it until shortly before it expires and never logs it.
 * It is extended, as Quarkus documents for a named client, for two things the plain {@code @OidcClientFilter} does not
 * give: the token's answer itself ({@link #tokens()}, whose {@code scope} the tenant's self-check reads, so the check
 * and the calls share one token), and a new token for the next call after Auth0 refused the current one
 * ({@link #renewForNextCall()}; the library's own {@code refresh-on-unauthorized} does the same, but only from its
 * response filter, while the retry of the refused call is the facade's decision).
 */
@Singleton
@Priority(Priorities.AUTHENTICATION)
class ManagementTokenFilter extends AbstractOidcClientRequestReactiveFilter {

    static final String CLIENT = "auth0-management";

    private volatile boolean renew;

    @Override
    protected Optional<String> clientId() {
        return Optional.of(CLIENT);
    }

    /** The token the next call will send (fetched if none is held). */
    Uni<Tokens> tokens() {
        return getTokens();
    }

    /** Auth0 refused the token (revoked, signing key rotated): the next call fetches a new one first. */
    void renewForNextCall() {
        renew = true;
    }

    @Override
    protected boolean isForceNewTokens() {
        if (renew) {
            renew = false;
            return true;
        }
        return super.isForceNewTokens();
    }
}
