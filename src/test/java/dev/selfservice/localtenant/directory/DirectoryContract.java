package dev.selfservice.localtenant.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.localtenant.directory.PasswordRefusal.Reason;

/**
 * One contract for every directory behind the local tenant's AD connection, run against the in-memory model and
 * against a real AD (Samba). Each test has a fresh user. The domain policy is the test domain's: complexity on,
 * history 3, minimum length 8, minimum age 0, maximum age 42 days, lockout after 3 bad passwords.
 */
abstract class DirectoryContract {

    static final String PASSWORD = "Blue-Sky-42-Rain";
    static final String NEW_PASSWORD = "Green-Tree-77-Wind";
    static final String OTHER_PASSWORD = "Red-Stone-19-Fire";
    static final int LOCKOUT_THRESHOLD = 3;

    protected String user;

    protected abstract Directory directory();

    protected abstract DirectoryControls controls();

    /** A new enabled user with the password, as an administrator creates one. */
    protected abstract void createUser(String name, String password) throws Exception;

    /** {@code pwdLastSet} so many days ago. */
    protected abstract void agePassword(String name, int days) throws Exception;

    @BeforeEach
    void newUser() throws Exception {
        byte[] b = new byte[5];
        new SecureRandom().nextBytes(b);
        user = "ct" + HexFormat.of().formatHex(b);
        createUser(user, PASSWORD);
    }

    private Optional<AdBindCode> bind(String password) {
        return directory().bind(user, password).failure();
    }

    private void lockByBadPasswords() {
        for (int i = 0; i < LOCKOUT_THRESHOLD; i++) {
            bind("not-the-password-" + i);
        }
    }

    @Test
    void theRightPasswordBindsAndFindsTheUser() {
        BindResult r = directory().bind(user, PASSWORD);
        assertThat(r.succeeded()).isTrue();
        DirectoryEntry entry = r.entry().orElseThrow();
        assertThat(entry.sAMAccountName()).isEqualToIgnoringCase(user);
        assertThat(directory().findByGuid(entry.objectGuid())).map(DirectoryEntry::sAMAccountName).contains(entry.sAMAccountName());
        assertThat(directory().find(user.toUpperCase())).isPresent();
    }

    @Test
    void aWrongPasswordIs52eAndAnUnknownUserLooksTheSame() {
        assertThat(bind("wrong")).contains(AdBindCode.WRONG_PASSWORD);
        assertThat(directory().bind(user + "x", PASSWORD).failure()).contains(AdBindCode.WRONG_PASSWORD);
        assertThat(bind("")).contains(AdBindCode.WRONG_PASSWORD);
    }

    @Test
    void theThresholdOfBadPasswordsLocksTheAccount() {
        lockByBadPasswords();
        assertThat(bind(PASSWORD)).contains(AdBindCode.ACCOUNT_LOCKED);
        assertThat(bind("wrong")).contains(AdBindCode.ACCOUNT_LOCKED);
    }

    @Test
    void mustChangeIs773ForTheRightPasswordOnly() {
        controls().requirePasswordChange(user);
        assertThat(bind(PASSWORD)).contains(AdBindCode.PASSWORD_MUST_CHANGE);
        assertThat(bind("wrong")).contains(AdBindCode.WRONG_PASSWORD);
    }

    @Test
    void anAgedPasswordIs532ForTheRightPasswordOnly() throws Exception {
        agePassword(user, 43);
        assertThat(bind(PASSWORD)).contains(AdBindCode.PASSWORD_EXPIRED);
        assertThat(bind("wrong")).contains(AdBindCode.WRONG_PASSWORD);
    }

    @Test
    void aDisabledAccountIs533ForTheRightPasswordOnly() {
        controls().setDisabled(user, true);
        assertThat(bind(PASSWORD)).contains(AdBindCode.ACCOUNT_DISABLED);
        assertThat(bind("wrong")).contains(AdBindCode.WRONG_PASSWORD);
        controls().setDisabled(user, false);
        assertThat(bind(PASSWORD)).isEmpty();
    }

    @Test
    void anExpiredAccountIs701() {
        controls().setAccountExpired(user, true);
        assertThat(bind(PASSWORD)).contains(AdBindCode.ACCOUNT_EXPIRED);
        controls().setAccountExpired(user, false);
        assertThat(bind(PASSWORD)).isEmpty();
    }

