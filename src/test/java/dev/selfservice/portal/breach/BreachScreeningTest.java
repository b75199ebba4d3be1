package dev.selfservice.portal.breach;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every new password is screened against known breaches before it reaches Auth0: on the signed-in change, the
 * expired change and the recovery reset, through the local tenant's range API (seeded like Have I Been Pwned's).
 */
@QuarkusTest
@CleanSlate
class BreachScreeningTest {

    /** In the tenant's breach list, and passes every other rule of the policy. */
    static final String BREACHED = "Nimbus-Quartz-Tangelo-83";
    static final String NOT_BREACHED = "Violet-Harbor-Lamp-73";
    static final String BOB_EMAIL = "bob.personal@example.com";

    static int passwordWrites() {
        return TenantApi.events(Map.of("type", "sapi", "operation", "set_password")).size();
    }

    static List<Map<String, Object>> rangeRequests() {
        return given().get(tenant() + "test-controls/pwned-range").then().statusCode(200).extract().jsonPath().getList("$");
    }

    static Page change(Browser browser, String password) {
        Page form = browser.get(portal() + "/password/change");
        return browser.submit(form, "#change-password", Map.of("current", DEMO_PASSWORD, "password", password,
                "confirm", password));
    }

    static Page changeExpired(Browser browser, String user, String password) {
        Page form = browser.get(portal() + "/password/expired");
        return browser.submit(form, "#expired-password", Map.of("username", user, "current", DEMO_PASSWORD,
                "password", password, "confirm", password));
    }

    static Page proveBob(Browser browser) {
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page form = browser.get(portal() + "/recovery");
        Page code = browser.submit(form, "#recovery-start", Map.of("username", "bob", "contact", BOB_EMAIL));
        return browser.submit(code, "#recovery-code", Map.of("code", PortalSteps.awaitCode(BOB_EMAIL, before)));
    }

    static Page reset(Browser browser, Page resetPage, String password) {
        return browser.submit(resetPage, "#recovery-reset", Map.of("password", password, "confirm", password));
    }

    @Test
    void aBreachedPasswordIsRefusedOnTheSignedInChangeWithTheReasonAndNeverReachesTheTenant() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page refused = change(alice, BREACHED);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#problem")).contains("appears in known data breaches", "Choose a different one");
        assertThat(refused.body()).doesNotContain(BREACHED);
        assertThat(passwordWrites()).as("no password write reached the tenant").isZero();
        assertThat(PortalSteps.signsIn("alice", DEMO_PASSWORD)).isTrue();

        // the positive control: a password not in the list is set, and counted where the refused one was not
        Page done = change(alice, NOT_BREACHED);
        assertThat(done.path()).isEqualTo("/password/changed");
        assertThat(passwordWrites()).isEqualTo(1);
        assertThat(PortalSteps.signsIn("alice", NOT_BREACHED)).isTrue();
    }

    @Test
    void aBreachedPasswordIsRefusedOnTheExpiredChangeWithTheReasonAndNeverReachesTheTenant() {
        Page refused = changeExpired(new Browser(), "carol", BREACHED);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#problem")).contains("appears in known data breaches");
        assertThat(passwordWrites()).isZero();

        Page done = changeExpired(new Browser(), "carol", NOT_BREACHED);
        assertThat(done.path()).isEqualTo("/password/changed");
        assertThat(passwordWrites()).isEqualTo(1);
        assertThat(PortalSteps.signsIn("carol", NOT_BREACHED)).isTrue();
    }

    @Test
    void aBreachedPasswordIsRefusedOnTheRecoveryResetWhichKeepsTheProofForABetterOne() {
        Browser browser = new Browser();
        Page resetPage = proveBob(browser);
        assertThat(resetPage.path()).isEqualTo("/recovery/reset");

        Page refused = reset(browser, resetPage, BREACHED);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#problem")).contains("appears in known data breaches");
        assertThat(passwordWrites()).isZero();

        Page done = reset(browser, refused, NOT_BREACHED);
        assertThat(done.path()).isEqualTo("/recovery/done");
        assertThat(passwordWrites()).isEqualTo(1);
        assertThat(PortalSteps.signsIn("bob", NOT_BREACHED)).isTrue();
    }

    @Test
    void breachedPasswordsRefusedAfterTheRightCurrentPasswordUseUpNoneOfTheEmployeesTries() {
        // the expired page allows three tries of the current password per username in its window (the default)
        for (int i = 0; i < 4; i++) {
            assertThat(changeExpired(new Browser(), "carol", BREACHED).text("#problem"))
                    .contains("appears in known data breaches");
        }
        assertThat(changeExpired(new Browser(), "carol", NOT_BREACHED).path()).isEqualTo("/password/changed");

        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(change(alice, BREACHED).text("#problem")).contains("appears in known data breaches");
        }
        assertThat(change(alice, NOT_BREACHED).path()).isEqualTo("/password/changed");
        // the control: wrong current passwords still use them up
        Browser dave = new Browser();
        for (int i = 0; i < 3; i++) {
            Page form = dave.get(portal() + "/password/expired");
            dave.submit(form, "#expired-password", Map.of("username", "carol", "current", "not-her-password",
                    "password", NOT_BREACHED + "!", "confirm", NOT_BREACHED + "!"));
        }
        Page form = dave.get(portal() + "/password/expired");
        assertThat(dave.submit(form, "#expired-password", Map.of("username", "carol", "current", "not-her-password",
                "password", NOT_BREACHED + "!", "confirm", NOT_BREACHED + "!")).status()).isEqualTo(429);
    }

    @Test
    void theRefusalIsExplainedInGermanOnAGermanPage() {
        Browser browser = new Browser();
        browser.get(portal() + "/language?to=de&back=/password/expired");
        Page refused = changeExpired(browser, "carol", BREACHED);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#problem")).contains("kommt in bekannten Datenlecks vor", "Wählen Sie ein anderes");
    }

    @Test
    void onlyTheFirstFiveHexCharactersOfTheHashLeaveThePortalWithThePaddingHeader() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        change(alice, BREACHED);
        change(alice, NOT_BREACHED);

        List<Map<String, Object>> asked = rangeRequests();
        assertThat(asked).extracting(a -> a.get("path")).containsExactly(
                "/range/" + Sha1.of(BREACHED).prefix(), "/range/" + Sha1.of(NOT_BREACHED).prefix());
        assertThat(asked).allSatisfy(a -> assertThat((String) a.get("path")).matches("/range/[0-9A-F]{5}"));
        assertThat(asked).extracting(a -> a.get("padding")).containsOnly("true");
    }

    @Test
    void withTheServiceDownTheDefaultPolicyAcceptsTheNewPasswordWithAnAuditEventAndAMetric() {
        TenantApi.fault(Map.of("method", "GET", "path", "/range/", "status", 503, "times", 0));
        double before = unscreened("accepted");
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page done;
        try (LogCapture audit = LogCapture.start()) {
            done = change(alice, BREACHED);
            assertThat(audit.lines()).anyMatch(l -> l.contains("\"event\":\"password.screen\"")
                    && l.contains("\"reason\":\"BREACH_LIST_UNAVAILABLE\"") && l.contains("\"decision\":\"accepted\""));
        }
        assertThat(done.path()).as("accepted unscreened, as the default policy says").isEqualTo("/password/changed");
        assertThat(passwordWrites()).isEqualTo(1);
        assertThat(unscreened("accepted")).isEqualTo(before + 1);
    }

    static double unscreened(String decision) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("portal_breach_unscreened_total{")
                && l.contains("decision=\"" + decision + "\"")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
