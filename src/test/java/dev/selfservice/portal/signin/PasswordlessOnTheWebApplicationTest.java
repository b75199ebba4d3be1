package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The control of {@link OnlyAnAdSignInOpensThePortalTest}: with the misconfiguration the README warns against (the
 * email connection enabled for the web application), the same changed authorize URL walks Universal Login's
 * passwordless steps and a linked contact's code opens the employee's portal session. So the refusal there comes from
 * the two applications, not from a tenant that cannot do passwordless sign-in.
 */
@QuarkusTest
@TestProfile(PasswordlessOnTheWebApplicationTest.EmailEnabledForTheWebApplication.class)
@dev.selfservice.support.CleanSlate
class PasswordlessOnTheWebApplicationTest {

    public static class EmailEnabledForTheWebApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("local-tenant.web-client.extra-connections", "email");
        }
    }


    @Test
    void aLinkedContactsCodeWouldOpenTheEmployeesSession() {
        Browser attacker = new Browser();
        Page redirect = attacker.stoppingAt(tenant() + "authorize").get(portal() + "/signin");
        String url = redirect.uri().toString().replace("connection=corp-ad", "connection=email");
        Page address = attacker.get(url);
        assertThat(address.path()).isEqualTo("/u/passwordless");
        int before = PortalSteps.outboxCount("bob.personal@example.com");
        Page code = attacker.submit(address, "form", Map.of("address", "bob.personal@example.com"));
        assertThat(code.text("h1")).isEqualTo("Enter the code");
        Page landed = attacker.submit(code, "form", Map.of("code", PortalSteps.awaitCode("bob.personal@example.com", before)));
        assertThat(landed.path()).isEqualTo("/account");
        assertThat(landed.body()).contains("bob@corp.example");
    }
}
