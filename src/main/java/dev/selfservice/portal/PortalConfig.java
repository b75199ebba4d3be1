package dev.selfservice.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The portal's own settings. In production each comes from an environment variable named in {@code .env.sample};
 * the dev and test profiles point at the local tenant and need none.
 */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /** The portal's public base URL, without a trailing slash ({@code PORTAL_BASE_URL}). */
    String publicUrl();

    /** How employees reach the helpdesk, shown wherever self-service cannot help ({@code HELPDESK_CONTACT}). */
    @WithDefault("the IT helpdesk")
    String helpdesk();

    Auth0 auth0();

    interface Auth0 {
        /** The tenant's base URL, with a trailing slash: {@code https://<DOMAIN>/}. */
        String url();

        /** The portal's web application in the tenant ({@code CLIENT_ID}). */
        String clientId();

        /** The AD connection's name ({@code AD_CONNECTION}); sign-in is forced to it. */
        String adConnection();
    }
}
