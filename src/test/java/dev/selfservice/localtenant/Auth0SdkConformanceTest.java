package dev.selfservice.localtenant;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static dev.selfservice.support.TenantApi.M2M_CLIENT;
import static dev.selfservice.support.TenantApi.M2M_SECRET;
import static dev.selfservice.support.TenantApi.WEB_CLIENT;
import static dev.selfservice.support.TenantApi.WEB_SECRET;
import static dev.selfservice.support.TenantApi.OTP_CLIENT;
import static dev.selfservice.support.TenantApi.OTP_SECRET;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.auth0.client.auth.AuthAPI;
import com.auth0.client.auth.PasswordlessEmailType;
import com.auth0.client.mgmt.ManagementApi;
import com.auth0.client.mgmt.errors.BadRequestError;
import com.auth0.client.mgmt.errors.ConflictError;
import com.auth0.client.mgmt.errors.ForbiddenError;
import com.auth0.client.mgmt.errors.NotFoundError;
import com.auth0.client.mgmt.errors.TooManyRequestsError;
import com.auth0.client.mgmt.errors.UnauthorizedError;
import com.auth0.client.mgmt.types.DeleteUserBlocksByIdentifierRequestParameters;
import com.auth0.client.mgmt.types.GetUserResponseContent;
import com.auth0.client.mgmt.types.ListUserBlocksByIdentifierRequestParameters;
import com.auth0.client.mgmt.types.ListUsersByEmailRequestParameters;
import com.auth0.client.mgmt.types.ListUsersRequestParameters;
import com.auth0.client.mgmt.types.SearchEngineVersionsEnum;
import com.auth0.client.mgmt.types.UpdateUserRequestContent;
import com.auth0.client.mgmt.types.UserId;
import com.auth0.client.mgmt.types.UserIdentity;
import com.auth0.client.mgmt.types.UserIdentityProviderEnum;
import com.auth0.client.mgmt.types.UserResponseSchema;
import com.auth0.client.mgmt.users.types.LinkUserIdentityRequestContent;
import com.auth0.exception.APIException;
import com.auth0.exception.RateLimitException;
import com.auth0.json.auth.PasswordlessEmailResponse;
import com.auth0.json.auth.PasswordlessSmsResponse;
import com.auth0.json.auth.TokenHolder;

import dev.selfservice.support.Jwts;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The official Auth0 Java SDK ({@code com.auth0:auth0}, test scope only) against the local tenant: it parses every
 * answer and every error, which is the proof that the local tenant speaks Auth0's wire format.
 */
@QuarkusTest
class Auth0SdkConformanceTest {

    private AuthAPI web;
    private AuthAPI otp;

    @BeforeEach
    void setUp() {
        TenantApi.reset();
        web = AuthAPI.newBuilder(tenant(), WEB_CLIENT, WEB_SECRET).build();
        otp = AuthAPI.newBuilder(tenant(), OTP_CLIENT, OTP_SECRET).build();
    }

    private ManagementApi management() throws Exception {
        AuthAPI m2m = AuthAPI.newBuilder(tenant(), M2M_CLIENT, M2M_SECRET).build();
        String token = m2m.requestToken(tenant() + "api/v2/").execute().getBody().getAccessToken();
        return ManagementApi.builder().url(tenant() + "api/v2").token(token).maxRetries(0).build();
    }

    private static String identityPart(String userId) {
        return userId.substring(userId.indexOf('|') + 1);
    }

    @Test
    void passwordRealmLoginGivesTheAdUsersTokens() throws Exception {
        TokenHolder tokens = web.login("alice", DEMO_PASSWORD.toCharArray(), "corp-ad").setScope("openid profile email")
                .addHeader("auth0-forwarded-for", "203.0.113.7").execute().getBody();

        assertThat(tokens.getAccessToken()).isNotBlank();
        assertThat(tokens.getTokenType()).isEqualTo("Bearer");
        assertThat(Jwts.claims(tokens.getIdToken())).containsEntry("nickname", "alice")
                .containsEntry("email", "alice@corp.example");
        assertThat(Jwts.subject(tokens.getIdToken())).startsWith("ad|corp-ad|");
    }

