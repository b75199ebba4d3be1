package dev.selfservice.portal.recovery;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.StateKind;
import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rolling update that changed the recovery's pending code (its kind's version raised): a cookie sealed by the
 * release before opens as no cookie at all, so the employee gets the step's "start again" page with the status a
 * missing cookie gets, and the other kinds' cookies in the same browser (the carried username) still open.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class RecoveryStateVersionTest {

    private static final String BOB_EMAIL = "bob.personal@example.com";

    /** The pending code's kind as the release before sealed it: the same name and fields, its version before. */
    private static final StateKind<RecoveryCookies.PendingCode> PENDING_BEFORE = new StateKind<>(RecoveryCookies.PENDING,
            RecoveryCookies.PENDING_KIND.version() - 1, RecoveryCookies.PendingCode.class);

    @Inject
    CookieSeal seal;

    /** The same pending code, sealed as the release before would have sealed it. */
    private String sealedByTheReleaseBefore(String value) {
        CookieSeal.Opened<RecoveryCookies.PendingCode> opened = seal.open(RecoveryCookies.PENDING_KIND, value).orElseThrow();
        return seal.seal(PENDING_BEFORE, opened.state(), opened.until());
    }

    private static String usernameField(Page page) {
        return page.document().select("#username").attr("value");
    }

    @Test
    void aPendingCodeOfTheVersionBeforeGivesTheStartAgainPageAsAMissingOneDoesAndTheCarriedUsernameStillOpens() {
        Browser browser = new Browser();
        // the username typed on the start page travels in a cookie of another kind, which this change leaves alone
        browser.submit(browser.get(portal() + "/"), "#sign-in-form", Map.of("username", "bob"));
        int before = PortalSteps.outboxCount(BOB_EMAIL);
        Page code = RecoveryFlow.start(browser, "bob", BOB_EMAIL);
        assertThat(code.path()).isEqualTo("/recovery/code");
        String rightCode = PortalSteps.awaitCode(BOB_EMAIL, before);

        List<Browser> copies = browser.copies(3);
        Browser current = copies.get(0);
        Browser older = copies.get(1);
        Browser missing = copies.get(2);
        older.replaceCookie(RecoveryCookies.PENDING, sealedByTheReleaseBefore(browser.cookie(RecoveryCookies.PENDING)));
        missing.dropCookie(RecoveryCookies.PENDING);

        assertThat(missing.get(portal() + "/recovery/code").path()).as("no pending code: back to the start").isEqualTo("/recovery");
        assertThat(older.get(portal() + "/recovery/code").path()).as("one of the version before: the same").isEqualTo("/recovery");
        assertThat(current.get(portal() + "/recovery/code").path()).as("control: this version's").isEqualTo("/recovery/code");

        Page withoutCookie = RecoveryFlow.enterCode(missing, code, rightCode);
        Page withOlder = RecoveryFlow.enterCode(older, code, rightCode);
        assertThat(withoutCookie.status()).isEqualTo(400);
        assertThat(withOlder.status()).as("the status a missing cookie gets").isEqualTo(withoutCookie.status());
        assertThat(withOlder.path()).isEqualTo(withoutCookie.path());
        assertThat(withOlder.text("#problem")).isNotBlank().isEqualTo(withoutCookie.text("#problem"));
        assertThat(withOlder.document().select("#recovery-start")).as("the start form, to begin again").isNotEmpty();
        assertThat(usernameField(older.get(portal() + "/recovery"))).as("the carried username, another kind, still opens")
                .isEqualTo("bob");

        assertThat(RecoveryFlow.enterCode(current, code, rightCode).path()).as("control: the right code goes on with this version's cookie")
                .isEqualTo("/recovery/reset");
    }
}
