package dev.selfservice.browser;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The enrolment nudge walked in Chromium (issue 30): an employee without a recovery contact signs in to the intranet,
 * another application of the tenant, whose sign-in runs the tenant's own nudge Action
 * ({@code deploy/auth0/actions/enrolment-nudge.js}); the portal's nudge page offers to add a contact or to be reminded
 * later, and either way the employee lands back in the intranet signed in. Axe checks every nudge page.
 */
@QuarkusTest
@ExtendWith(Chromium.class)
@dev.selfservice.support.CleanSlate
class NudgeWalksTest {

    private static final String PHONE = "+14258831929";

    @Inject
    PortalTestClock clock;

    private Intranet intranet;

    @BeforeEach
    void theIntranetWithTheNudgeActionOnItsTenant() {
        intranet = Intranet.start();
        TenantApi.bindPostLoginActions(List.of("deploy/auth0/actions/enrolment-nudge.js"), Map.of(
                "NUDGE_URL", portal() + "/nudge",
                "NUDGE_SECRET", ConfigProvider.getConfig().getValue("portal.nudge.secret", String.class),
                "AD_CONNECTION", "corp-ad"));
    }

    @AfterEach
    void stopTheIntranet() {
        intranet.close();
    }

    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP", "PHONE", "KEYBOARD_ONLY" })
    void aliceSigningInToTheIntranetAddsAPhoneWithACodeAndLandsBackSignedIn(Walk walk, TestInfo test) {
        BrowserFlowsTest.walk(test, walk, alice -> {
            alice.open(intranet.signInUrl());
            alice.sees("Log in");
            alice.types("Username", "alice").types("Password", DEMO_PASSWORD).chooses("Continue")
                    .sees("Add a recovery contact");
            assertThat(alice.path()).isEqualTo("/nudge/offer");
            assertThat(alice.bodyText()).contains("can let you back in", "We will ask again when you sign in after");

            alice.chooses("Add a recovery contact now").sees("Add a recovery contact");
            assertThat(alice.path()).isEqualTo("/nudge/contact");
            alice.types("Mobile phone number", "+1 425 883 1929").chooses("Send a code");
            alice.sees("Enter the code");
            assertThat(alice.bodyText()).contains("929").doesNotContain("883");

            alice.types("Code", TenantApi.latestCode(PHONE)).chooses("Confirm").sees("Intranet");
            assertThat(alice.textOf("signed-in")).isEqualTo("Signed in as Alice Adams (" + TenantApi.adUserId("alice") + ")");
        });
        assertThat(TenantApi.passwordlessSignIn("sms", PHONE)).isEqualTo(TenantApi.adUserId("alice"));
    }

    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP", "KEYBOARD_ONLY" })
    void aliceIsAskedWhetherHerPhoneIsStillHersAndConfirmsItWithACode(Walk walk, TestInfo test) {
        TenantApi.bindPostLoginActions(List.of("deploy/auth0/actions/enrolment-nudge.js"), Map.of(
                "NUDGE_URL", portal() + "/nudge",
                "NUDGE_SECRET", ConfigProvider.getConfig().getValue("portal.nudge.secret", String.class),
                "AD_CONNECTION", "corp-ad", "RECONFIRM_AFTER_DAYS", "180"));
        // linked with no date: as far as the Action and the portal know, never confirmed
        TenantApi.linkContact("alice", "sms", PHONE);
        BrowserFlowsTest.walk(test, walk, alice -> {
            alice.open(intranet.signInUrl());
            alice.sees("Log in");
            alice.types("Username", "alice").types("Password", DEMO_PASSWORD).chooses("Continue")
                    .sees("Is this still yours?");
            assertThat(alice.bodyText()).contains("+1 \u2022\u2022\u2022\u2022 \u2022\u2022\u2022 929", "Nothing is removed")
                    .doesNotContain("883");
            alice.chooses("Yes, send a code").sees("Confirm your recovery contact");
            alice.types("Code", TenantApi.latestCode(PHONE)).chooses("Confirm").sees("Intranet");
            assertThat(alice.textOf("signed-in")).isEqualTo("Signed in as Alice Adams (" + TenantApi.adUserId("alice") + ")");
        });
        assertThat(TenantApi.appMetadata(TenantApi.adUserId("alice"))).containsKey("confirmed_at");
    }

    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "PHONE" })
    void aliceWhosePasswordIsNeededCanStillChooseLater(Walk walk, TestInfo test) {
        BrowserFlowsTest.walk(test, walk, alice -> {
            alice.open(intranet.signInUrl());
            alice.sees("Log in");
            alice.types("Username", "alice").types("Password", DEMO_PASSWORD).chooses("Continue")
                    .sees("Add a recovery contact");
            TenantApi.advanceClocks(Duration.ofMinutes(6));
            alice.open(portal() + "/nudge/contact");
            alice.sees("Your password is needed");
            assertThat(alice.bodyText()).contains("We will ask again when you sign in after");
            alice.chooses("Remind me later").sees("Intranet");
            assertThat(alice.textOf("signed-in")).isEqualTo("Signed in as Alice Adams (" + TenantApi.adUserId("alice") + ")");
        });
    }

    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP", "PHONE" })
    void helenChoosesLaterInGermanAndLandsBackSignedIn(Walk walk, TestInfo test) {
        String day = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMAN).withZone(ZoneOffset.UTC)
                .format(clock.instant().plus(Duration.ofDays(7)));
        BrowserFlowsTest.walk(test, walk, helen -> {
            helen.open(intranet.signInUrl());
            helen.sees("Log in");
            helen.types("Username", "helen").types("Password", DEMO_PASSWORD).chooses("Continue")
                    .sees("Add a recovery contact");
            helen.chooses("Deutsch").sees("Wiederherstellungskontakt hinzufügen");
            assertThat(helen.textOf("later-hint")).isEqualTo("Wir fragen wieder, wenn Sie sich nach dem " + day
                    + " anmelden, in 7 Tagen.");

            helen.chooses("Später erinnern").sees("Intranet");
            assertThat(helen.textOf("signed-in")).isEqualTo("Signed in as Helen Hughes (" + TenantApi.adUserId("helen") + ")");
        });
        assertThat(TenantApi.appMetadata(TenantApi.adUserId("helen"))).extractingByKey("enrolment_nudge")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("snoozes", 1);
    }
}
