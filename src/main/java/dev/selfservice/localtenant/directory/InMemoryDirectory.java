package dev.selfservice.localtenant.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.selfservice.localtenant.directory.PasswordRefusal.Reason;

/**
 * An in-memory model of the parts of Active Directory that a password portal meets: bad-password counting and lockout
 * ({@code badPwdCount}, {@code lockoutTime}), password age ({@code pwdLastSet}, zero meaning "must change"), disabled
 * and expired accounts, and the two ways AD sets a password. Bind results and refusals carry AD's own codes. Passwords
 * are kept only as salted hashes.
 */
public class InMemoryDirectory implements Directory, DirectoryControls {

    private static final String RESTRICTIONS = "Constraint violation - check_password_restrictions: ";

    private final Clock clock;
    private final AdPasswordPolicy policy;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public InMemoryDirectory(Clock clock, AdPasswordPolicy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    public AdPasswordPolicy policy() {
        return policy;
    }

    // ---- administration of the model (what an AD administrator would do in ADUC) ----

    /** Adds a user whose password was just set by an administrator, as a new account in AD. */
    public synchronized void addUser(DirectoryEntry entry, String password) {
        Account account = new Account(entry);
        account.setPassword(hash(password), now(), 0, Duration.ZERO);
        accounts.put(key(entry.sAMAccountName()), account);
    }

    /** {@code pwdLastSet=0}: the user must change the password at next sign-in. */
    @Override
    public synchronized void requirePasswordChange(String sAMAccountName) {
        account(sAMAccountName).pwdLastSet = null;
    }

    /** Moves {@code pwdLastSet} into the past, so that the password ages as it would have. */
    public synchronized void setPasswordLastSet(String sAMAccountName, Instant when) {
        account(sAMAccountName).pwdLastSet = when;
    }

    @Override
    public synchronized void expirePassword(String sAMAccountName) {
        Duration maxAge = policy.maxAge().isZero() ? Duration.ofDays(42) : policy.maxAge();
        account(sAMAccountName).pwdLastSet = now().minus(maxAge).minus(Duration.ofDays(1));
    }

    @Override
    public synchronized void setAccountExpired(String sAMAccountName, boolean expired) {
        account(sAMAccountName).accountExpires = expired ? now() : null;
    }

    @Override
    public void setPassword(String sAMAccountName, String password) throws PasswordRefusal {
        resetPassword(sAMAccountName, password, false);
    }

    @Override
    public synchronized void setDisabled(String sAMAccountName, boolean disabled) {
        account(sAMAccountName).disabled = disabled;
    }

    /** {@code accountExpires}; {@code null} never expires. */
    public synchronized void setAccountExpires(String sAMAccountName, Instant when) {
        account(sAMAccountName).accountExpires = when;
    }

    /** Locks the account now, as reaching the bad-password threshold would. */
    @Override
    public synchronized void lock(String sAMAccountName) {
        Account a = account(sAMAccountName);
        a.lockoutTime = now();
        a.badPwdCount = Math.max(a.badPwdCount, policy.lockoutThreshold());
        a.badPasswordTime = a.lockoutTime;
    }

    /** An administrator's unlock: {@code lockoutTime=0}, which also clears {@code badPwdCount}. */
    @Override
    public synchronized void unlock(String sAMAccountName) {
        Account a = account(sAMAccountName);
        a.lockoutTime = null;
        a.badPwdCount = 0;
    }

    public synchronized int badPasswordCount(String sAMAccountName) {
        Account a = account(sAMAccountName);
        expireLockoutAndCount(a);
        return a.badPwdCount;
    }

    public synchronized boolean isLocked(String sAMAccountName) {
        return locked(account(sAMAccountName));
    }

    // ---- Directory ----

    @Override
    public synchronized BindResult bind(String sAMAccountName, String password) {
        Account a = accounts.get(key(sAMAccountName));
        if (a == null || password == null || password.isEmpty()) {
            // AD refuses an empty password like a wrong one (an empty simple bind would be anonymous)
            return BindResult.failed(AdBindCode.WRONG_PASSWORD);
        }
        if (locked(a)) {
            return BindResult.failed(AdBindCode.ACCOUNT_LOCKED);
        }
        if (!a.matches(password) && !a.previousStillAllowed(password, now())) {
            countBadPassword(a);
            return BindResult.failed(AdBindCode.WRONG_PASSWORD);
        }
        // from here on the password was right: AD says why it still refuses, and forgets earlier bad tries
        a.badPwdCount = 0;
        if (a.disabled) {
            return BindResult.failed(AdBindCode.ACCOUNT_DISABLED);
        }
        if (a.accountExpires != null && !now().isBefore(a.accountExpires)) {
            return BindResult.failed(AdBindCode.ACCOUNT_EXPIRED);
        }
        if (a.pwdLastSet == null) {
            return BindResult.failed(AdBindCode.PASSWORD_MUST_CHANGE);
        }
        if (passwordExpired(a)) {
            return BindResult.failed(AdBindCode.PASSWORD_EXPIRED);
        }
        a.lockoutTime = null;
        return BindResult.success(a.entry);
    }

    @Override
    public synchronized Optional<DirectoryEntry> find(String sAMAccountName) {
        return Optional.ofNullable(accounts.get(key(sAMAccountName))).map(a -> a.entry);
    }

    @Override
    public synchronized List<DirectoryEntry> list() {
        return accounts.values().stream().map(a -> a.entry).toList();
    }

    /** Removes every user, so that the domain can be seeded afresh. */
    public synchronized void clear() {
        accounts.clear();
    }

    @Override
    public synchronized Optional<DirectoryEntry> findByGuid(UUID objectGuid) {
        return accounts.values().stream().map(a -> a.entry).filter(e -> e.objectGuid().equals(objectGuid)).findFirst();
    }

    @Override
    public synchronized void changePassword(String sAMAccountName, String oldPassword, String newPassword)
            throws PasswordRefusal {
        Account a = accounts.get(key(sAMAccountName));
        if (a == null) {
            throw new PasswordRefusal(Reason.WRONG_OLD_PASSWORD, RESTRICTIONS + "The old password specified doesn't match!");
        }
        if (locked(a) || a.disabled) {
            throw new PasswordRefusal(Reason.NOT_ALLOWED, "Access denied: the account is locked or disabled");
        }
        if (oldPassword == null || !a.matches(oldPassword)) {
            countBadPassword(a);
            throw new PasswordRefusal(Reason.WRONG_OLD_PASSWORD, RESTRICTIONS + "The old password specified doesn't match!");
        }
        if (a.pwdLastSet != null && !policy.minAge().isZero() && now().isBefore(a.pwdLastSet.plus(policy.minAge()))) {
            throw new PasswordRefusal(Reason.POLICY, RESTRICTIONS + "password is too young to change!");
        }
        checkLengthAndComplexity(a, newPassword);
        for (int i = 0; i < Math.min(policy.historyLength(), a.history.size()); i++) {
            if (a.history.get(i).matches(newPassword)) {
                throw new PasswordRefusal(Reason.POLICY, RESTRICTIONS
                        + (i == 0 ? "the password was already used (previous password)!" : "the password was already used (in history)!"));
            }
        }
        a.setPassword(hash(newPassword), now(), policy.historyLength(), policy.oldPasswordAllowedPeriod());
        a.badPwdCount = 0;
    }

    @Override
    public synchronized void resetPassword(String sAMAccountName, String newPassword, boolean unlock)
            throws PasswordRefusal {
        Account a = accounts.get(key(sAMAccountName));
        if (a == null) {
            throw new PasswordRefusal(Reason.NOT_ALLOWED, "No such object");
        }
        checkLengthAndComplexity(a, newPassword);
        a.setPassword(hash(newPassword), now(), policy.historyLength(), policy.oldPasswordAllowedPeriod());
        if (unlock) {
            a.lockoutTime = null;
            a.badPwdCount = 0;
        }
    }

    // ---- AD's rules ----

    private void checkLengthAndComplexity(Account a, String newPassword) throws PasswordRefusal {
        if (newPassword == null || newPassword.codePointCount(0, newPassword.length()) < policy.minLength()) {
            throw new PasswordRefusal(Reason.POLICY, RESTRICTIONS + "the password is too short. It should be equal or longer than "
                    + policy.minLength() + " characters!");
        }
        if (policy.complexity() && !AdComplexity.isMet(newPassword, a.entry.sAMAccountName(), a.entry.displayName())) {
            throw new PasswordRefusal(Reason.POLICY, RESTRICTIONS + "the password does not meet the complexity criteria!");
        }
    }

    private void countBadPassword(Account a) {
        expireLockoutAndCount(a);
        Instant now = now();
        a.badPwdCount++;
        a.badPasswordTime = now;
        if (policy.lockoutThreshold() > 0 && a.badPwdCount >= policy.lockoutThreshold()) {
            a.lockoutTime = now;
        }
    }

    /** AD lets a lockout end by itself after the lockout duration, and forgets bad tries after the observation window. */
    private void expireLockoutAndCount(Account a) {
        Instant now = now();
        if (a.lockoutTime != null && !policy.lockoutDuration().isZero()
                && !now.isBefore(a.lockoutTime.plus(policy.lockoutDuration()))) {
            a.lockoutTime = null;
            a.badPwdCount = 0;
        }
        if (a.lockoutTime == null && a.badPasswordTime != null
                && !now.isBefore(a.badPasswordTime.plus(policy.lockoutObservationWindow()))) {
            a.badPwdCount = 0;
        }
    }

    private boolean locked(Account a) {
        expireLockoutAndCount(a);
        return a.lockoutTime != null;
    }

    private boolean passwordExpired(Account a) {
        Duration maxAge = policy.maxAge();
        return !maxAge.isZero() && !now().isBefore(a.pwdLastSet.plus(maxAge));
    }

    private Account account(String sAMAccountName) {
        Account a = accounts.get(key(sAMAccountName));
        if (a == null) {
            throw new IllegalArgumentException("no such user in the directory");
        }
        return a;
    }

    private Instant now() {
        return clock.instant();
    }

    private static String key(String sAMAccountName) {
        return sAMAccountName == null ? "" : sAMAccountName.toLowerCase(Locale.ROOT);
    }

    private PasswordHash hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new PasswordHash(salt, PasswordHash.digest(salt, password));
    }

