package dev.selfservice.localtenant;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.selfservice.localtenant.directory.AdPasswordPolicy;
import dev.selfservice.localtenant.directory.Directory;
import dev.selfservice.localtenant.directory.DirectoryControls;
import dev.selfservice.localtenant.directory.DirectoryEntry;
import dev.selfservice.localtenant.directory.InMemoryDirectory;

/**
 * The embedded default directory: an in-memory AD domain {@code corp.example} with one demo user for each situation
 * the portal handles. The users' objectGUIDs are derived from their names, so their Auth0 ids stay the same across
 * restarts and resets.
 */
@ApplicationScoped
public class DemoDirectory {

    public static final List<String> DEMO_USERS = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace");

    private final LocalTenantConfig.DirectorySettings settings;
    private final InMemoryDirectory directory;

    public DemoDirectory(LocalTenantConfig config, TenantClock clock) {
        this.settings = config.directory();
        AdPasswordPolicy policy = new AdPasswordPolicy(settings.minPasswordLength(), settings.complexity(),
                settings.historyLength(), Duration.ZERO, settings.maxPasswordAge(), settings.lockoutThreshold(),
                settings.lockoutDuration(), settings.lockoutDuration());
        this.directory = new InMemoryDirectory(clock, policy);
        seed(directory, settings.demoPassword());
    }

    @Produces
    @ApplicationScoped
    Directory directory() {
        return directory;
    }

    @Produces
    @ApplicationScoped
    DirectoryControls controls() {
        return directory;
    }

    /** Back to the demo domain as it was at start. */
    public void reset() {
        directory.clear();
        seed(directory, settings.demoPassword());
    }

    static void seed(InMemoryDirectory directory, String password) {
        directory.addUser(entry("alice", "Alice", "Adams"), password);
        directory.addUser(entry("bob", "Bob", "Baker"), password);
        directory.addUser(entry("carol", "Carol", "Clark"), password);
        directory.addUser(entry("dave", "Dave", "Davis"), password);
        directory.addUser(entry("erin", "Erin", "Evans"), password);
        directory.addUser(entry("frank", "Frank", "Fisher"), password);
        directory.addUser(entry("grace", "Grace", "Green"), password);
        directory.expirePassword("carol");
        directory.requirePasswordChange("dave");
        directory.lock("erin");
        directory.setDisabled("frank", true);
    }

    static DirectoryEntry entry(String name, String given, String surname) {
        String display = given + " " + surname;
        String mail = name + "@corp.example";
        return new DirectoryEntry(UUID.nameUUIDFromBytes(("corp.example/" + name).getBytes(StandardCharsets.UTF_8)),
                name, display, given, surname, mail, mail, "CN=" + display + ",OU=Staff,DC=corp,DC=example",
                List.of("Domain Users"));
    }
}