    @Test
    void aWrongPasswordIsAnApiExceptionWithAuth0sErrorAndDescription() {
        APIException e = catchThrowableOfType(APIException.class,
                () -> web.login("bob", "wrong".toCharArray(), "corp-ad").setScope("openid").execute());

        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(e.getError()).isEqualTo("invalid_grant");
        assertThat(e.getDescription()).isEqualTo("Wrong email or password.");
        assertThat(e.isInvalidCredentials()).isTrue();
    }

    @Test
    void anExpiredAdPasswordIsPasswordExpired() {
        APIException e = catchThrowableOfType(APIException.class,
                () -> web.login("carol", DEMO_PASSWORD.toCharArray(), "corp-ad").execute());
        assertThat(e.getError()).isEqualTo("password_expired");
    }

    @Test
    void passwordlessEmailStartAndOtpExchangeSignTheAddressIn() throws Exception {
        PasswordlessEmailResponse started = otp.startPasswordlessEmailFlow("Alice.Personal@Example.com",
                PasswordlessEmailType.CODE).execute().getBody();
        assertThat(started.getEmail()).isEqualTo("alice.personal@example.com");
        assertThat(started.getId()).matches("[0-9a-f]{24}");
        assertThat(started.isEmailVerified()).isFalse();

        String code = TenantApi.latestCode("alice.personal@example.com");
        TokenHolder tokens = otp.exchangePasswordlessOtp("alice.personal@example.com", "email", code.toCharArray())
                .setScope("openid email").execute().getBody();
        assertThat(Jwts.subject(tokens.getIdToken())).isEqualTo("email|" + started.getId());
        assertThat(Jwts.claims(tokens.getIdToken())).containsEntry("email_verified", true);
    }

    @Test
    void passwordlessSmsStartAndOtpExchangeSignTheNumberIn() throws Exception {
        PasswordlessSmsResponse started = otp.startPasswordlessSmsFlow("+14155550123").execute().getBody();
        assertThat(started.getPhoneNumber()).isEqualTo("+14155550123");
        assertThat(started.isPhoneVerified()).isFalse();

        String code = TenantApi.latestCode("+14155550123");
        TokenHolder tokens = otp.exchangePasswordlessOtp("+14155550123", "sms", code.toCharArray())
                .setScope("openid phone").execute().getBody();
        assertThat(Jwts.subject(tokens.getIdToken())).isEqualTo("sms|" + started.getId());
        assertThat(Jwts.claims(tokens.getIdToken())).containsEntry("phone_number", "+14155550123");
    }

    @Test
    void aWrongCodeIsInvalidGrant() throws Exception {
        otp.startPasswordlessEmailFlow("someone@example.com", PasswordlessEmailType.CODE).execute();
        APIException e = catchThrowableOfType(APIException.class,
                () -> otp.exchangePasswordlessOtp("someone@example.com", "email", "000000x".toCharArray()).execute());
        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(e.getError()).isEqualTo("invalid_grant");
    }

    @Test
    void clientCredentialsGiveAManagementTokenWithTheGrantedScopes() throws Exception {
        TokenHolder tokens = AuthAPI.newBuilder(tenant(), M2M_CLIENT, M2M_SECRET).build()
                .requestToken(tenant() + "api/v2/").execute().getBody();
        assertThat(tokens.getScope()).isEqualTo("read:users update:users delete:users read:connections");
        assertThat(tokens.getExpiresIn()).isEqualTo(86400);
    }

