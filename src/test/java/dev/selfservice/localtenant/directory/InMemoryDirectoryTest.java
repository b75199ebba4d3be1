package dev.selfservice.localtenant.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.selfservice.localtenant.directory.PasswordRefusal.Reason;
import dev.selfservice.support.MutableClock;

/** The in-memory AD model answers as an AD domain controller does. */
class InMemoryDirectoryTest {

    private static final String PASSWORD = "Start-Passw0rd!";
    private static final AdPasswordPolicy POLICY = new AdPasswordPolicy(8, true, 3, Duration.ZERO, Duration.ofDays(42),
            3, Duration.ofMinutes(30), Duration.ofMinutes(30));

    private MutableClock clock;
    private InMemoryDirectory ad;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
        ad = new InMemoryDirectory(clock, POLICY);
        ad.addUser(entry("jdoe", "Jane Doe"), PASSWORD);
    }

    private static DirectoryEntry entry(String name, String display) {
        return new DirectoryEntry(UUID.randomUUID(), name, display, display.split(" ")[0], display.split(" ")[1],
                name + "@corp.example", name + "@corp.example", "CN=" + display + ",DC=corp,DC=example",
                List.of("Domain Users"));
    }

    private Optional<AdBindCode> bind(String password) {
        return ad.bind("jdoe", password).failure();
    }

    @Test
    void theRightPasswordBinds() {
        BindResult result = ad.bind("JDOE", PASSWORD);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.entry().orElseThrow().sAMAccountName()).isEqualTo("jdoe");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserFailAlike() {
        assertThat(ad.bind("jdoe", "wrong").failure()).contains(AdBindCode.WRONG_PASSWORD);
        assertThat(ad.bind("nobody", PASSWORD).failure()).contains(AdBindCode.WRONG_PASSWORD);
        assertThat(ad.bind("jdoe", "").failure()).contains(AdBindCode.WRONG_PASSWORD);
    }

    @Nested
    class Lockout {

        @Test
        void theThresholdOfWrongPasswordsLocksTheAccountEvenForTheRightPassword() {
            assertThat(bind("wrong1")).contains(AdBindCode.WRONG_PASSWORD);
            assertThat(bind("wrong2")).contains(AdBindCode.WRONG_PASSWORD);
            assertThat(ad.isLocked("jdoe")).isFalse();
            assertThat(bind("wrong3")).contains(AdBindCode.WRONG_PASSWORD);

            assertThat(ad.isLocked("jdoe")).isTrue();
            assertThat(bind(PASSWORD)).contains(AdBindCode.ACCOUNT_LOCKED);
            assertThat(bind("wrong4")).contains(AdBindCode.ACCOUNT_LOCKED);
        }

        @Test
        void aRightPasswordBeforeTheThresholdClearsTheCount() {
            bind("wrong1");
            bind("wrong2");
            assertThat(bind(PASSWORD)).isEmpty();
            assertThat(ad.badPasswordCount("jdoe")).isZero();
            bind("wrong3");
            assertThat(ad.isLocked("jdoe")).isFalse();
        }

        @Test
        void theLockoutEndsByItselfAfterTheLockoutDuration() {
            ad.lock("jdoe");
            clock.advance(Duration.ofMinutes(29));
            assertThat(bind(PASSWORD)).contains(AdBindCode.ACCOUNT_LOCKED);
            clock.advance(Duration.ofMinutes(1));
            assertThat(bind(PASSWORD)).isEmpty();
        }

        @Test
        void badPasswordsOutsideTheObservationWindowAreForgotten() {
            bind("wrong1");
            bind("wrong2");
            clock.advance(Duration.ofMinutes(31));
            bind("wrong3");
            assertThat(ad.isLocked("jdoe")).isFalse();
            assertThat(ad.badPasswordCount("jdoe")).isEqualTo(1);
        }

        @Test
        void aZeroDurationLocksUntilAnAdministratorUnlocks() {
            InMemoryDirectory strict = new InMemoryDirectory(clock, new AdPasswordPolicy(8, true, 3, Duration.ZERO,
                    Duration.ofDays(42), 3, Duration.ZERO, Duration.ofMinutes(30)));
            strict.addUser(entry("jdoe", "Jane Doe"), PASSWORD);
            strict.lock("jdoe");
            clock.advance(Duration.ofDays(30));
            assertThat(strict.bind("jdoe", PASSWORD).failure()).contains(AdBindCode.ACCOUNT_LOCKED);
            strict.unlock("jdoe");
            assertThat(strict.bind("jdoe", PASSWORD).succeeded()).isTrue();
        }
    }

    @Nested
    class PasswordAgeAndAccountState {

        @Test
        void aPasswordOlderThanTheMaximumAgeHasExpiredButOnlyTheRightPasswordSaysSo() {
            clock.advance(Duration.ofDays(42));
            assertThat(bind(PASSWORD)).contains(AdBindCode.PASSWORD_EXPIRED);
            assertThat(bind("wrong")).contains(AdBindCode.WRONG_PASSWORD);
        }

        @Test
        void aPasswordYoungerThanTheMaximumAgeStillBinds() {
            clock.advance(Duration.ofDays(41));
            assertThat(bind(PASSWORD)).isEmpty();
        }

        @Test
        void pwdLastSetZeroMeansMustChangeButOnlyTheRightPasswordSaysSo() {
            ad.requirePasswordChange("jdoe");
            assertThat(bind(PASSWORD)).contains(AdBindCode.PASSWORD_MUST_CHANGE);
            assertThat(bind("wrong")).contains(AdBindCode.WRONG_PASSWORD);
        }

        @Test
        void aDisabledAccountSaysSoOnlyForTheRightPassword() {
            ad.setDisabled("jdoe", true);
            assertThat(bind(PASSWORD)).contains(AdBindCode.ACCOUNT_DISABLED);
            assertThat(bind("wrong")).contains(AdBindCode.WRONG_PASSWORD);
        }

        @Test
        void anExpiredAccountSaysSoOnlyForTheRightPassword() {
            ad.setAccountExpires("jdoe", clock.instant());
            assertThat(bind(PASSWORD)).contains(AdBindCode.ACCOUNT_EXPIRED);
            assertThat(bind("wrong")).contains(AdBindCode.WRONG_PASSWORD);
        }
    }

    @Nested
    class UserChange {

        @Test
        void theUserChangesThePasswordByGivingTheOldOne() throws PasswordRefusal {
            ad.changePassword("jdoe", PASSWORD, "N3w-Password-9");
            assertThat(bind("N3w-Password-9")).isEmpty();
            assertThat(bind(PASSWORD)).as("within AD's old-password period").isEmpty();
            clock.advance(Duration.ofMinutes(60));
            assertThat(bind(PASSWORD)).as("after it").contains(AdBindCode.WRONG_PASSWORD);
            assertThat(bind("N3w-Password-9")).isEmpty();
        }

        @Test
        void onlyThePreviousPasswordGetsTheOldPasswordPeriod() throws PasswordRefusal {
            ad.changePassword("jdoe", PASSWORD, "Second-Passw0rd");
            ad.changePassword("jdoe", "Second-Passw0rd", "Third-Passw0rd");
            assertThat(bind("Second-Passw0rd")).isEmpty();
            assertThat(bind(PASSWORD)).contains(AdBindCode.WRONG_PASSWORD);
        }

        @Test
        void aWrongOldPasswordIsRefusedAndCountsAsABadPassword() {
            assertThatThrownBy(() -> ad.changePassword("jdoe", "wrong", "N3w-Password-9"))
                    .isInstanceOf(PasswordRefusal.class)
                    .hasMessageStartingWith("00000056")
                    .extracting(e -> ((PasswordRefusal) e).reason()).isEqualTo(Reason.WRONG_OLD_PASSWORD);
            assertThat(ad.badPasswordCount("jdoe")).isEqualTo(1);
        }

        @Test
        void historyRefusesTheCurrentAndRecentPasswords() throws PasswordRefusal {
            assertThatThrownBy(() -> ad.changePassword("jdoe", PASSWORD, PASSWORD))
                    .hasMessageContaining("already used (previous password)");
            ad.changePassword("jdoe", PASSWORD, "Second-Passw0rd");
            ad.changePassword("jdoe", "Second-Passw0rd", "Third-Passw0rd");
            assertThatThrownBy(() -> ad.changePassword("jdoe", "Third-Passw0rd", PASSWORD))
                    .hasMessageStartingWith("0000052D").hasMessageContaining("already used (in history)");
            ad.changePassword("jdoe", "Third-Passw0rd", "Fourth-Passw0rd");
            // with a history of three, the first password has now dropped out
            ad.changePassword("jdoe", "Fourth-Passw0rd", PASSWORD);
            assertThat(bind(PASSWORD)).isEmpty();
        }

        @Test
        void lengthAndComplexityAreEnforced() {
            assertThatThrownBy(() -> ad.changePassword("jdoe", PASSWORD, "Sh0rt!"))
                    .hasMessageContaining("too short");
            assertThatThrownBy(() -> ad.changePassword("jdoe", PASSWORD, "alllowercaseletters"))
                    .hasMessageContaining("complexity");
            assertThatThrownBy(() -> ad.changePassword("jdoe", PASSWORD, "My-jdoe-Passw0rd"))
                    .as("the account name may not appear in the password").hasMessageContaining("complexity");
            assertThatThrownBy(() -> ad.changePassword("jdoe", PASSWORD, "Hello-Jane-2026"))
                    .as("a part of the display name may not appear").hasMessageContaining("complexity");
        }

        @Test
        void anExpiredOrMustChangePasswordCanBeChangedWithTheOldOne() throws PasswordRefusal {
            ad.requirePasswordChange("jdoe");
            ad.changePassword("jdoe", PASSWORD, "N3w-Password-9");
            assertThat(bind("N3w-Password-9")).isEmpty();
        }

        @Test
        void theMinimumAgeRefusesAChangeTooSoon() throws PasswordRefusal {
            InMemoryDirectory withMinAge = new InMemoryDirectory(clock, new AdPasswordPolicy(8, true, 3,
                    Duration.ofDays(1), Duration.ofDays(42), 3, Duration.ofMinutes(30), Duration.ofMinutes(30)));
            withMinAge.addUser(entry("jdoe", "Jane Doe"), PASSWORD);
            assertThatThrownBy(() -> withMinAge.changePassword("jdoe", PASSWORD, "N3w-Password-9"))
                    .hasMessageContaining("too young");
            clock.advance(Duration.ofDays(1));
            withMinAge.changePassword("jdoe", PASSWORD, "N3w-Password-9");
        }
    }

    @Nested
    class AdministratorReset {

        @Test
        void aResetNeedsNoOldPasswordAndSkipsHistory() throws PasswordRefusal {
            ad.resetPassword("jdoe", PASSWORD, false);
            assertThat(bind(PASSWORD)).isEmpty();
            ad.resetPassword("jdoe", "Reset-Passw0rd", false);
            assertThat(bind("Reset-Passw0rd")).isEmpty();
        }

        @Test
        void aResetStillEnforcesLengthAndComplexity() {
            assertThatThrownBy(() -> ad.resetPassword("jdoe", "Sh0rt!", false)).hasMessageContaining("too short");
            assertThatThrownBy(() -> ad.resetPassword("jdoe", "alllowercaseletters", false))
                    .hasMessageContaining("complexity");
        }

        @Test
        void aResetClearsAnExpiredOrMustChangePassword() throws PasswordRefusal {
            ad.requirePasswordChange("jdoe");
            ad.resetPassword("jdoe", "Reset-Passw0rd", false);
            assertThat(bind("Reset-Passw0rd")).isEmpty();
        }

        @Test
        void aResetUnlocksOnlyWithAutoUnlock() throws PasswordRefusal {
            ad.lock("jdoe");
            ad.resetPassword("jdoe", "Reset-Passw0rd", false);
            assertThat(bind("Reset-Passw0rd")).contains(AdBindCode.ACCOUNT_LOCKED);
            ad.resetPassword("jdoe", "Other-Passw0rd", true);
            assertThat(bind("Other-Passw0rd")).isEmpty();
        }
    }

    @Test
    void bindCodesMapFromAdDiagnosticsAsTheConnectorMapsThem() {
        for (AdBindCode code : AdBindCode.values()) {
            assertThat(AdBindCode.fromDiagnostic(code.diagnosticMessage())).isEqualTo(code);
        }
        assertThat(AdBindCode.fromDiagnostic("80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 534, v1db1"))
                .isEqualTo(AdBindCode.ACCOUNT_DISABLED);
        assertThat(AdBindCode.fromDiagnostic("... data 525, v1db1")).isEqualTo(AdBindCode.WRONG_PASSWORD);
        assertThat(AdBindCode.fromDiagnostic(null)).isEqualTo(AdBindCode.WRONG_PASSWORD);
    }
}
