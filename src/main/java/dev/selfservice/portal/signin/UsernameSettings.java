package dev.selfservice.portal.signin;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The forms of a work username the portal takes besides the plain one ({@code sAMAccountName}), read back to it by
 * {@link AdUsername}: {@code name@suffix} for the domain's UPN suffixes and {@code DOMAIN\name} for its NetBIOS names.
 * Unset, only the plain username is taken, and any other form is answered as an unknown username.
 */
@ConfigMapping(prefix = "portal.usernames")
public interface UsernameSettings {

    /** {@code PORTAL_USERNAMES_UPN_SUFFIXES}: the UPN suffixes whose {@code name@suffix} is the username {@code name}. */
    Optional<List<String>> upnSuffixes();

    /** {@code PORTAL_USERNAMES_NETBIOS_DOMAINS}: the domains whose {@code DOMAIN\name} is the username {@code name}. */
    Optional<List<String>> netbiosDomains();
}
