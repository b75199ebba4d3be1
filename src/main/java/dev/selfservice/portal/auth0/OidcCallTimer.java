package dev.selfservice.portal.auth0;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.portal.web.OutsideWait;
import dev.selfservice.portal.web.OutsideWait.Service;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcRequestFilter;
import io.quarkus.oidc.common.OidcResponseFilter;

/**
 * The calls quarkus-oidc and quarkus-oidc-client make to Auth0 (the sign-in's code exchange, discovery, keys, the
 * machine-to-machine token), added to the request's {@link OutsideWait}: they do not pass the facades. The two filters
 * meet through the call's own context properties; a call that never answers is not added (its failure is timed by
 * the facade around it, if any).
 */
@ApplicationScoped
@Unremovable // found by quarkus-oidc at run time, not injected anywhere
class OidcCallTimer implements OidcRequestFilter, OidcResponseFilter {

    private static final String WAIT = "portal.auth0-wait";
    private static final String START = "portal.auth0-wait.start";

    @Override
    public void filter(OidcRequestContext request) {
        OutsideWait wait = OutsideWait.current();
        if (wait != null) {
            request.contextProperties().put(WAIT, wait).put(START, System.nanoTime());
        }
    }

    @Override
    public void filter(OidcResponseContext response) {
        OutsideWait wait = response.requestProperties().get(WAIT);
        Long start = response.requestProperties().get(START);
        if (wait != null && start != null) {
            wait.addUnlessInside(Service.AUTH0, System.nanoTime() - start);
        }
    }
}
