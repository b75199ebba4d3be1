package dev.selfservice.portal.auth0;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.LogCapture;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** The portal's Management API facade over real HTTP to the local tenant: token cache, retries, error mapping. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class Auth0ManagementTest {

    @Inject
    Auth0Management management;


    @Test
    void readsAUserWithTheAdProfile() {
        Auth0User alice = management.user(TenantApi.adUserId("alice"));
        assertThat(alice.nickname()).isEqualTo("alice");
        assertThat(alice.identities()).singleElement().satisfies(i -> {
            assertThat(i.provider()).isEqualTo("ad");
            assertThat(i.connection()).isEqualTo("corp-ad");
        });
    }

    @Test
    void theManagementTokenIsFetchedOnceAndReused() {
        String alice = TenantApi.adUserId("alice");
        management.user(alice);
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 5; i++) {
                management.user(alice);
            }
            assertThat(log.lines()).noneMatch(l -> l.contains("type=seccft") && l.contains("portal-m2m-dev"));
        }
    }

    @Test
    void aTokenAuth0NoLongerTakesIsReplacedOnceAndTheCallGoesThrough() {
        String alice = TenantApi.adUserId("alice");
        management.user(alice);
        // Auth0 answers 401 to a token it no longer takes (revoked, signing key rotated)
        TenantApi.fault(Map.of("method", "GET", "path", "/api/v2/users/", "status", 401, "times", 1));
        try (LogCapture log = LogCapture.start()) {
            assertThat(management.user(alice).nickname()).isEqualTo("alice");
            assertThat(log.lines()).filteredOn(l -> l.contains("type=seccft") && l.contains("portal-m2m-dev")).hasSize(1);
        }
    }

    @Test
    void whenNoNewTokenCanBeHadTheLinkIsNeverSentAndSaysSo() {
        String alice = TenantApi.adUserId("alice");
        String email = TenantApi.passwordlessSignIn("email", "alice.home@example.com");
        management.user(alice);
        // Auth0 no longer takes the token, and its token endpoint fails: the filter has no new token to send
        TenantApi.fault(Map.of("method", "POST", "path", "/api/v2/users/", "status", 401, "times", 0));
        TenantApi.fault(Map.of("method", "POST", "path", "/oauth/token", "grantType", "client_credentials", "status", 503, "times", 0));
        assertThatThrownBy(() -> management.link(alice, "email", email.substring("email|".length())))
                // a try after the 401 that was sent would meet the 401 again and be refused, not unanswered
                .isInstanceOfSatisfying(Auth0Exception.NoAnswer.class, e -> {
                    assertThat(e.error()).isEqualTo("no_management_token");
                    assertThat(e.mayHaveActed()).isFalse();
                });
        TenantApi.clearFaults();
        assertThat(management.user(alice).identities()).hasSize(1);
    }

    @Test
    void aReadIsRetriedAfterA503() {
        String alice = TenantApi.adUserId("alice");
        TenantApi.fault(Map.of("method", "GET", "path", "/api/v2/users/", "status", 503, "times", 2));
        assertThat(management.user(alice).nickname()).isEqualTo("alice");
    }

    @Test
    void aLinkIsNotRetriedAndItsFailureIsAnAuth0Exception() {
        String alice = TenantApi.adUserId("alice");
        String email = TenantApi.passwordlessSignIn("email", "alice.home@example.com");
        TenantApi.fault(Map.of("method", "POST", "path", "/api/v2/users/", "status", 503, "times", 1));
        assertThatThrownBy(() -> management.link(alice, "email", email.substring("email|".length())))
                .isInstanceOfSatisfying(Auth0Exception.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(management.user(alice).identities()).hasSize(1);
    }

    @Test
    void aTimeoutIsAnUnavailableAuth0Exception() {
        String alice = TenantApi.adUserId("alice");
        TenantApi.fault(Map.of("method", "GET", "path", "/api/v2/users/", "delayMs", TenantApi.PAST_THE_TIMEOUT_MS, "times", 3));
        assertThatThrownBy(() -> management.user(alice))
                .isInstanceOfSatisfying(Auth0Exception.class, e -> {
                    assertThat(e.unavailable()).isTrue();
                    // sent, but not answered in time: it may have been carried out (the control for "nothing was sent")
                    assertThat(e.mayHaveActed()).isTrue();
                });
    }

    @Inject
    Auth0Authentication authentication;

    @Test
    void whileTheManagementApiFailsItsBreakerOpensAndTheAuthenticationApiGoesOn() {
        String alice = TenantApi.adUserId("alice");
        TenantApi.fault(Map.of("method", "GET", "path", "/api/v2/users/", "status", 503, "times", 0));
        for (int i = 0; i < 4; i++) {
            // three tries a call (two retries): the breaker opens at the tenth failure, during the fourth call
            assertThatThrownBy(() -> management.user(alice)).isInstanceOf(Auth0Exception.class);
        }
        TenantApi.clearFaults();
        // Auth0 is well again, but the breaker (half of the last 10 calls failed) keeps calls away for a while
        assertThatThrownBy(() -> management.user(alice))
                // a try after the 401 that was sent would meet the 401 again and be refused, not unanswered
                .isInstanceOfSatisfying(Auth0Exception.NoAnswer.class, e -> {
                    assertThat(e.error()).isEqualTo("circuit_open");
                    assertThat(e.mayHaveActed()).as("nothing was sent").isFalse();
                });
        assertThat(authentication.checkPassword("alice", dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD, null))
                .as("the Authentication API has a breaker of its own").isEqualTo(Auth0Authentication.PasswordCheck.RIGHT);
    }

    @Test
    void refusalsDoNotOpenTheBreaker() {
        for (int i = 0; i < 12; i++) {
            assertThatThrownBy(() -> management.user("ad|corp-ad|00000000-0000-0000-0000-000000000000"))
                    .isInstanceOf(Auth0Exception.Refused.class);
        }
        assertThat(management.user(TenantApi.adUserId("alice")).nickname()).isEqualTo("alice");
    }

    @Test
    void anUnknownUserIsInexistentUser() {
        assertThatThrownBy(() -> management.user("ad|corp-ad|00000000-0000-0000-0000-000000000000"))
                .isInstanceOfSatisfying(Auth0Exception.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.error()).isEqualTo("inexistent_user");
                });
    }
}
