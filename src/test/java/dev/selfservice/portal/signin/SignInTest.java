package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import io.quarkus.test.junit.QuarkusTest;

/** Signing in to the portal through the local tenant, over real HTTP, as a browser does it. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class SignInTest {

    private static Page signIn(Browser browser, String username, String password) {
        Page login = browser.get(portal() + "/signin");
        assertThat(login.uri().toString()).startsWith(tenant() + "u/login");
        return browser.submit(login, "form", Map.of("username", username, "password", password));
    }

    @Test
    void aliceSignsInWithHerAdPasswordAndSeesHerAccount() {
        Browser browser = new Browser();
        Page account = signIn(browser, "alice", DEMO_PASSWORD);

        assertThat(account.status()).isEqualTo(200);
        assertThat(account.uri().toString()).isEqualTo(portal() + "/account");
        assertThat(account.text("#account-name")).isEqualTo("Alice Adams");
        assertThat(account.text("#account-username")).isEqualTo("alice");
        assertThat(account.text("#account-email")).isEqualTo("alice@corp.example");
    }

    @Test
    void anIdTokenFromAnotherIssuerOpensNoSessionThoughThePortalReadsNoDiscoveryDocument() {
        // the tenant signs its tokens with its own keys but names another issuer: only the configured issuer checks it
        dev.selfservice.support.TenantApi.issueAs("https://login.corp.example/");
        Browser browser = new Browser();
        Page refused = signIn(browser, "alice", DEMO_PASSWORD);
        assertThat(refused.uri().getPath()).isNotEqualTo("/account");
        // the page of every sign-in quarkus-oidc could not complete: nothing changed, sign in again
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).contains("SIGN_IN_NOT_COMPLETED").doesNotContain("Alice Adams");
        assertThat(dev.selfservice.support.PortalSteps.opensAccount(browser)).isFalse();
        // the control: the tenant naming itself again, the same sign-in opens the account
        dev.selfservice.support.TenantApi.reset();
        assertThat(signIn(new Browser(), "alice", DEMO_PASSWORD).uri().getPath()).isEqualTo("/account");
    }

    @Test
    void signInIsForcedToTheAdConnectionWithPkce() {
        Browser browser = new Browser();
        signIn(browser, "alice", DEMO_PASSWORD);

        URI authorize = browser.visited().stream().filter(u -> u.toString().startsWith(tenant() + "authorize"))
                .findFirst().orElseThrow();
        assertThat(authorize.getQuery()).contains("connection=corp-ad", "code_challenge_method=S256",
                "code_challenge=", "response_type=code", "state=", "scope=openid", "nonce=");
        assertThat(authorize.getQuery()).as("no AUDIENCE configured: none requested").doesNotContain("audience=");
    }

    @Test
    void signOutEndsThePortalSessionAndTheTenantSession() {
        Browser browser = new Browser();
        Page account = signIn(browser, "alice", DEMO_PASSWORD);

        Page afterSignOut = browser.submit(account, "form.signout", Map.of());

        assertThat(afterSignOut.uri().toString()).isEqualTo(portal() + "/");
        assertThat(browser.visited()).anyMatch(u -> u.toString().startsWith(tenant() + "v2/logout"));
        Page again = browser.get(portal() + "/account");
        assertThat(again.uri().toString())
                .as("neither the portal nor the tenant still has a session: the login page is shown")
                .startsWith(tenant() + "u/login");
    }

    @Test
    void withoutSignInTheAccountPageSendsTheBrowserToTheTenant() {
        Page page = new Browser().get(portal() + "/account");
        assertThat(page.uri().toString()).startsWith(tenant() + "u/login");
        assertThat(page.document().select("input[name=password]")).hasSize(1);
    }
}
