package dev.selfservice.localtenant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.localtenant.directory.BindResult;
import dev.selfservice.localtenant.directory.Directory;
import dev.selfservice.localtenant.directory.DirectoryEntry;
import dev.selfservice.localtenant.directory.PasswordRefusal;

/**
 * The tenant's AD connection, doing what the AD/LDAP connector does for Auth0: it authenticates against the
 * directory, writes passwords back, and maps directory entries to the connector's profile, whose id is
 * {@code ad|<connection>|<objectGUID>}.
 */
@ApplicationScoped
class AdConnection {

    private final Directory directory;
    private final String name;

    public AdConnection(Directory directory, LocalTenantConfig config) {
        this.directory = directory;
        this.name = config.adConnection();
    }

    public String name() {
        return name;
    }

    public Directory directory() {
        return directory;
    }

    public BindResult authenticate(String username, String password) {
        return directory.bind(username, password);
    }

    /** The connector's write-back: an administrator's reset, with {@code lockoutTime=0} when auto-unlock is on. */
    public void setPassword(DirectoryEntry entry, String password, boolean unlock) throws PasswordRefusal {
        directory.resetPassword(entry.sAMAccountName(), password, unlock);
    }

    public String userId(DirectoryEntry entry) {
        return "ad|" + name + "|" + entry.objectGuid();
    }

    public boolean owns(String userId) {
        return userId != null && userId.startsWith("ad|" + name + "|");
    }

    /** Finds the directory entry behind an Auth0 user id of this connection. */
    public Optional<DirectoryEntry> findByUserId(String userId) {
        if (!owns(userId)) {
            return Optional.empty();
        }
        try {
            return directory.findByGuid(UUID.fromString(userId.substring(("ad|" + name + "|").length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The root attributes the connector's default profile mapper gives Auth0. */
    public Map<String, Object> attributes(DirectoryEntry entry) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("user_id", userId(entry));
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
        return p;
    }
}
