package dev.selfservice.portal.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** A reset or a lifted pause through recovery is told to the work email and every personal email, never with a secret. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class RecoveryNoticesTest {

    static final String NEW_PASSWORD = "Quiet-Garden-Moon-58";


    @Test
    void aResetIsToldToTheWorkAndThePersonalEmail() {
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "bob", RecoveryTest.BOB_EMAIL, RecoveryTest.BOB_EMAIL);
        assertThat(RecoveryFlow.setPassword(browser, reset, NEW_PASSWORD).text("h1")).contains("new password is set");

        for (String to : List.of("bob@corp.example", RecoveryTest.BOB_EMAIL)) {
            List<Map<String, Object>> notices = PortalSteps.awaitNotices(to, 1);
            assertThat(notices.get(0).get("subject")).isEqualTo("Your work password was reset");
            assertThat((String) notices.get(0).get("text")).contains("with a code sent to one of your recovery contacts")
                    .doesNotContain(NEW_PASSWORD);
        }
    }

    @Test
    void erinsResetByPhoneIsToldToHerWorkEmail() {
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "erin", "+1 415 555 0142", RecoveryTest.ERIN_PHONE);
        RecoveryFlow.setPassword(browser, reset, NEW_PASSWORD);
        assertThat(PortalSteps.awaitNotices("erin@corp.example", 1).get(0).get("subject"))
                .isEqualTo("Your work password was reset");
    }

    @Test
    void aLiftedPauseIsTold() {
        TenantApi.pauseByBruteForce("bob", "127.0.0.1");
        TenantApi.directoryState("bob", "unlocked");
        Browser browser = new Browser();
        Page reset = RecoveryFlow.prove(browser, "bob", RecoveryTest.BOB_EMAIL, RecoveryTest.BOB_EMAIL);
        browser.submit(reset, "#recovery-unblock", Map.of());
        for (String to : List.of("bob@corp.example", RecoveryTest.BOB_EMAIL)) {
            assertThat(PortalSteps.awaitNotices(to, 1).get(0).get("subject"))
                    .isEqualTo("The pause on signing in to your work account was lifted");
        }
    }
}
