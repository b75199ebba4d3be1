package dev.selfservice.localtenant;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.selfservice.localtenant.directory.AdPasswordPolicy;
import dev.selfservice.localtenant.directory.Directory;
import dev.selfservice.localtenant.directory.DirectoryEntry;
import dev.selfservice.localtenant.directory.InMemoryDirectory;

/**
 * The embedded default directory: an in-memory AD domain {@code corp.example} with one demo user for each situation
 * the portal handles. The users' objectGUIDs are derived from their names, so their Auth0 ids stay the same across
 * restarts.
 */
@ApplicationScoped
public class DemoDirectory {

    public static final List<String> DEMO_USERS = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace");

    @Produces
    @ApplicationScoped
    Directory directory(LocalTenantConfig config) {
        return create(config.directory(), Clock.systemUTC());
    }

    static InMemoryDirectory create(LocalTenantConfig.DirectorySettings settings, Clock clock) {
        AdPasswordPolicy policy = new AdPasswordPolicy(settings.minPasswordLength(), settings.complexity(),
                settings.historyLength(), Duration.ZERO, settings.maxPasswordAge(), settings.lockoutThreshold(),
                settings.lockoutDuration(), settings.lockoutDuration());
        InMemoryDirectory directory = new InMemoryDirectory(clock, policy);
        String password = settings.demoPassword();
        directory.addUser(entry("alice", "Alice", "Adams"), password);
        directory.addUser(entry("bob", "Bob", "Baker"), password);
        directory.addUser(entry("carol", "Carol", "Clark"), password);
        directory.addUser(entry("dave", "Dave", "Davis"), password);
        directory.addUser(entry("erin", "Erin", "Evans"), password);
        directory.addUser(entry("frank", "Frank", "Fisher"), password);
        directory.addUser(entry("grace", "Grace", "Green"), password);
        if (!settings.maxPasswordAge().isZero()) {
            directory.setPasswordLastSet("carol", clock.instant().minus(settings.maxPasswordAge()).minus(Duration.ofDays(1)));
        }
        directory.requirePasswordChange("dave");
        directory.lock("erin");
        directory.setDisabled("frank", true);
        return directory;
    }

    static DirectoryEntry entry(String name, String given, String surname) {
        String display = given + " " + surname;
        String mail = name + "@corp.example";
        return new DirectoryEntry(UUID.nameUUIDFromBytes(("corp.example/" + name).getBytes(StandardCharsets.UTF_8)),
                name, display, given, surname, mail, mail, "CN=" + display + ",OU=Staff,DC=corp,DC=example",
                List.of("Domain Users"));
    }
}
