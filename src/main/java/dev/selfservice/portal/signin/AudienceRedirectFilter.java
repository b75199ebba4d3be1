package dev.selfservice.portal.signin;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;

/**
 * Adds {@code audience} to the authorize redirect when one is configured; a fixed extra-param cannot be optional.
 * quarkus-oidc looks filters up at run time, so the bean is kept although nothing injects it.
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class AudienceRedirectFilter implements OidcRedirectFilter {

    private final PortalConfig config;

    public AudienceRedirectFilter(PortalConfig config) {
        this.config = config;
    }

    @Override
    public void filter(OidcRedirectContext context) {
        config.auth0().audience().filter(a -> !a.isBlank())
                .ifPresent(audience -> context.additionalQueryParams().add("audience", audience));
    }
}
