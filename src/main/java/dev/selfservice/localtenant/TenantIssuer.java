package dev.selfservice.localtenant;

import jakarta.enterprise.context.ApplicationScoped;

/** The tenant's base URL, which is also its issuer: with a trailing slash, as Auth0's {@code https://DOMAIN/}. */
@ApplicationScoped
public class TenantIssuer {

    private final String url;

    public TenantIssuer(LocalTenantConfig config) {
        this.url = "http://" + config.host() + ":" + config.port() + "/";
    }

    public String url() {
        return url;
    }

    public String url(String path) {
        return url + path;
    }
}
