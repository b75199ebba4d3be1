package dev.selfservice.portal.home;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import io.quarkus.test.junit.QuarkusTest;

/** After signing out, or after a session ended on the server, the start page says so, once. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class SignedOutPageTest {

    @Inject
    PortalTestClock clock;

    private static Page signOut(Browser browser) {
        return browser.submit(browser.get(portal() + "/account"), "form.signout", Map.of());
    }

    @Test
    void signingOutEndsOnAStartPageThatSaysYouAreSignedOutOnce() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        assertThat(alice.get(portal() + "/").document().select("#signed-out")).as("the control: signed in").isEmpty();

        Page start = signOut(alice);
        assertThat(start.path()).isEqualTo("/");
        assertThat(start.text("#signed-out")).contains("You are signed out");
        assertThat(start.document().select("#signed-out.notice")).hasSize(1);
        assertThat(alice.get(portal() + "/").document().select("#signed-out")).as("said once").isEmpty();
        assertThat(PortalSteps.opensAccount(alice)).isFalse();
    }

    @Test
    void inGermanToo() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        alice.get(portal() + "/language?to=de&back=/");
        assertThat(signOut(alice).text("#signed-out")).contains("Sie sind abgemeldet");
    }

    @Test
    void aSessionThatEndedOnTheServerSaysWhyOnTheStartPage() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        clock.advance(Duration.ofMinutes(16));
        Page start = alice.get(portal() + "/account");
        assertThat(start.path()).isEqualTo("/");
        assertThat(start.text("#signed-out")).contains("your session ended", "15 minutes without activity",
                "60 minutes after signing in");
    }

    @Test
    void aVisitorWhoNeverSignedInIsToldNothing() {
        assertThat(new Browser().get(portal() + "/").document().select("#signed-out")).isEmpty();
    }
}
