package dev.selfservice.portal;

import static dev.selfservice.portal.Auth0FaultsTest.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.portal.enrolment.Leftovers;
import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 27, item 5 (second part): an enrolment's code exchange whose answer is lost (the tenant carries it out after
 * the portal stopped waiting) made a standalone passwordless user the portal never learned of; the leftovers' sweep
 * finds it by its address and removes it once the grace period has passed, and leaves a contact an enrolment linked.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class ALostCodeExchangeLeavesNoPasswordlessUserTest {

    @Inject
    Leftovers leftovers;

    @AfterEach
    void noFaultOutlivesTheTest() {
        TenantApi.clearFaults();
    }

    /** Enters the code while the tenant holds its answer past the portal's timeout, and waits until it has acted. */
    private static Page enterCodeWhoseAnswerIsLost(Browser alice) {
        Page verify = Auth0FaultsTest.add(alice, PAT);
        String code = TenantApi.latestCode(PAT);
        Auth0FaultsTest.OTP_EXCHANGE.fail(Auth0FaultsTest.Fault.SLOW, 1);
        Page page = Auth0FaultsTest.enterCode(alice, verify, code);
        assertThat(page.status()).isEqualTo(503);
        Auth0FaultsTest.eventually(() -> !Auth0FaultsTest.standaloneUsers(PAT).isEmpty(),
                "the slow exchange lands and makes the passwordless user");
        return page;
    }

    @Test
    void aCodeExchangeWhoseAnswerIsLostLeavesNoPasswordlessUserAfterTheSweep() {
        Browser alice = Auth0FaultsTest.stepUp("alice");
        enterCodeWhoseAnswerIsLost(alice);

        // the control: the user is there, and a sweep before the grace period leaves it
        leftovers.sweep();
        assertThat(Auth0FaultsTest.standaloneUsers(PAT)).as("made by the lost exchange").hasSize(1);

        Auth0FaultsTest.sweepLeftoversLater();
        assertThat(Auth0FaultsTest.standaloneUsers(PAT)).as("removed by the sweep").isEmpty();
        assertThat(Auth0FaultsTest.identities("alice")).hasSize(1);
    }

    @Test
    void theSweepLeavesTheContactOfAnEnrolmentThatCompletedSince() {
        Browser alice = Auth0FaultsTest.stepUp("alice");
        Page page = enterCodeWhoseAnswerIsLost(alice);

        TenantApi.advanceClocks(Duration.ofSeconds(31));
        Page again = alice.submit(page, "#resend", Map.of());
        Page done = Auth0FaultsTest.enterCode(alice, again, TenantApi.latestCode(PAT));
        assertThat(done.uri().toString()).endsWith("/enrolment?done=added");

        Auth0FaultsTest.sweepLeftoversLater();
        assertThat(Auth0FaultsTest.identities("alice")).as("the linked contact stays").hasSize(2);
    }
}
