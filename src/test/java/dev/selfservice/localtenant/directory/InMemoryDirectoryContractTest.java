package dev.selfservice.localtenant.directory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The directory contract against the in-memory AD model, with the test domain's policy. */
class InMemoryDirectoryContractTest extends DirectoryContract {

    private final Clock clock = Clock.systemUTC();
    private final InMemoryDirectory directory = new InMemoryDirectory(clock, new AdPasswordPolicy(8, true, 3,
            Duration.ZERO, Duration.ofDays(42), LOCKOUT_THRESHOLD, Duration.ofMinutes(5), Duration.ofMinutes(5)));

    @Override
    protected Directory directory() {
        return directory;
    }

    @Override
    protected DirectoryControls controls() {
        return directory;
    }

    @Override
    protected void createUser(String name, String password) {
        directory.addUser(new DirectoryEntry(UUID.randomUUID(), name, "Contract Tester", "Contract", "Tester",
                name + "@example.test", name + "@example.test", "CN=" + name + ",CN=Users,DC=example,DC=test",
                List.of("Domain Users")), password);
    }

    @Override
    protected void agePassword(String name, int days) {
        directory.setPasswordLastSet(name, clock.instant().minus(Duration.ofDays(days)));
    }
}
