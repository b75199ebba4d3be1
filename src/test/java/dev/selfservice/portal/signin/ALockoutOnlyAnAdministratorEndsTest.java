package dev.selfservice.portal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A domain whose lockout lasts until someone unlocks the account (AD's lockout duration 0): no time is promised. */
@QuarkusTest
@TestProfile(ALockoutOnlyAnAdministratorEndsTest.UntilUnlocked.class)
@dev.selfservice.support.CleanSlate
class ALockoutOnlyAnAdministratorEndsTest {

    public static class UntilUnlocked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.password.lockout-duration", "0S");
        }
    }

    @Test
    void theLockedPageSaysWhoCanUnlockItAndPromisesNoTime() {
        Page page = LockedAccountPagesNameTheTimeTest.signInAs(new Browser(), "erin");
        assertThat(page.text("h1")).as("the control: the locked page").isEqualTo("Your account is locked");
        assertThat(page.text("main")).contains("It stays locked until you unlock it by setting a new password")
                .doesNotContain("minutes");
    }
}
