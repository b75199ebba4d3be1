package dev.selfservice.localtenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.localtenant.directory.BindResult;
import dev.selfservice.localtenant.directory.Directory;
import dev.selfservice.localtenant.directory.DirectoryEntry;

/**
 * The tenant's AD connection, doing what Auth0 does with the AD/LDAP connector: it authenticates against the
 * directory, maps directory entries to Auth0 profiles ({@code ad|<connection>|<objectGUID>}), and keeps Auth0's own
 * per-user state, such as a block set by an administrator.
 */
@ApplicationScoped
public class AdConnection {

    private final Directory directory;
    private final String name;
    /** Auth0 user ids blocked by a tenant administrator ({@code blocked: true}), which no directory knows about. */
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();

    public AdConnection(Directory directory, LocalTenantConfig config) {
        this.directory = directory;
        this.name = config.adConnection();
        directory.find("grace").ifPresent(grace -> blocked.add(userId(grace)));
    }

    public String name() {
        return name;
    }

    public BindResult authenticate(String username, String password) {
        return directory.bind(username, password);
    }

    public String userId(DirectoryEntry entry) {
        return "ad|" + name + "|" + entry.objectGuid();
    }

    public boolean isBlocked(String userId) {
        return blocked.contains(userId);
    }

    public void setBlocked(String userId, boolean value) {
        if (value) {
            blocked.add(userId);
        } else {
            blocked.remove(userId);
        }
    }

    /** Finds the directory entry behind an Auth0 user id of this connection. */
    public Optional<DirectoryEntry> findByUserId(String userId) {
        String prefix = "ad|" + name + "|";
        if (userId == null || !userId.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return directory.findByGuid(UUID.fromString(userId.substring(prefix.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The profile the connector's default profile mapper produces, as Auth0 stores and returns it. */
    public Map<String, Object> profile(DirectoryEntry entry) {
        String userId = userId(entry);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("user_id", userId);
        p.put("email", entry.mail());
        p.put("email_verified", false);
        p.put("name", entry.displayName());
        p.put("given_name", entry.givenName());
        p.put("family_name", entry.surname());
        p.put("nickname", entry.sAMAccountName());
        p.put("sAMAccountName", entry.sAMAccountName());
        p.put("userPrincipalName", entry.userPrincipalName());
        p.put("dn", entry.distinguishedName());
        p.put("groups", entry.groups());
        p.put("blocked", isBlocked(userId));
        p.put("identities", List.of(Map.of("provider", "ad", "user_id", name + "|" + entry.objectGuid(),
                "connection", name, "isSocial", false)));
        return p;
    }
}