    private record PasswordHash(byte[] salt, byte[] digest) {

        boolean matches(String password) {
            return MessageDigest.isEqual(digest, digest(salt, password));
        }

        static byte[] digest(byte[] salt, String password) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(salt);
                return sha.digest(password.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Account {
        final DirectoryEntry entry;
        /** Newest first; the first is the current password. */
        final List<PasswordHash> history = new ArrayList<>();
        Instant pwdLastSet;
        boolean disabled;
        Instant accountExpires;
        int badPwdCount;
        Instant badPasswordTime;
        Instant lockoutTime;
        /** Until when the password before the current one still binds (AD's old-password period). */
        Instant previousAllowedUntil;

        Account(DirectoryEntry entry) {
            this.entry = entry;
        }

        boolean matches(String password) {
            return !history.isEmpty() && history.get(0).matches(password);
        }

        boolean previousStillAllowed(String password, Instant now) {
            return previousAllowedUntil != null && now.isBefore(previousAllowedUntil) && history.size() > 1
                    && history.get(1).matches(password);
        }

        void setPassword(PasswordHash hash, Instant when, int historyLength, Duration oldPasswordPeriod) {
            previousAllowedUntil = history.isEmpty() ? null : when.plus(oldPasswordPeriod);
            history.add(0, hash);
            // the previous password must be kept long enough for its period, whatever the history length
            int keep = Math.max(Math.max(1, historyLength), oldPasswordPeriod.isZero() ? 1 : 2);
            while (history.size() > keep) {
                history.remove(history.size() - 1);
            }
            pwdLastSet = when;
        }
    }
}
