package dev.selfservice.localtenant;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the local tenant, the Auth0-compatible server that replaces Auth0 in dev mode and tests. Every setting
 * has a default, so that {@code ./mvnw quarkus:dev} needs none.
 */
@ConfigMapping(prefix = "local-tenant")
public interface LocalTenantConfig {

    /** Whether the local tenant starts at all (dev and test builds only; a production build has no local tenant). */
    @WithDefault("true")
    boolean enabled();

    /** The port it listens on, at the root: the portal's "Auth0 domain" is {@code localhost:<port>}. */
    @WithDefault("8180")
    int port();

    /** The host name in its issuer and URLs. It always listens on the loopback address only. */
    @WithDefault("localhost")
    String host();

    /** The name of the AD connection, as the connection name in an Auth0 tenant. */
    @WithDefault("corp-ad")
    String adConnection();

    WebClient webClient();

    DirectorySettings directory();

    /** The portal's web client (a Regular Web Application in Auth0 terms). */
    interface WebClient {
        @WithDefault("portal-dev")
        String id();

        @WithDefault("portal-dev-secret")
        String secret();

        /** Allowed callback URLs. */
        @WithDefault("http://localhost:8080/callback")
        List<String> callbacks();

        /** Allowed logout URLs ({@code returnTo} of {@code /v2/logout}). */
        @WithDefault("http://localhost:8080/")
        List<String> logoutUrls();
    }

    /** The domain policy of the in-memory AD model. */
    interface DirectorySettings {
        @WithDefault("8")
        int minPasswordLength();

        @WithDefault("true")
        boolean complexity();

        @WithDefault("5")
        int historyLength();

        @WithDefault("42D")
        Duration maxPasswordAge();

        @WithDefault("5")
        int lockoutThreshold();

        /** How long a lockout lasts; zero locks until an administrator (or a reset with auto-unlock) unlocks. */
        @WithDefault("30M")
        Duration lockoutDuration();

        /** The demo users' password. */
        @WithDefault("Start-Passw0rd!")
        String demoPassword();
    }
}
