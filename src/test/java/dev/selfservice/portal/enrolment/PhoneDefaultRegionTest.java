package dev.selfservice.portal.enrolment;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A portal whose employees are in Germany reads their mobile numbers as German ones, without +49. */
@QuarkusTest
@TestProfile(PhoneDefaultRegionTest.InGermany.class)
@dev.selfservice.support.CleanSlate
class PhoneDefaultRegionTest {

    public static class InGermany implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.phone-default-region", "DE");
        }
    }

    @Test
    void aNumberWithoutCountryCodeIsReadInTheConfiguredRegionAndThePageSaysWhich() {
        Browser alice = PortalSteps.stepUp(PortalSteps.signIn("alice", DEMO_PASSWORD), "alice", DEMO_PASSWORD);
        assertThat(alice.get(dev.selfservice.support.LocalTenantUrls.portal() + "/enrolment").text("#phone-hint"))
                .startsWith("A number without a country code is taken as +49 (Germany).");

        Page verify = EnrolmentTest.add(alice, "add-phone", "phone", "0151 23456789");
        assertThat(verify.path()).isEqualTo("/enrolment/verify");
        assertThat(PortalSteps.outboxCount("+4915123456789")).as("the code went to the German number").isEqualTo(1);
    }
}
