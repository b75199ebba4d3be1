package dev.selfservice.portal.signin;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.selfservice.portal.PortalConfig;

/** Auth0's {@code /v2/logout}, which ends the tenant's session in this browser and returns to a page of the portal. */
public final class TenantLogout {

    private TenantLogout() {
    }

    /** The logout URL that returns to {@code returnPath} on the public URL (a registered logout URL). */
    public static URI returningTo(PortalConfig config, String returnPath) {
        return URI.create(config.auth0().url() + "v2/logout?client_id="
                + URLEncoder.encode(config.auth0().clientId(), StandardCharsets.UTF_8)
                + "&returnTo=" + URLEncoder.encode(config.publicUrl() + returnPath, StandardCharsets.UTF_8));
    }
}
