package dev.selfservice.localtenant.directory;

import java.util.Optional;

/**
 * The directory behind the local tenant's AD connection, seen the way the AD/LDAP connector sees AD: it binds as a
 * user to check a password, looks users up by sAMAccountName, and sets passwords either as a user's own change (the
 * old password must be given) or as an administrator's reset.
 */
public interface Directory {

    /** Binds as the user. A wrong password and an unknown user give the same {@link AdBindCode#WRONG_PASSWORD}. */
    BindResult bind(String sAMAccountName, String password);

    /** Finds a user by sAMAccountName (case-insensitive, as AD). */
    Optional<DirectoryEntry> find(String sAMAccountName);

    /** All users, for searches that name no user (the in-memory model and test domains are small). */
    java.util.List<DirectoryEntry> list();

    /** Finds a user by objectGUID. */
    Optional<DirectoryEntry> findByGuid(java.util.UUID objectGuid);

    /** A user's own change: AD checks the old password, history, complexity, length and minimum age. */
    void changePassword(String sAMAccountName, String oldPassword, String newPassword) throws PasswordRefusal;

    /**
     * An administrator's reset, as the connector's write-back does ({@code replace unicodePwd}): no old password and
     * no history check; complexity and length still apply. With {@code unlock} the same modify sets
     * {@code lockoutTime=0}, as the connector's {@code AUTO_UNLOCK_ON_PASSWORD_CHANGE}.
     */
    void resetPassword(String sAMAccountName, String newPassword, boolean unlock) throws PasswordRefusal;
}
