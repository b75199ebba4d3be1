package dev.selfservice.localtenant.directory;

/**
 * What an AD administrator does to an account, for tests and demos that need a user in a given state. The in-memory
 * model does all of it; a real directory does what its administration allows.
 */
public interface DirectoryControls {

    void lock(String sAMAccountName);

    void unlock(String sAMAccountName);

    /** Ages the password past the domain's maximum age (AD then answers 532). */
    void expirePassword(String sAMAccountName);

    /** {@code pwdLastSet=0} (AD then answers 773). */
    void requirePasswordChange(String sAMAccountName);

    void setDisabled(String sAMAccountName, boolean disabled);

    /** {@code accountExpires} now, or never. */
    void setAccountExpired(String sAMAccountName, boolean expired);

    /** An administrator's reset, which also clears an expired or must-change state. */
    void setPassword(String sAMAccountName, String password) throws PasswordRefusal;
}