    @Test
    void anAdministratorsResetNeedsNoOldPasswordAndSkipsHistory() throws PasswordRefusal {
        directory().resetPassword(user, NEW_PASSWORD, false);
        assertThat(bind(NEW_PASSWORD)).isEmpty();
        assertThat(bind(PASSWORD)).as("AD's old-password period: the previous password binds for an hour").isEmpty();
        assertThat(bind(OTHER_PASSWORD)).contains(AdBindCode.WRONG_PASSWORD);
        directory().resetPassword(user, PASSWORD, false);
        assertThat(bind(PASSWORD)).isEmpty();
        directory().resetPassword(user, PASSWORD, false);
        assertThat(bind(PASSWORD)).isEmpty();
    }

    @Test
    void anAdministratorsResetStillEnforcesComplexityAndLength() {
        assertThatThrownBy(() -> directory().resetPassword(user, "Sh0rt!", false))
                .isInstanceOfSatisfying(PasswordRefusal.class, e -> assertThat(e.reason()).isEqualTo(Reason.POLICY));
        assertThatThrownBy(() -> directory().resetPassword(user, "alllowercaseletters", false))
                .isInstanceOfSatisfying(PasswordRefusal.class, e -> assertThat(e.reason()).isEqualTo(Reason.POLICY));
        assertThat(bind(PASSWORD)).isEmpty();
    }

    @Test
    void aResetClearsMustChange() throws PasswordRefusal {
        controls().requirePasswordChange(user);
        directory().resetPassword(user, NEW_PASSWORD, false);
        assertThat(bind(NEW_PASSWORD)).isEmpty();
    }

    @Test
    void theUsersOwnChangeChecksTheOldPassword() throws PasswordRefusal {
        assertThatThrownBy(() -> directory().changePassword(user, "wrong", NEW_PASSWORD))
                .isInstanceOfSatisfying(PasswordRefusal.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_OLD_PASSWORD));
        directory().changePassword(user, PASSWORD, NEW_PASSWORD);
        assertThat(bind(NEW_PASSWORD)).isEmpty();
        assertThat(bind(PASSWORD)).as("AD's old-password period: the previous password binds for an hour").isEmpty();
        assertThatThrownBy(() -> directory().changePassword(user, PASSWORD, OTHER_PASSWORD))
                .as("but a change needs the current password")
                .isInstanceOfSatisfying(PasswordRefusal.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_OLD_PASSWORD));
    }

    @Test
    void theUsersOwnChangeEnforcesHistoryComplexityAndLength() throws PasswordRefusal {
        assertThatThrownBy(() -> directory().changePassword(user, PASSWORD, PASSWORD))
                .isInstanceOfSatisfying(PasswordRefusal.class, e -> assertThat(e.reason()).isEqualTo(Reason.POLICY));
        assertThatThrownBy(() -> directory().changePassword(user, PASSWORD, "Sh0rt!"))
                .isInstanceOfSatisfying(PasswordRefusal.class, e -> assertThat(e.reason()).isEqualTo(Reason.POLICY));
        assertThatThrownBy(() -> directory().changePassword(user, PASSWORD, "alllowercaseletters"))
                .isInstanceOfSatisfying(PasswordRefusal.class, e -> assertThat(e.reason()).isEqualTo(Reason.POLICY));
        directory().changePassword(user, PASSWORD, NEW_PASSWORD);
        assertThatThrownBy(() -> directory().changePassword(user, NEW_PASSWORD, PASSWORD))
                .as("the previous password is in the history")
                .isInstanceOfSatisfying(PasswordRefusal.class, e -> assertThat(e.reason()).isEqualTo(Reason.POLICY));
        directory().changePassword(user, NEW_PASSWORD, OTHER_PASSWORD);
        assertThat(bind(OTHER_PASSWORD)).isEmpty();
    }

    @Test
    void aMustChangePasswordCanBeChangedWithTheOldOne() throws PasswordRefusal {
        controls().requirePasswordChange(user);
        directory().changePassword(user, PASSWORD, NEW_PASSWORD);
        assertThat(bind(NEW_PASSWORD)).isEmpty();
    }

    @Test
    void aResetWithAutoUnlockUnlocksAndWithoutItDoesNot() throws PasswordRefusal {
        lockByBadPasswords();
        directory().resetPassword(user, NEW_PASSWORD, false);
        assertThat(bind(NEW_PASSWORD)).as("reset without unlock").contains(AdBindCode.ACCOUNT_LOCKED);
        directory().resetPassword(user, OTHER_PASSWORD, true);
        assertThat(bind(OTHER_PASSWORD)).as("reset with lockoutTime=0").isEmpty();
    }

    @Test
    void anAdministratorUnlocks() {
        lockByBadPasswords();
        controls().unlock(user);
        assertThat(bind(PASSWORD)).isEmpty();
    }
}
