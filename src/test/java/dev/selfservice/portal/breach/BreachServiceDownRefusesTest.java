package dev.selfservice.portal.breach;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With {@code BREACH_WHEN_UNAVAILABLE=refuse}, no new password is set while the breach list cannot be asked. */
@QuarkusTest
@TestProfile(BreachServiceDownRefusesTest.Refuse.class)
@CleanSlate
class BreachServiceDownRefusesTest {

    public static class Refuse implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.breach.when-unavailable", "refuse");
        }
    }

    @Test
    void withTheServiceDownANewPasswordIsRefusedWithATryAgainPageAndNothingIsWritten() {
        TenantApi.fault(Map.of("method", "GET", "path", "/range/", "status", 503, "times", 0));
        double before = BreachScreeningTest.unscreened("refused");
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page refused = BreachScreeningTest.change(alice, BreachScreeningTest.NOT_BREACHED);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.text("#problem")).contains("could not check the new password", "Try again in a few minutes");
        assertThat(BreachScreeningTest.passwordWrites()).isZero();
        assertThat(BreachScreeningTest.unscreened("refused")).isEqualTo(before + 1);

        // the expired page and the recovery reset refuse alike
        Page expired = BreachScreeningTest.changeExpired(new Browser(), "carol", BreachScreeningTest.NOT_BREACHED);
        assertThat(expired.status()).isEqualTo(503);
        assertThat(expired.text("#problem")).contains("Try again in a few minutes");
        Browser bob = new Browser();
        Page reset = BreachScreeningTest.reset(bob, BreachScreeningTest.proveBob(bob), BreachScreeningTest.NOT_BREACHED);
        assertThat(reset.status()).isEqualTo(503);
        assertThat(reset.text("#problem")).contains("Try again in a few minutes");
        assertThat(BreachScreeningTest.passwordWrites()).isZero();

        // the service back (and the breaker reset, as it would close after its delay): the same step goes through
        TenantApi.clearFaults();
        io.quarkus.arc.Arc.container().instance(io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.class).get()
                .reset(PwnedRange.BREAKER);
        Page done = BreachScreeningTest.reset(bob, reset, BreachScreeningTest.NOT_BREACHED);
        assertThat(done.path()).isEqualTo("/recovery/done");
        assertThat(BreachScreeningTest.passwordWrites()).isEqualTo(1);
    }

    @Test
    void withTheServiceDownTheChecklistNeverCallsANewPasswordAcceptable() {
        Browser browser = new Browser();
        Map<String, String> fields = new java.util.HashMap<>(
                browser.get(dev.selfservice.support.LocalTenantUrls.portal() + "/password/expired")
                        .hiddenFields("#expired-password"));
        fields.put("password", BreachScreeningTest.NOT_BREACHED);
        fields.put("words", "carol");
        TenantApi.fault(Map.of("method", "GET", "path", "/range/", "status", 503, "times", 0));
        Page down = browser.post(dev.selfservice.support.LocalTenantUrls.portal() + "/password/rules", fields);
        assertThat(down.body()).contains("\"breach\":\"unavailable\"").contains("\"acceptable\":false");
        // the control: the service back, the same password is acceptable
        TenantApi.clearFaults();
        io.quarkus.arc.Arc.container().instance(io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.class).get()
                .reset(PwnedRange.BREAKER);
        Page back = browser.post(dev.selfservice.support.LocalTenantUrls.portal() + "/password/rules", fields);
        assertThat(back.body()).contains("\"breach\":\"clean\"").contains("\"acceptable\":true");
    }

    @Test
    void aWrongRangeUrlIsRefusedAsTheServiceDownWouldBe() {
        // the tenant refusing the path as an unknown server would: 404 is no answer of the range API
        TenantApi.fault(Map.of("method", "GET", "path", "/range/", "status", 404, "times", 0));
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page refused = BreachScreeningTest.change(alice, BreachScreeningTest.NOT_BREACHED);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(BreachScreeningTest.passwordWrites()).isZero();
    }
}
