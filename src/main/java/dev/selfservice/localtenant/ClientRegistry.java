package dev.selfservice.localtenant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/** The applications of the local tenant, from configuration. */
@ApplicationScoped
class ClientRegistry {

    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    public static final String PASSWORD = "password";
    public static final String PASSWORD_REALM = "http://auth0.com/oauth/grant-type/password-realm";
    public static final String PASSWORDLESS_OTP = "http://auth0.com/oauth/grant-type/passwordless/otp";

    /** Grants Auth0 knows: one a client may not use is {@code unauthorized_client}, any other is unsupported. */
    static final Set<String> KNOWN_GRANTS = Set.of(AUTHORIZATION_CODE, CLIENT_CREDENTIALS, PASSWORD, PASSWORD_REALM,
            PASSWORDLESS_OTP, "refresh_token", "implicit", "urn:ietf:params:oauth:grant-type:device_code",
            "http://auth0.com/oauth/grant-type/mfa-otp", "http://auth0.com/oauth/grant-type/mfa-oob",
            "http://auth0.com/oauth/grant-type/mfa-recovery-code");

    /** The applications as configured; {@link #reset} goes back to them. */
    private final Map<String, TenantClient> configured;
    /** The applications as they are now: tests change grants and enabled connections as an administrator would. */
    private final Map<String, TenantClient> clients = new java.util.concurrent.ConcurrentHashMap<>();

    public ClientRegistry(LocalTenantConfig config) {
        LocalTenantConfig.WebClient web = config.webClient();
        // a Regular Web Application with the Authorization Code and Password grants, only the AD connection, and
        // "Trust Token Endpoint IP Header" on
        TenantClient portal = new TenantClient(web.id(), web.secret(), web.callbacks(), web.logoutUrls(),
                Set.of(AUTHORIZATION_CODE, PASSWORD, PASSWORD_REALM), webConnections(config), true, List.of());
        // the application for one-time codes: only the passwordless connections, only their grant
        LocalTenantConfig.OtpClient otp = config.otpClient();
        TenantClient codes = new TenantClient(otp.id(), otp.secret(), List.of(), List.of(), Set.of(PASSWORDLESS_OTP),
                Set.of(PasswordlessConnection.EMAIL, PasswordlessConnection.SMS), false, List.of());
        LocalTenantConfig.M2mClient m2m = config.m2mClient();
        TenantClient management = new TenantClient(m2m.id(), m2m.secret(), List.of(), List.of(),
                Set.of(CLIENT_CREDENTIALS), Set.of(), false, List.copyOf(m2m.scopes()));
        this.configured = Map.of(portal.clientId(), portal, codes.clientId(), codes, management.clientId(), management);
        reset();
    }

    public void reset() {
        clients.clear();
        clients.putAll(configured);
    }

    /** Registers another application (until the reset), as an administrator adds one in the dashboard. */
    void register(TenantClient client) {
        clients.putIfAbsent(client.clientId(), client);
    }

    /** Replaces the Management API scopes granted to a client (its client grant), as the dashboard does. */
    void grantScopes(String clientId, List<String> scopes) {
        clients.computeIfPresent(clientId, (id, c) -> new TenantClient(c.clientId(), c.secret(), c.callbacks(),
                c.logoutUrls(), c.grantTypes(), c.connections(), c.trustsForwardedFor(), List.copyOf(scopes)));
    }

    /** Enables or disables a connection for a client (Applications > Connections in the dashboard). */
    void enableConnection(String connection, String clientId, boolean enabled) {
        clients.computeIfPresent(clientId, (id, c) -> {
            Set<String> connections = new java.util.HashSet<>(c.connections());
            if (enabled) {
                connections.add(connection);
            } else {
                connections.remove(connection);
            }
            return new TenantClient(c.clientId(), c.secret(), c.callbacks(), c.logoutUrls(), c.grantTypes(),
                    Set.copyOf(connections), c.trustsForwardedFor(), c.apiScopes());
        });
    }

    /** The clients a connection is enabled for, in a stable order. */
    List<String> clientsWith(String connection) {
        return clients.values().stream().filter(c -> c.connections().contains(connection)).map(TenantClient::clientId)
                .sorted().toList();
    }

    private static Set<String> webConnections(LocalTenantConfig config) {
        Set<String> connections = new java.util.HashSet<>(Set.of(config.adConnection()));
        config.webClient().extraConnections().ifPresent(extra -> extra.stream().map(String::trim)
                .filter(PasswordlessConnection::isPasswordless).forEach(connections::add));
        return Set.copyOf(connections);
    }

    /**
     * The origins of every registered callback and logout URL: where Auth0's hosted pages may send the browser after
     * a form post, and nowhere else.
     */
    public Set<String> redirectOrigins() {
        Set<String> origins = new java.util.TreeSet<>();
        clients.values().forEach(c -> {
            c.callbacks().forEach(url -> TenantHttp.origin(url).ifPresent(origins::add));
            c.logoutUrls().forEach(url -> TenantHttp.origin(url).ifPresent(origins::add));
        });
        return origins;
    }


    public Optional<TenantClient> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }
}
