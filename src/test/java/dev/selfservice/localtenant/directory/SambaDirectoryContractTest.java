package dev.selfservice.localtenant.directory;

import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;

import dev.selfservice.support.SambaDc;

/** The directory contract against a real AD: the test Samba DC, through the same LDAPS code the tenant uses. */
@ExtendWith(SambaDc.class)
class SambaDirectoryContractTest extends DirectoryContract {

    private static LdapDirectory directory;
    private static LDAPConnection admin;

    @BeforeAll
    static void connect() throws Exception {
        directory = new LdapDirectory(SambaDc.settings(), Clock.systemUTC());
        admin = SambaDc.admin();
    }

    @AfterAll
    static void disconnect() {
        if (directory != null) {
            directory.close();
        }
        if (admin != null) {
            admin.close();
        }
    }

    @AfterEach
    void removeUser() throws Exception {
        admin.delete(dn(user));
    }

    private static String dn(String name) {
        return "CN=" + name + ",CN=Users," + SambaDc.BASE_DN;
    }

    @Override
    protected Directory directory() {
        return directory;
    }

    @Override
    protected DirectoryControls controls() {
        return directory;
    }

    @Override
    protected void createUser(String name, String password) throws Exception {
        admin.add(dn(name),
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", name),
                new Attribute("userPrincipalName", name + "@example.test"),
                new Attribute("displayName", "Contract Tester"),
                new Attribute("givenName", "Contract"),
                new Attribute("sn", "Tester"),
                new Attribute("mail", name + "@example.test"),
                new Attribute("unicodePwd", LdapDirectory.unicodePwd(password)),
                new Attribute("userAccountControl", "512"));
    }

    @Override
    protected void agePassword(String name, int days) throws Exception {
        SambaDc.agePassword(name, days);
    }
}
