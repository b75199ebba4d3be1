package dev.selfservice.support;

import org.eclipse.microprofile.config.ConfigProvider;

/** Where the portal and the local tenant of the running test application listen. */
public final class LocalTenantUrls {

    private LocalTenantUrls() {
    }

    public static String tenant() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("local-tenant.port", Integer.class) + "/";
    }

    public static String portal() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    public static final String DEMO_PASSWORD = "Start-Passw0rd!";
}
