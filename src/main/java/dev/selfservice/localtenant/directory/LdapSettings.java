package dev.selfservice.localtenant.directory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how the LDAP directory connects: an AD domain controller over LDAPS ({@code ldaps://}) or StartTLS
 * ({@code ldap://}), bound as a service account, with the server's certificate checked against a CA file and its
 * host name. AD sets passwords only over an encrypted connection, so there is no plain LDAP.
 */
public record LdapSettings(String url, String bindDn, String bindPassword, String baseDn, Optional<Path> caFile,
        String userFilter, Duration connectTimeout, Duration responseTimeout, int poolSize) {

    @Override
    public String toString() {
        // the bind password stays out of every log line and exception
        return "LdapSettings[url=" + url + ", bindDn=" + bindDn + ", baseDn=" + baseDn + ", caFile=" + caFile + "]";
    }
}
