package dev.selfservice.localtenant.directory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.net.ssl.SSLSocketFactory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;

/**
 * A real Active Directory over LDAPS, used as the AD/LDAP connector uses it: users are found with the connector's
 * filter ({@code sAMAccountName} by default), a password is checked by binding as the user and reading AD's
 * {@code data <code>} from the diagnostic message, and a password is written to {@code unicodePwd} (quoted,
 * UTF-16LE): replaced for an administrator's reset (with {@code lockoutTime=0} in the same modify to unlock), deleted
 * and added for a user's change. Refusals carry AD's codes, mapped as the in-memory model maps them.
 */
public class LdapDirectory implements Directory, DirectoryControls, AutoCloseable {

    private static final String[] ATTRIBUTES = { "objectGUID", "sAMAccountName", "displayName", "givenName", "sn",
            "mail", "userPrincipalName", "memberOf", "userAccountControl" };
    private static final int ACCOUNT_DISABLED = 0x2;
    /** Seconds between 1601-01-01 (AD's epoch) and 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET = 11_644_473_600L;

    private final LDAPConnectionPool pool;
    private final String baseDn;
    private final String userFilter;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public LdapDirectory(LdapSettings settings, Clock clock) {
        this.baseDn = settings.baseDn();
        this.userFilter = settings.userFilter();
        this.clock = clock;
        try {
            LDAPURL url = new LDAPURL(settings.url());
            SSLUtil ssl = new SSLUtil(settings.caFile().isPresent()
                    ? new PEMFileTrustManager(settings.caFile().get().toFile())
                    : JVMDefaultTrustManager.getInstance());
            SSLSocketFactory tls = ssl.createSSLSocketFactory();
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
            options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
            SingleServerSet server = ldaps ? new SingleServerSet(url.getHost(), url.getPort(), tls, options)
                    : new SingleServerSet(url.getHost(), url.getPort(), options);
            PostConnectProcessor startTls = ldaps ? null : new StartTLSPostConnectProcessor(tls);
            this.pool = new LDAPConnectionPool(server, new SimpleBindRequest(settings.bindDn(), settings.bindPassword()),
                    1, settings.poolSize(), startTls);
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
        } catch (LDAPException | GeneralSecurityException e) {
            throw new DirectoryUnavailableException("cannot connect to the directory at " + settings.url() + ": "
                    + e.getMessage(), null);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    // ---- Directory ----

    @Override
    public BindResult bind(String sAMAccountName, String password) {
        if (password == null || password.isEmpty()) {
            // an empty password would be an anonymous bind, which LDAP lets succeed
            return BindResult.failed(AdBindCode.WRONG_PASSWORD);
        }
        Optional<SearchResultEntry> entry = search(sAMAccountName);
        if (entry.isEmpty()) {
            return BindResult.failed(AdBindCode.WRONG_PASSWORD);
        }
        try {
            pool.bindAndRevertAuthentication(entry.get().getDN(), password);
            return BindResult.success(toEntry(entry.get()));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return BindResult.failed(AdBindCode.fromDiagnostic(e.getDiagnosticMessage()));
            }
            throw unavailable(e);
        }
    }

    @Override
    public Optional<DirectoryEntry> find(String sAMAccountName) {
        return search(sAMAccountName).map(this::toEntry);
    }

    @Override
    public Optional<DirectoryEntry> findByGuid(UUID objectGuid) {
        try {
            return Optional.ofNullable(pool.searchForEntry(baseDn, SearchScope.SUB,
                    Filter.createEqualityFilter("objectGUID", guidBytes(objectGuid)), ATTRIBUTES)).map(this::toEntry);
        } catch (LDAPException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<DirectoryEntry> list() {
        try {
            List<DirectoryEntry> users = new ArrayList<>();
            for (SearchResultEntry e : pool.search(baseDn, SearchScope.SUB,
                    Filter.create("(&(objectCategory=person)(objectClass=user))"), ATTRIBUTES).getSearchEntries()) {
                users.add(toEntry(e));
            }
            return users;
        } catch (LDAPException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void changePassword(String sAMAccountName, String oldPassword, String newPassword) throws PasswordRefusal {
        String dn = dnOf(sAMAccountName).orElseThrow(() -> new PasswordRefusal(PasswordRefusal.Reason.WRONG_OLD_PASSWORD,
                "The old password specified doesn't match!"));
        modify(dn, new Modification(ModificationType.DELETE, "unicodePwd", unicodePwd(oldPassword == null ? "" : oldPassword)),
                new Modification(ModificationType.ADD, "unicodePwd", unicodePwd(newPassword)));
    }

    @Override
    public void resetPassword(String sAMAccountName, String newPassword, boolean unlock) throws PasswordRefusal {
        String dn = dnOf(sAMAccountName).orElseThrow(() -> new PasswordRefusal(PasswordRefusal.Reason.NOT_ALLOWED,
                "No such object"));
        Modification password = new Modification(ModificationType.REPLACE, "unicodePwd", unicodePwd(newPassword));
        if (unlock) {
            modify(dn, password, new Modification(ModificationType.REPLACE, "lockoutTime", "0"));
        } else {
            modify(dn, password);
        }
    }

    // ---- DirectoryControls ----

    /** AD locks an account only through bad passwords: as many as the domain's lockout threshold. */
    @Override
    public void lock(String sAMAccountName) {
        int threshold = domainInt("lockoutThreshold");
        if (threshold <= 0) {
            throw new UnsupportedOperationException("the domain has no lockout threshold");
        }
        requireDn(sAMAccountName);
        for (int i = 0; i < threshold; i++) {
            byte[] noise = new byte[8];
            random.nextBytes(noise);
            bind(sAMAccountName, "wrong-" + HexFormat.of().formatHex(noise));
        }
    }

