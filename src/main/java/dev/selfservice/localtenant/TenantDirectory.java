package dev.selfservice.localtenant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import dev.selfservice.localtenant.directory.AdPasswordPolicy;
import dev.selfservice.localtenant.directory.Directory;
import dev.selfservice.localtenant.directory.DirectoryControls;
import dev.selfservice.localtenant.directory.DirectoryEntry;
import dev.selfservice.localtenant.directory.InMemoryDirectory;
import dev.selfservice.localtenant.directory.LdapDirectory;
import dev.selfservice.localtenant.directory.LdapSettings;

/**
 * The directory behind the AD connection. By default an in-memory AD domain {@code corp.example} with one demo user
 * for each situation the portal handles (their objectGUIDs derive from their names, so their Auth0 ids stay the same
 * across restarts and resets); with {@code local-tenant.directory.ldap.url} set, a real AD over LDAPS.
 */
@ApplicationScoped
class TenantDirectory {

    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);

    private final LocalTenantConfig.DirectorySettings settings;
    private final InMemoryDirectory inMemory;
    private final LdapDirectory ldap;

    public TenantDirectory(LocalTenantConfig config, TenantClock clock) {
        this.settings = config.directory();
        if (settings.ldap().isPresent()) {
            LocalTenantConfig.Ldap l = settings.ldap().get();
            LdapSettings ldapSettings = new LdapSettings(l.url(), l.bindDn(), l.bindPassword(), l.baseDn(),
                    l.caFile().map(Path::of), l.userFilter().orElse("(sAMAccountName={0})"),
                    l.connectTimeout().orElse(Duration.ofSeconds(5)), l.responseTimeout().orElse(Duration.ofSeconds(10)),
                    l.poolSize().orElse(4));
            this.ldap = new LdapDirectory(ldapSettings, clock);
            this.inMemory = null;
            LOG.infof("AD connection backed by the directory at %s (base %s)", l.url(), l.baseDn());
        } else {
            AdPasswordPolicy policy = new AdPasswordPolicy(settings.minPasswordLength(), settings.complexity(),
                    settings.historyLength(), Duration.ZERO, settings.maxPasswordAge(), settings.lockoutThreshold(),
                    settings.lockoutDuration(), settings.lockoutDuration());
            this.inMemory = new InMemoryDirectory(clock, policy);
            this.ldap = null;
            seed(inMemory, settings.demoPassword(), settings.generatedUsers());
        }
    }

    @Produces
    @ApplicationScoped
    Directory directory() {
        return ldap != null ? ldap : inMemory;
    }

    @Produces
    @ApplicationScoped
    DirectoryControls controls() {
        return ldap != null ? ldap : inMemory;
    }

    /** Back to the demo domain as it was at start. A real directory is reset by its own tooling, not here. */
    public void reset() {
        if (inMemory != null) {
            inMemory.clear();
            seed(inMemory, settings.demoPassword(), settings.generatedUsers());
        }
    }

    /**
     * Adds {@code count} plain employees {@code <prefix>00001}... (a test of a large domain), each with the demo
     * password and a work address; answers them in order. In-memory model only: a real AD is filled by its tooling.
     */
    public List<DirectoryEntry> generate(String prefix, int count) {
        if (inMemory == null) {
            throw new UnsupportedOperationException("employees are generated in the in-memory directory only");
        }
        List<DirectoryEntry> added = new java.util.ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String n = String.format("%05d", i);
            DirectoryEntry e = entry(prefix + n, "Employee", prefix.toUpperCase(java.util.Locale.ROOT) + " " + n);
            inMemory.addUser(e, settings.demoPassword());
            added.add(e);
        }
        return added;
    }

    @PreDestroy
    void close() {
        if (ldap != null) {
            ldap.close();
        }
    }

    static void seed(InMemoryDirectory directory, String password, int generatedUsers) {
        seed(directory, password);
        for (int i = 1; i <= generatedUsers; i++) {
            String n = String.format("%03d", i);
            directory.addUser(entry("employee" + n, "Employee", "No. " + n), password);
        }
    }

    static void seed(InMemoryDirectory directory, String password) {
        directory.addUser(entry("alice", "Alice", "Adams"), password);
        directory.addUser(entry("bob", "Bob", "Baker"), password);
        directory.addUser(entry("carol", "Carol", "Clark"), password);
        directory.addUser(entry("dave", "Dave", "Davis"), password);
        directory.addUser(entry("erin", "Erin", "Evans"), password);
        directory.addUser(entry("frank", "Frank", "Fisher"), password);
        directory.addUser(entry("grace", "Grace", "Green"), password);
        // staff: the helpdesk and the reports roles come from these groups (the portal's portal.staff settings)
        directory.addUser(entry("helen", "Helen", "Hughes", "IT Helpdesk"), password);
        directory.addUser(entry("rita", "Rita", "Reed", "IT Reports"), password);
        directory.expirePassword("carol");
        directory.requirePasswordChange("dave");
        directory.lock("erin");
        directory.setDisabled("frank", true);
    }

    static DirectoryEntry entry(String name, String given, String surname, String... groups) {
        String display = given + " " + surname;
        String mail = name + "@corp.example";
        List<String> memberOf = new java.util.ArrayList<>(List.of("Domain Users"));
        memberOf.addAll(List.of(groups));
        return new DirectoryEntry(UUID.nameUUIDFromBytes(("corp.example/" + name).getBytes(StandardCharsets.UTF_8)),
                name, display, given, surname, mail, mail, "CN=" + display + ",OU=Staff,DC=corp,DC=example",
                List.copyOf(memberOf));
    }
}
