package dev.selfservice.localtenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tenant's connections as the Management API shows them: the AD connection (strategy {@code ad}) and the
 * passwordless {@code email} and {@code sms}. Which applications each is enabled for is kept by the
 * {@link ClientRegistry}; here is only what exists, and whether the AD connector is online. Tests delete a connection
 * or take the connector offline as an administrator or a network would.
 */
@ApplicationScoped
class TenantConnections {

    record Connection(String id, String name, String strategy) {
    }

    private final String adConnection;
    private final ClientRegistry clients;
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private volatile boolean connectorOnline = true;

    TenantConnections(LocalTenantConfig config, ClientRegistry clients) {
        this.adConnection = config.adConnection();
        this.clients = clients;
    }

    List<Connection> all() {
        return List.of(connection(adConnection, "ad"), connection(PasswordlessConnection.EMAIL, "email"),
                connection(PasswordlessConnection.SMS, "sms")).stream().filter(c -> !deleted.contains(c.name()))
                .toList();
    }

    Optional<Connection> byId(String id) {
        return all().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The ids of the applications the connection is enabled for. */
    List<String> enabledClients(Connection connection) {
        return clients.clientsWith(connection.name());
    }

    /**
     * Whether the connection answers its status check: for an AD connection, whether a connector is connected. Auth0
     * documents the check for AD/LDAP connections only; for others the tenant answers online (unverified: the safer
     * reading for a check is that there is nothing to be offline).
     */
    boolean online(Connection connection) {
        return !"ad".equals(connection.strategy()) || connectorOnline;
    }

    /** Deleting a connection also disables it for every application, as in Auth0. */
    void delete(String name) {
        deleted.add(name);
        clients.clientsWith(name).forEach(client -> clients.enableConnection(name, client, false));
    }

    void connectorOnline(boolean online) {
        connectorOnline = online;
    }

    void reset() {
        deleted.clear();
        connectorOnline = true;
    }

    private static Connection connection(String name, String strategy) {
        return new Connection("con_" + shortHash(name), name, strategy);
    }

    /** A stable id per name, shaped like Auth0's {@code con_} plus 16 characters. */
    private static String shortHash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
