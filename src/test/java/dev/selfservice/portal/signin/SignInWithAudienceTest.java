package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With AUDIENCE set, sign-in asks Auth0 for that API, as the original portal did; without it, no audience is sent. */
@QuarkusTest
@TestProfile(SignInWithAudienceTest.WithAudience.class)
@dev.selfservice.support.CleanSlate
class SignInWithAudienceTest {

    public static class WithAudience implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the API exists in the tenant, as it must in Auth0: an audience that is no API is "Service not found"
            return Map.of("AUDIENCE", "urn:self-service-portal-api", "local-tenant.apis", "urn:self-service-portal-api");
        }
    }

    @Test
    void theConfiguredAudienceIsRequestedAndSignInStillWorks() {
        Browser browser = new Browser();
        Page login = browser.get(portal() + "/signin");
        Page account = browser.submit(login, "form", Map.of("username", "bob", "password", DEMO_PASSWORD));

        assertThat(account.uri().toString()).isEqualTo(portal() + "/account");
        assertThat(browser.visited()).anyMatch(u -> u.toString().startsWith(tenant() + "authorize")
                && u.getQuery().contains("audience=urn:self-service-portal-api"));
    }
}
