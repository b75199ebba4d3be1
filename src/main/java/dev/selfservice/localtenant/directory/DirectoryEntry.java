package dev.selfservice.localtenant.directory;

import java.util.List;
import java.util.UUID;

/**
 * The attributes of an AD user that the AD/LDAP connector maps into an Auth0 profile. {@code objectGuid} becomes the
 * profile id, {@code sAMAccountName} the nickname.
 */
public record DirectoryEntry(
        UUID objectGuid,
        String sAMAccountName,
        String displayName,
        String givenName,
        String surname,
        String mail,
        String userPrincipalName,
        String distinguishedName,
        List<String> groups) {
}
