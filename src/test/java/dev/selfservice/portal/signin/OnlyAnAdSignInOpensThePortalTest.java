package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A recovery contact proves control of its address, never a portal session: the web application has only the AD
 * connection, so changing {@code connection=corp-ad} to {@code email} in the authorize URL leads nowhere.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class OnlyAnAdSignInOpensThePortalTest {

    /** The authorize URL the portal sends the browser to, not yet followed. */
    private static String authorizeUrl(Browser browser) {
        Page redirect = browser.stoppingAt(tenant() + "authorize").get(portal() + "/signin");
        assertThat(redirect.status()).isEqualTo(302);
        return redirect.uri().toString();
    }

    @Test
    void aLinkedContactCannotSignInToThePortalByChangingTheConnection() {
        // bob's demo email is linked to his AD account: a passwordless sign-in with it would be bob
        Browser attacker = new Browser();
        String url = authorizeUrl(attacker);
        assertThat(url).contains("connection=corp-ad");
        Page followed = attacker.get(url.replace("connection=corp-ad", "connection=email"));
        assertThat(followed.uri().toString()).startsWith(portal() + "/signin/error");
        assertThat(followed.body()).contains("Sign-in did not complete");
        assertThat(attacker.visited()).noneMatch(u -> u.getPath().startsWith("/u/"));
        assertThat(PortalSteps.outboxCount("bob.personal@example.com")).as("no code was sent").isZero();
        assertThat(PortalSteps.opensAccount(attacker)).isFalse();
    }

    @Test
    void theSameUrlWithTheAdConnectionReachesTheLoginPage() {
        Browser browser = new Browser();
        String url = authorizeUrl(browser);
        Page login = browser.get(url);
        assertThat(login.uri().toString()).startsWith(tenant() + "u/login");
        Page account = browser.submit(login, "form", Map.of("username", "bob", "password", DEMO_PASSWORD));
        assertThat(account.path()).isEqualTo("/account");
    }
}
