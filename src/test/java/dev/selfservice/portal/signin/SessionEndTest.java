package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.PortalSteps.copyOfSession;
import static dev.selfservice.support.PortalSteps.opensAccount;
import static dev.selfservice.support.PortalSteps.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** A copied session cookie dies with the session: sign-out, any password change, idle timeout, absolute lifetime. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class SessionEndTest {

    static final String NEW_PASSWORD = "Amber-Orchard-Kite-64";

    @Inject
    PortalTestClock clock;


    @Test
    void afterSignOutACopiedCookieIsSignedOut() {
        Browser alice = signIn("alice", DEMO_PASSWORD);
        Browser copy = copyOfSession(alice);
        assertThat(opensAccount(copy)).as("the copy works while the session does").isTrue();
        assertThat(copy.get(portal() + "/account").body()).contains("alice@corp.example");
        assertThat(copy.get(portal() + "/enrolment").body()).contains("Alice Adams");

        alice.submit(alice.get(portal() + "/account"), "form.signout", Map.of());

        Page refused = copy.get(portal() + "/account");
        assertThat(refused.path()).isNotEqualTo("/account");
        assertThat(refused.body()).doesNotContain("alice@corp.example");
        assertThat(copy.get(portal() + "/enrolment").body()).doesNotContain("Alice Adams");
    }

    @Test
    void aBrowserThatPresentsAnEndedSessionIsToldToDropItsSessionCookie() {
        Browser alice = signIn("alice", DEMO_PASSWORD);
        Browser copy = copyOfSession(alice);
        assertThat(copy.cookies().getCookieStore().getCookies()).as("the copy holds the session cookie")
                .anyMatch(c -> c.getName().startsWith("q_session"));
        alice.submit(alice.get(portal() + "/account"), "form.signout", Map.of());

        assertThat(opensAccount(copy)).isFalse();
        assertThat(copy.cookies().getCookieStore().getCookies()).noneMatch(c -> c.getName().startsWith("q_session"));
    }

    @Test
    void aPasswordChangeEndsEveryCopyOfEverySessionOfTheEmployee() {
        Browser alice = signIn("alice", DEMO_PASSWORD);
        Browser otherDevice = signIn("alice", DEMO_PASSWORD);
        Browser copy = copyOfSession(otherDevice);
        assertThat(opensAccount(copy)).isTrue();

        Page form = alice.get(portal() + "/password/change");
        Page changed = alice.submit(form, "#change-password", Map.of("current", DEMO_PASSWORD, "password", NEW_PASSWORD,
                "confirm", NEW_PASSWORD));
        assertThat(changed.path()).isEqualTo("/password/changed");

        assertThat(opensAccount(copy)).isFalse();
        assertThat(opensAccount(otherDevice)).isFalse();
        assertThat(opensAccount(signIn("alice", NEW_PASSWORD))).as("a new sign-in works").isTrue();
    }

    @Test
    void afterAPasswordChangeTheTenantsOwnSessionOpensNoPortalSessionWithoutThePassword() {
        Browser shared = signIn("alice", DEMO_PASSWORD);
        // what is left on a shared PC: the tenant's single sign-on cookie alone
        Browser attacker = new Browser();
        shared.cookies().getCookieStore().getCookies().stream().filter(c -> !c.getName().startsWith("q_session"))
                .filter(c -> !c.getName().startsWith("csrf")).forEach(c -> attacker.cookies().getCookieStore()
                        .add(java.net.URI.create(dev.selfservice.support.LocalTenantUrls.tenant()), c));
        assertThat(attacker.get(portal() + "/signin").path()).as("the control: single sign-on answers").isEqualTo("/account");
        Browser attackerAgain = new Browser();
        shared.cookies().getCookieStore().getCookies().stream().filter(c -> !c.getName().startsWith("q_session"))
                .filter(c -> !c.getName().startsWith("csrf")).forEach(c -> attackerAgain.cookies().getCookieStore()
                        .add(java.net.URI.create(dev.selfservice.support.LocalTenantUrls.tenant()), c));

        Browser alice = signIn("alice", DEMO_PASSWORD);
        // the sign-in above and the change below would fall in one second, which auth_time cannot tell apart
        clock.advance(Duration.ofSeconds(2));
        Page form = alice.get(portal() + "/password/change");
        alice.submit(form, "#change-password", Map.of("current", DEMO_PASSWORD, "password", NEW_PASSWORD,
                "confirm", NEW_PASSWORD));

        Page landed = attackerAgain.get(portal() + "/signin");
        assertThat(landed.path()).isNotEqualTo("/account");
        assertThat(landed.body()).doesNotContain("alice@corp.example");
        assertThat(opensAccount(attackerAgain)).isFalse();
    }

    @Test
    void anExpiredPasswordChangeEndsTheSessionsOpenedBefore() {
        Browser alice = signIn("alice", DEMO_PASSWORD);
        Browser copy = copyOfSession(alice);
        assertThat(opensAccount(copy)).as("the copy works before the change").isTrue();
        TenantApi.directoryState("alice", "expired");
        Browser anyone = new Browser();
        Page done = anyone.submit(anyone.get(portal() + "/password/expired"), "#expired-password", Map.of("username", "alice",
                "current", DEMO_PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text("#changed")).contains("Sign in with your new password");

        assertThat(opensAccount(copy)).isFalse();
    }

    @Test
    void aRecoveryResetEndsEverySessionOfTheEmployee() {
        TenantApi.linkContact("alice", "email", "alice.home@example.com");
        Browser copy = copyOfSession(signIn("alice", DEMO_PASSWORD));
        assertThat(opensAccount(copy)).isTrue();

        Browser recovering = new Browser();
        int before = PortalSteps.outboxCount("alice.home@example.com");
        Page code = recovering.submit(recovering.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", "alice", "contact", "alice.home@example.com"));
        Page reset = recovering.submit(code, "#recovery-code",
                Map.of("code", PortalSteps.awaitCode("alice.home@example.com", before)));
        Page done = recovering.submit(reset, "#recovery-reset", Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(done.status()).isEqualTo(200);

        assertThat(opensAccount(copy)).isFalse();
    }

    @Test
    void anIdleSessionEndsAfterFifteenMinutesAndActivityKeepsItAlive() {
        Browser alice = signIn("alice", DEMO_PASSWORD);
        clock.advance(Duration.ofMinutes(14));
        assertThat(opensAccount(alice)).as("14 minutes idle").isTrue();
        clock.advance(Duration.ofMinutes(14));
        assertThat(opensAccount(alice)).as("14 more, after a request").isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(opensAccount(alice)).as("15 minutes idle").isFalse();
    }

    @Test
    void aSessionEndsAnHourAfterItsSignInHoweverActive() {
        Browser alice = signIn("alice", DEMO_PASSWORD);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(11));
            assertThat(opensAccount(alice)).as("after %d minutes", (i + 1) * 11).isTrue();
        }
        clock.advance(Duration.ofMinutes(6));
        assertThat(opensAccount(alice)).as("after 61 minutes").isFalse();
    }
}
