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
 * The misconfiguration the README warns against (the email connection enabled for the web application): the changed
 * authorize URL walks Universal Login's passwordless steps and a linked contact's code comes back as the employee's AD
 * account ({@code sub} {@code ad|...}, as Auth0 answers for a linked identity), so the subject alone cannot refuse it.
 * The portal's self-check sees the web application's connections, and while it does no sign-in opens a session
 * (issue 27, item 4): the defence in depth behind {@link OnlyAnAdSignInOpensThePortalTest}.
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


    @jakarta.inject.Inject
    dev.selfservice.portal.auth0.TenantSetupCheck setup;

    @org.junit.jupiter.api.BeforeEach
    void theSelfCheckHasLooked() {
        setup.check();
    }

    @Test
    void aPersonalMailboxSigningInWithALinkedContactsCodeIsRefusedWithAClearPage() {
        Browser attacker = new Browser();
        Page redirect = attacker.stoppingAt(tenant() + "authorize").get(portal() + "/signin");
        String url = redirect.uri().toString().replace("connection=corp-ad", "connection=email");
        Page address = attacker.get(url);
        assertThat(address.path()).isEqualTo("/u/passwordless");
        int before = PortalSteps.outboxCount("bob.personal@example.com");
        Page code = attacker.submit(address, "form", Map.of("address", "bob.personal@example.com"));
        assertThat(code.text("h1")).isEqualTo("Enter the code");
        Page landed = attacker.submit(code, "form", Map.of("code", PortalSteps.awaitCode("bob.personal@example.com", before)));
        assertThat(landed.status()).isEqualTo(503);
        assertThat(landed.text("h1")).isEqualTo("Signing in is switched off");
        assertThat(landed.body()).doesNotContain("bob@corp.example");
        assertThat(PortalSteps.opensAccount(attacker)).isFalse();
    }

    @Test
    void anAdPasswordSignInIsRefusedTooWhileTheWebApplicationReachesAPasswordlessConnection() {
        Browser alice = new Browser();
        Page landed = alice.submit(alice.get(portal() + "/signin"), "form",
                Map.of("username", "alice", "password", dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD));
        assertThat(landed.status()).isEqualTo(503);
        assertThat(landed.text("h1")).isEqualTo("Signing in is switched off");
        assertThat(PortalSteps.opensAccount(alice)).isFalse();
    }
}
