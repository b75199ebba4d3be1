package dev.selfservice.localtenant;

import jakarta.enterprise.context.ApplicationScoped;

/** The tenant's base URL, which is also its issuer: with a trailing slash, as Auth0's {@code https://DOMAIN/}. */
@ApplicationScoped
class TenantIssuer {

    private final String url;
    private final java.util.Set<String> apis;
    /**
     * The issuer the tenant names in its tokens and discovery document when a test sets one: a tenant reached under
     * one domain that issues under another (a custom domain set up after the portal was), as Auth0 can be.
     */
    private volatile String issuesAs;

    public TenantIssuer(LocalTenantConfig config) {
        this.url = "http://" + config.host() + ":" + config.port() + "/";
        this.apis = java.util.Set.copyOf(config.apis().orElse(java.util.List.of()));
    }

    /** Whether an {@code audience} names an API of this tenant: the Management API or one configured. */
    boolean knowsAudience(String audience) {
        return audience.equals(managementAudience()) || apis.contains(audience);
    }

    public String url() {
        return url;
    }

    /** The {@code iss} of its tokens and its discovery document: its base URL unless a test set another. */
    public String claim() {
        String other = issuesAs;
        return other != null ? other : url;
    }

    void issueAs(String other) {
        issuesAs = other;
    }

    void reset() {
        issuesAs = null;
    }

    /** The Management API's audience: the tenant's base URL and {@code api/v2/}, as Auth0's. */
    public String managementAudience() {
        return url + "api/v2/";
    }

    public String url(String path) {
        return url + path;
    }
}
