package dev.selfservice.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 27, item 5 (c): when the enrolment code was used at Auth0 and reading the employee's account then fails, the
 * page says that the code was used and a new one is needed, not "Nothing was changed, try again"; and the standalone
 * passwordless user the exchange made does not stay behind.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class AReadFailingAfterAUsedCodeTest {

    @AfterEach
    void noFaultOutlivesTheTest() {
        TenantApi.clearFaults();
    }

    @Test
    void theEmployeeIsToldTheCodeIsUsedUpAndNeedsANewOne() {
        Browser alice = Auth0FaultsTest.stepUp("alice");
        Page verify = Auth0FaultsTest.add(alice, Auth0FaultsTest.PAT);
        String code = TenantApi.latestCode(Auth0FaultsTest.PAT);
        // every try of reading a user answers 503: the first read after the code is the account before the link
        Auth0FaultsTest.READ_USER.fail(Auth0FaultsTest.Fault.FAILS, 20);
        Page page = Auth0FaultsTest.enterCode(alice, verify, code);
        TenantApi.clearFaults();

        assertThat(TenantApi.events(Map.of("type", "sco"))).as("the code was used at Auth0").isNotEmpty();
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.text("#problem")).contains("code is now used up").contains("Send a new code")
                .doesNotContain("Try again in a moment");
        assertThat(Auth0FaultsTest.identities("alice")).hasSize(1);
        assertThat(Auth0FaultsTest.standaloneUsers(Auth0FaultsTest.PAT)).as("no passwordless user stays behind").isEmpty();

        // the way on the page offers works: a new code, then the contact is added
        TenantApi.advanceClocks(Duration.ofSeconds(31));
        Page again = alice.submit(page, "#resend", Map.of());
        assertThat(again.path()).isEqualTo("/enrolment/verify");
        Page done = Auth0FaultsTest.enterCode(alice, again, TenantApi.latestCode(Auth0FaultsTest.PAT));
        assertThat(done.uri().toString()).endsWith("/enrolment?done=added");
        assertThat(Auth0FaultsTest.identities("alice")).hasSize(2);
    }
}