    @Override
    public void unlock(String sAMAccountName) {
        replaceAsAdministrator(sAMAccountName, "lockoutTime", "0");
    }

    /** AD refuses a {@code pwdLastSet} in the past over LDAP (only 0 and -1): a test domain ages it another way. */
    @Override
    public void expirePassword(String sAMAccountName) {
        throw new UnsupportedOperationException("AD accepts only 0 or -1 for pwdLastSet over LDAP; "
                + "age the password in the domain itself (for the test Samba DC: .ci/samba-dc.sh age-password)");
    }

    @Override
    public void requirePasswordChange(String sAMAccountName) {
        replaceAsAdministrator(sAMAccountName, "pwdLastSet", "0");
    }

    @Override
    public void setDisabled(String sAMAccountName, boolean disabled) {
        String dn = requireDn(sAMAccountName);
        try {
            SearchResultEntry e = pool.getEntry(dn, "userAccountControl");
            int uac = e.getAttributeValueAsInteger("userAccountControl");
            int updated = disabled ? uac | ACCOUNT_DISABLED : uac & ~ACCOUNT_DISABLED;
            pool.modify(dn, new Modification(ModificationType.REPLACE, "userAccountControl", String.valueOf(updated)));
        } catch (LDAPException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void setAccountExpired(String sAMAccountName, boolean expired) {
        String value = expired ? String.valueOf(fileTime(clock.instant().minusSeconds(86_400))) : "9223372036854775807";
        replaceAsAdministrator(sAMAccountName, "accountExpires", value);
    }

    @Override
    public void setPassword(String sAMAccountName, String password) throws PasswordRefusal {
        resetPassword(sAMAccountName, password, false);
    }

    // ---- LDAP ----

    private Optional<SearchResultEntry> search(String sAMAccountName) {
        if (sAMAccountName == null || sAMAccountName.isBlank() || sAMAccountName.length() > 256) {
            return Optional.empty();
        }
        try {
            Filter filter = Filter.create(userFilter.replace("{0}", Filter.encodeValue(sAMAccountName.trim())));
            return Optional.ofNullable(pool.searchForEntry(baseDn, SearchScope.SUB, filter, ATTRIBUTES));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                // more than one entry matches: like the connector, no user rather than a guess
                return Optional.empty();
            }
            throw unavailable(e);
        }
    }

    private Optional<String> dnOf(String sAMAccountName) {
        return search(sAMAccountName).map(SearchResultEntry::getDN);
    }

    private String requireDn(String sAMAccountName) {
        return dnOf(sAMAccountName).orElseThrow(() -> new IllegalArgumentException("no such user in the directory"));
    }

    private void replaceAsAdministrator(String sAMAccountName, String attribute, String value) {
        try {
            pool.modify(requireDn(sAMAccountName), new Modification(ModificationType.REPLACE, attribute, value));
        } catch (LDAPException e) {
            throw unavailable(e);
        }
    }

    private void modify(String dn, Modification... modifications) throws PasswordRefusal {
        try {
            pool.modify(dn, modifications);
        } catch (LDAPException e) {
            throw refusal(e);
        }
    }

    /** AD's modify refusals, by their result code and the 8-hex-digit code that starts the diagnostic. */
    static PasswordRefusal refusal(LDAPException e) {
        String diagnostic = Optional.ofNullable(e.getDiagnosticMessage()).orElse("");
        ResultCode rc = e.getResultCode();
        if (rc == ResultCode.CONSTRAINT_VIOLATION && diagnostic.startsWith("00000056")) {
            return new PasswordRefusal(PasswordRefusal.Reason.WRONG_OLD_PASSWORD, strip(diagnostic));
        }
        if (rc == ResultCode.CONSTRAINT_VIOLATION || rc == ResultCode.UNWILLING_TO_PERFORM) {
            // AD also says WILL_NOT_PERFORM when the connection is not encrypted: this directory never uses one
            return new PasswordRefusal(PasswordRefusal.Reason.POLICY, strip(diagnostic));
        }
        if (rc == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
            return new PasswordRefusal(PasswordRefusal.Reason.INSUFFICIENT_RIGHTS, "INSUFF_ACCESS_RIGHTS");
        }
        if (rc == ResultCode.NO_SUCH_OBJECT) {
            return new PasswordRefusal(PasswordRefusal.Reason.NOT_ALLOWED, "No such object");
        }
        throw unavailable(e);
    }

    private static String strip(String diagnostic) {
        int colon = diagnostic.indexOf(": ");
        return colon > 0 ? diagnostic.substring(colon + 2).trim() : diagnostic.trim();
    }

    private int domainInt(String attribute) {
        try {
            SearchResultEntry domain = pool.getEntry(baseDn, attribute);
            Integer v = domain == null ? null : domain.getAttributeValueAsInteger(attribute);
            return v == null ? 0 : v;
        } catch (LDAPException e) {
            throw unavailable(e);
        }
    }

    private DirectoryEntry toEntry(SearchResultEntry e) {
        List<String> groups = new ArrayList<>();
        for (String memberOf : Optional.ofNullable(e.getAttributeValues("memberOf")).orElse(new String[0])) {
            try {
                groups.add(new DN(memberOf).getRDN().getAttributeValues()[0]);
            } catch (LDAPException ignored) {
                // a malformed DN names no group
            }
        }
        String name = e.getAttributeValue("sAMAccountName");
        return new DirectoryEntry(guid(e.getAttributeValueBytes("objectGUID")), name,
                Optional.ofNullable(e.getAttributeValue("displayName")).orElse(name), e.getAttributeValue("givenName"),
                e.getAttributeValue("sn"), e.getAttributeValue("mail"), e.getAttributeValue("userPrincipalName"),
                e.getDN(), groups);
    }

    /** {@code "password"} in UTF-16LE, quotes included: the only form AD takes for {@code unicodePwd}. */
    static byte[] unicodePwd(String password) {
        return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
    }

    /** AD's objectGUID bytes as the connector formats them: the first three groups little-endian. */
    static UUID guid(byte[] b) {
        ByteBuffer msb = ByteBuffer.allocate(8).put(new byte[] { b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6] });
        return new UUID(msb.flip().getLong(), ByteBuffer.wrap(b, 8, 8).getLong());
    }

    static byte[] guidBytes(UUID guid) {
        byte[] s = ByteBuffer.allocate(16).putLong(guid.getMostSignificantBits()).putLong(guid.getLeastSignificantBits())
                .array();
        return new byte[] { s[3], s[2], s[1], s[0], s[5], s[4], s[7], s[6], s[8], s[9], s[10], s[11], s[12], s[13],
                s[14], s[15] };
    }

    static long fileTime(Instant instant) {
        return (instant.getEpochSecond() + FILETIME_EPOCH_OFFSET) * 10_000_000L;
    }

    private static DirectoryUnavailableException unavailable(LDAPException e) {
        return new DirectoryUnavailableException("directory error " + e.getResultCode() + ": "
                + Optional.ofNullable(e.getDiagnosticMessage()).orElse(""), null);
    }
}
