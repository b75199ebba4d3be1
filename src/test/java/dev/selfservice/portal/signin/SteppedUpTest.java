package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Protecting an action by the step-up is one declaration: {@link SteppedUpProbeResource} (test-only) has the same
 * action twice, and only the one declared {@code @SteppedUp} asks for the password again.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class SteppedUpTest {

    @Inject
    PortalTestClock clock;

    @Test
    void anActionDeclaredSteppedUpIsRefusedWithoutAFreshStepUpAndTheSameActionUndeclaredIsNot() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);

        Page refused = alice.get(portal() + "/test-only/step-up-probe/protected");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("#again")).contains("enter your work password again");
        assertThat(refused.document().select("#again.info")).as("a routine step, not a red error").hasSize(1);
        // a page asked for by GET comes back to itself after the password, not to the declared /account
        assertThat(refused.hiddenFields("#sign-in-again")).containsEntry("then", "/test-only/step-up-probe/protected");
        assertThat(refused.body()).doesNotContain("acted");

        // the control: the same action without the declaration runs for the same session
        Page undeclared = alice.get(portal() + "/test-only/step-up-probe/unprotected");
        assertThat(undeclared.status()).isEqualTo(200);
        assertThat(undeclared.body()).isEqualTo("acted");
    }

    @Test
    void anActionDeclaredSteppedUpRunsAfterAStepUpAndUntilItsWindowEnds() {
        Browser alice = PortalSteps.stepUp(PortalSteps.signIn("alice", DEMO_PASSWORD), "alice", DEMO_PASSWORD);

        Page acted = alice.get(portal() + "/test-only/step-up-probe/protected");
        assertThat(acted.status()).isEqualTo(200);
        assertThat(acted.body()).isEqualTo("acted");

        // portal.enrolment.recent-sign-in (ten minutes) later, the step-up no longer counts
        clock.advance(Duration.ofMinutes(11));
        assertThat(alice.get(portal() + "/test-only/step-up-probe/protected").status()).isEqualTo(401);
    }
}
