package dev.selfservice.portal.breach;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With {@code BREACH_FILE}, new passwords are screened against the file, and nothing is sent anywhere. */
@QuarkusTest
@TestProfile(OfflineBreachScreeningTest.Offline.class)
@CleanSlate
class OfflineBreachScreeningTest {

    public static class Offline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.breach.file", HashFileTest.SAMPLE.toAbsolutePath().toString());
        }
    }

    /** The local tenant's seeded breached passwords, and strong ones it does not list. */
    static final List<String> SEEDED = List.of("Nimbus-Quartz-Tangelo-83", "Granite!Falcon!Meadow!41",
            "Quokka-Basalt-Juniper-47", "P@ssw0rd", "Password123!", "Summer2024!");
    static final List<String> UNLISTED = List.of("Violet-Harbor-Lamp-73", "Zinnia-Cobble-Ferro-29",
            "Ochre-Kestrel-Dune-63", "correct horse battery staple");

    @Inject
    PwnedRange range;

    @Test
    void theSampleFileGivesTheSameAnswersAsTheRangeApiOnTheSameList() throws Exception {
        try (HashFile file = new HashFile(HashFileTest.SAMPLE)) {
            for (String password : SEEDED) {
                assertThat(range.contains(Sha1.of(password))).as("the range API lists " + password).isTrue();
                assertThat(file.contains(Sha1.of(password))).as("the file lists " + password).isTrue();
            }
            for (String password : UNLISTED) {
                assertThat(range.contains(Sha1.of(password))).as(password).isFalse();
                assertThat(file.contains(Sha1.of(password))).as(password).isFalse();
            }
        }
    }

    @Test
    void aBreachedPasswordIsRefusedFromTheFileWithoutAskingTheRangeApi() {
        Page refused = BreachScreeningTest.changeExpired(new Browser(), "carol", BreachScreeningTest.BREACHED);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#problem")).contains("appears in known data breaches");
        assertThat(BreachScreeningTest.passwordWrites()).isZero();

        Page done = BreachScreeningTest.change(dev.selfservice.support.PortalSteps.signIn("alice", DEMO_PASSWORD),
                BreachScreeningTest.NOT_BREACHED);
        assertThat(done.path()).isEqualTo("/password/changed");
        assertThat(BreachScreeningTest.passwordWrites()).isEqualTo(1);
        assertThat(BreachScreeningTest.rangeRequests()).as("nothing was sent to the range API").isEmpty();
    }

    @Test
    void theLiveChecklistAnswersFromTheFileToo() {
        Browser browser = new Browser();
        Map<String, String> form = browser.get(portal() + "/password/expired").hiddenFields("#expired-password");
        assertThat(checklistVerdict(browser, form, BreachScreeningTest.BREACHED)).isEqualTo("breached");
        assertThat(checklistVerdict(browser, form, BreachScreeningTest.NOT_BREACHED)).as("the positive control")
                .isEqualTo("clean");
        assertThat(BreachScreeningTest.rangeRequests()).as("nothing was sent to the range API").isEmpty();
    }

    private static String checklistVerdict(Browser browser, Map<String, String> form, String password) {
        Map<String, String> fields = new HashMap<>(form);
        fields.put("password", password);
        Page answer = browser.post(portal() + "/password/rules", fields);
        assertThat(answer.status()).isEqualTo(200);
        return new io.restassured.path.json.JsonPath(answer.body()).getString("breach");
    }
}
