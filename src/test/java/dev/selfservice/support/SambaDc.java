package dev.selfservice.support;

import static org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled;
import static org.junit.jupiter.api.extension.ConditionEvaluationResult.enabled;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;

import dev.selfservice.localtenant.directory.LdapSettings;

/**
 * The test Samba AD domain controller of {@code .ci/samba-dc.sh}: whether it runs, how to reach it, and what a test
 * does to its domain. As a JUnit condition it skips the real-AD tests when no DC runs (saying so once, with how to
 * start one), and fails them instead when {@code REQUIRE_SAMBA_DC=true}, as CI sets it.
 */
public class SambaDc implements ExecutionCondition {

    public static final String ADMIN = "Administrator@example.test";
    public static final String ADMIN_PASSWORD = Optional.ofNullable(System.getenv("SAMBA_DC_ADMINPASS")).orElse("Adm1n!Passw0rd");
    public static final String BASE_DN = "DC=example,DC=test";

    public static Path dir() {
        return Path.of(Optional.ofNullable(System.getenv("SAMBA_DC_DIR")).orElse("/tmp/samba-dc"));
    }

    public static Path caFile() {
        return dir().resolve("live/private/tls/ca.pem");
    }

    public static boolean running() {
        if (!Files.isReadable(caFile())) {
            return false;
        }
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), 636)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (running()) {
            return enabled("a Samba AD DC answers on ldaps://127.0.0.1:636");
        }
        String how = "start one with: bash .ci/samba-dc.sh up   (Debian, as root; SAMBA_DC_DIR=" + dir() + ")";
        if ("true".equalsIgnoreCase(System.getenv("REQUIRE_SAMBA_DC"))) {
            throw new IllegalStateException("REQUIRE_SAMBA_DC=true but no Samba AD DC runs: " + how);
        }
        // a system property, not a static field: Quarkus tests load this class in a class loader of their own
        if (System.getProperties().putIfAbsent("selfservice.real-ad.skip-notice", "told") == null) {
            System.out.println("[real-AD] SKIPPED: no Samba AD DC runs, so the real-AD test suite was skipped; " + how);
        }
        return disabled("no Samba AD DC runs; " + how);
    }

    public static LdapSettings settings() {
        return new LdapSettings("ldaps://127.0.0.1:636", ADMIN, ADMIN_PASSWORD, BASE_DN, Optional.of(caFile()),
                "(sAMAccountName={0})", Duration.ofSeconds(5), Duration.ofSeconds(10), 4);
    }

    /** The local tenant's settings for this DC, as a Quarkus test profile gives them. */
    public static Map<String, String> tenantConfig() {
        return Map.of("local-tenant.directory.ldap.url", "ldaps://127.0.0.1:636",
                "local-tenant.directory.ldap.bind-dn", ADMIN,
                "local-tenant.directory.ldap.bind-password", ADMIN_PASSWORD,
                "local-tenant.directory.ldap.base-dn", BASE_DN,
                "local-tenant.directory.ldap.ca-file", caFile().toString());
    }

    /** An administrator's connection, for setting up users. */
    public static LDAPConnection admin() throws Exception {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        return new LDAPConnection(new SSLUtil(new PEMFileTrustManager(caFile().toFile())).createSSLSocketFactory(),
                options, "127.0.0.1", 636, ADMIN, ADMIN_PASSWORD);
    }

    /** Ages a password, which AD refuses over LDAP, with the script's helper. */
    public static void agePassword(String user, int days) throws Exception {
        Process p = new ProcessBuilder("bash", ".ci/samba-dc.sh", "age-password", user, String.valueOf(days))
                .redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("age-password failed: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