    @Test
    void aBadClientSecretIsAccessDenied() {
        APIException e = catchThrowableOfType(APIException.class,
                () -> AuthAPI.newBuilder(tenant(), M2M_CLIENT, "wrong").build().requestToken(tenant() + "api/v2/").execute());
        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.isAccessDenied()).isTrue();
    }

    @Test
    void a429FromTheAuthenticationApiIsARateLimitExceptionWithItsValues() {
        // the SDK retries a 429 a few times by itself: the fault outlasts its retries
        TenantApi.fault(Map.of("method", "POST", "path", "/oauth/token", "status", 429, "times", 10));
        RateLimitException e = catchThrowableOfType(RateLimitException.class,
                () -> web.login("alice", DEMO_PASSWORD.toCharArray(), "corp-ad").execute());
        assertThat(e.getLimit()).isEqualTo(1);
        assertThat(e.getRemaining()).isZero();
        assertThat(e.getReset()).isPositive();
    }

    @Test
    void managementUsersGetUpdateListAndByEmail() throws Exception {
        ManagementApi mgmt = management();
        List<UserResponseSchema> found = mgmt.users().list(ListUsersRequestParameters.builder()
                .q("identities.connection:\"corp-ad\" AND nickname:\"bob\"").searchEngine(SearchEngineVersionsEnum.V3)
                .build()).streamItems().toList();
        assertThat(found).hasSize(1);
        String bobId = found.get(0).getUserId().orElseThrow();

        GetUserResponseContent bob = mgmt.users().get(bobId);
        assertThat(bob.getEmail()).contains("bob@corp.example");
        assertThat(bob.getNickname()).contains("bob");
        assertThat(bob.getIdentities().orElseThrow().get(0).getConnection()).contains("corp-ad");
        assertThat(bob.getIdentities().orElseThrow()).as("bob's demo recovery email")
                .anySatisfy(i -> assertThat(i.getProfileData().flatMap(p -> p.getEmail())).contains("bob.personal@example.com"));

        assertThat(mgmt.users().update(bobId, UpdateUserRequestContent.builder().blocked(true).build()).getBlocked())
                .contains(true);
        assertThat(mgmt.users().listUsersByEmail(ListUsersByEmailRequestParameters.builder().email("bob@corp.example")
                .build())).singleElement().satisfies(u -> assertThat(u.getBlocked()).contains(true));
        assertThat(mgmt.users().listUsersByEmail(ListUsersByEmailRequestParameters.builder().email("BOB@corp.example")
                .build())).as("Auth0 matches the address exactly").isEmpty();

        mgmt.users().update(bobId, UpdateUserRequestContent.builder().blocked(false).password("N3w-Passw0rd-4-Robert").build());
        assertThat(web.login("bob", "N3w-Passw0rd-4-Robert".toCharArray(), "corp-ad").execute().getBody().getAccessToken())
                .as("the new password went to the directory").isNotBlank();
    }

    @Test
    void theConnectionsTheirApplicationsAndTheConnectorStatusAreTheSdksTypes() throws Exception {
        ManagementApi mgmt = management();
        List<com.auth0.client.mgmt.types.ConnectionForList> ad = new java.util.ArrayList<>();
        mgmt.connections().list(com.auth0.client.mgmt.types.ListConnectionsQueryParameters.builder().name("corp-ad")
                .build()).forEach(ad::add);
        assertThat(ad).singleElement().satisfies(c -> {
            assertThat(c.getName()).contains("corp-ad");
            assertThat(c.getId()).hasValueSatisfying(id -> assertThat(id).startsWith("con_"));
        });
        String id = ad.get(0).getId().orElseThrow();
        List<String> clients = new java.util.ArrayList<>();
        mgmt.connections().clients().get(id).forEach(c -> clients.add(c.getClientId()));
        assertThat(clients).containsExactly(WEB_CLIENT);
        mgmt.connections().checkStatus(id); // online: no error

        given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("connectorOnline", false))
                .post(tenant() + "test-controls/connections/corp-ad").then().statusCode(204);
        NotFoundError offline = catchThrowableOfType(NotFoundError.class, () -> mgmt.connections().checkStatus(id));
        assertThat(offline.statusCode()).isEqualTo(404);
    }

    @Test
    void managementErrorsAreTheSdksTypedErrors() throws Exception {
        ManagementApi mgmt = management();
        NotFoundError notFound = catchThrowableOfType(NotFoundError.class, () -> mgmt.users().get("ad|corp-ad|nobody"));
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body().toString()).contains("inexistent_user");

        String bobId = TenantApi.adUserId("bob");
        BadRequestError weak = catchThrowableOfType(BadRequestError.class,
                () -> mgmt.users().update(bobId, UpdateUserRequestContent.builder().password("short").build()));
        assertThat(weak.statusCode()).isEqualTo(400);

        ManagementApi noToken = ManagementApi.builder().url(tenant() + "api/v2").token("not-a-token").maxRetries(0).build();
        assertThat(catchThrowableOfType(UnauthorizedError.class, () -> noToken.users().get(bobId)).statusCode())
                .isEqualTo(401);

        String readOnly = TenantApi.managementToken("read:users");
        ManagementApi reader = ManagementApi.builder().url(tenant() + "api/v2").token(readOnly).maxRetries(0).build();
        assertThat(catchThrowableOfType(ForbiddenError.class, () -> reader.users().delete(bobId)).body().toString())
                .contains("insufficient_scope");
    }

    @Test
    void managementIdentitiesLinkAndDeleteAndUserDelete() throws Exception {
        ManagementApi mgmt = management();
        String aliceId = TenantApi.adUserId("alice");
        String emailUser = TenantApi.passwordlessSignIn("email", "alice.home@example.com");

        List<UserIdentity> linked = mgmt.users().identities().link(aliceId, LinkUserIdentityRequestContent.builder()
                .provider(UserIdentityProviderEnum.EMAIL).userId(UserId.of(identityPart(emailUser))).build());
        assertThat(linked).hasSize(2);
        assertThat(linked.get(1).getProfileData().orElseThrow().getEmail()).contains("alice.home@example.com");

        ConflictError again = catchThrowableOfType(ConflictError.class, () -> mgmt.users().identities().link(aliceId,
                LinkUserIdentityRequestContent.builder().provider(UserIdentityProviderEnum.EMAIL)
                        .userId(UserId.of(identityPart(emailUser))).build()));
        assertThat(again.statusCode()).isEqualTo(409);

        assertThat(mgmt.users().identities().delete(aliceId, UserIdentityProviderEnum.EMAIL, identityPart(emailUser)))
                .singleElement().satisfies(i -> assertThat(i.getProvider()).isEqualTo("ad"));
        assertThat(mgmt.users().get(emailUser).getUserId()).contains(emailUser);

        mgmt.users().delete(emailUser);
        assertThat(catchThrowableOfType(NotFoundError.class, () -> mgmt.users().get(emailUser))).isNotNull();
    }

    @Test
    void managementUserBlocksListAndDelete() throws Exception {
        for (int i = 0; i < 10; i++) {
            catchThrowableOfType(APIException.class, () -> web.login("ghost", "wrong".toCharArray(), "corp-ad")
                    .addHeader("auth0-forwarded-for", "198.51.100.9").execute());
        }
        ManagementApi mgmt = management();
        var blocks = mgmt.userBlocks().listByIdentifier(ListUserBlocksByIdentifierRequestParameters.builder()
                .identifier("ghost").build()).getBlockedFor().orElseThrow();
        assertThat(blocks).singleElement().satisfies(b -> {
            assertThat(b.getIdentifier()).contains("ghost");
            assertThat(b.getIp()).contains("198.51.100.9");
            assertThat(b.getConnection()).contains("corp-ad");
        });
        mgmt.userBlocks().deleteByIdentifier(DeleteUserBlocksByIdentifierRequestParameters.builder().identifier("ghost").build());
        assertThat(mgmt.userBlocks().listByIdentifier(ListUserBlocksByIdentifierRequestParameters.builder()
                .identifier("ghost").build()).getBlockedFor().orElseThrow()).isEmpty();

        String bobId = TenantApi.adUserId("bob");
        TenantApi.pauseByBruteForce("bob", "198.51.100.10");
        assertThat(mgmt.userBlocks().list(bobId).getBlockedFor().orElseThrow()).singleElement()
                .satisfies(b -> assertThat(b.getIp()).contains("198.51.100.10"));
        mgmt.userBlocks().delete(bobId);
        assertThat(mgmt.userBlocks().list(bobId).getBlockedFor().orElseThrow()).isEmpty();
    }

    @Test
    void aManagementRateLimitIsTooManyRequestsWithTheRateLimitHeaders() throws Exception {
        ManagementApi mgmt = management();
        String bobId = TenantApi.adUserId("bob");
        TenantApi.managementRateLimit(1);
        TooManyRequestsError e = null;
        for (int i = 0; i < 3 && e == null; i++) {
            e = catchThrowableOfType(TooManyRequestsError.class, () -> mgmt.users().get(bobId));
        }
        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.headers().keySet().stream().map(String::toLowerCase))
                .contains("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset");
    }
}
