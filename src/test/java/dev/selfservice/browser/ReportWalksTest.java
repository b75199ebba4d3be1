package dev.selfservice.browser;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The coverage report walked in Chromium (issue 32): rita of the report group opens it from her account page, starts
 * a reading and sees the figures; on a desktop, a phone, by keyboard alone and without JavaScript, with axe on every
 * page.
 */
@QuarkusTest
@ExtendWith(Chromium.class)
@dev.selfservice.support.CleanSlate
class ReportWalksTest {

    @ParameterizedTest
    @EnumSource(Walk.class)
    void ritaReadsTheDirectoryAndSeesWhoCouldRecoverAlone(Walk walk, TestInfo test) {
        BrowserFlowsTest.walk(test, walk, rita -> {
            rita.open(portal());
            rita.chooses("Sign in with your work account").sees("Log in");
            rita.types("Username", "rita").types("Password", DEMO_PASSWORD).chooses("Continue").sees("Your account");
            rita.chooses("Recovery coverage").sees("Recovery coverage");
            assertThat(rita.bodyText()).contains("No reading yet");
            rita.chooses("Read the directory now").sees("Recovery coverage");
            assertThat(rita.bodyText()).contains("The reading was started");
            // the reading ends on the server in its own time: the page is opened again until it shows the figures
            long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (!rita.bodyText().contains("Read from Auth0 at") && System.nanoTime() < giveUp) {
                rita.open(portal() + "/reports");
                rita.sees("Recovery coverage");
            }
            assertThat(rita.bodyText()).contains("Read from Auth0 at", "25 %",
                    "Employees without a recovery contact (CSV)");
        });
    }
}
