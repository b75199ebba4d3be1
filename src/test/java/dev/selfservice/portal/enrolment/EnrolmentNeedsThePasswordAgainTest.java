package dev.selfservice.portal.enrolment;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Changing recovery contacts needs the AD password entered again (a step-up with prompt=login), not only a recent
 * sign-in, so a copy of a session cookie cannot add an attacker's address: the takeover chain stops at its first step.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class EnrolmentNeedsThePasswordAgainTest {

    @Inject
    PortalTestClock clock;


    @Test
    void aCopiedCookieOfAFreshSignInCannotAddAContact() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Browser copy = PortalSteps.copyOfSession(alice);

        Page again = EnrolmentTest.add(copy, "add-email", "email", "attacker@example.net");
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.text("#again")).contains("enter your work password again");
        assertThat(PortalSteps.outboxCount("attacker@example.net")).as("no code was sent").isZero();

        // going to where a step-up lands, without having begun one, is no step-up
        copy.get(portal() + "/signin/fresh?then=/enrolment");
        assertThat(EnrolmentTest.add(copy, "add-email", "email", "attacker@example.net").status()).isEqualTo(401);
        assertThat(PortalSteps.outboxCount("attacker@example.net")).isZero();

        // the control: after alice's own step-up the same request sends a code the same count sees
        PortalSteps.stepUp(alice, "alice", DEMO_PASSWORD);
        assertThat(EnrolmentTest.add(alice, "add-email", "email", "attacker@example.net").path()).isEqualTo("/enrolment/verify");
        assertThat(PortalSteps.outboxCount("attacker@example.net")).isEqualTo(1);
    }

    @Test
    void theEmployeeEntersThePasswordAgainAndThenAddsAContact() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page again = EnrolmentTest.add(alice, "add-email", "email", "pat@example.com");
        assertThat(again.status()).isEqualTo(401);

        Page login = alice.submit(again, "#sign-in-again", Map.of());
        assertThat(login.uri().toString()).as("prompt=login: the tenant asks although its session lives")
                .startsWith(tenant() + "u/login");
        assertThat(alice.visited()).anyMatch(u -> u.toString().startsWith(tenant() + "authorize")
                && u.getQuery().contains("prompt=login") && u.getQuery().contains("max_age=0"));
        // the password is typed a moment later (a step-up counts only for a password entered after it began)
        dev.selfservice.support.TenantApi.advanceClock(1);
        Page back = alice.submit(login, "form", Map.of("username", "alice", "password", DEMO_PASSWORD));
        assertThat(back.uri().toString()).isEqualTo(portal() + "/enrolment");

        Page verify = EnrolmentTest.add(alice, "add-email", "email", "pat@example.com");
        assertThat(verify.path()).isEqualTo("/enrolment/verify");
    }

    @Test
    void theStepUpLastsTenMinutes() {
        Browser alice = PortalSteps.stepUp(PortalSteps.signIn("alice", DEMO_PASSWORD), "alice", DEMO_PASSWORD);
        clock.advance(Duration.ofMinutes(9));
        assertThat(EnrolmentTest.add(alice, "add-email", "email", "pat@example.com").path()).isEqualTo("/enrolment/verify");
        clock.advance(Duration.ofMinutes(2));
        assertThat(EnrolmentTest.add(alice, "add-email", "email", "sam@example.com").status()).isEqualTo(401);
    }

    @Test
    void theSessionBeforeTheStepUpIsOverAndSoIsItsCopy() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Browser copy = PortalSteps.copyOfSession(alice);
        assertThat(PortalSteps.opensAccount(copy)).as("the copy works before the step-up").isTrue();
        PortalSteps.stepUp(alice, "alice", DEMO_PASSWORD);
        assertThat(PortalSteps.opensAccount(copy)).isFalse();
        assertThat(PortalSteps.opensAccount(alice)).isTrue();
    }
}
