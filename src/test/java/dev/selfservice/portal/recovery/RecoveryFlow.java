package dev.selfservice.portal.recovery;

import static dev.selfservice.support.LocalTenantUrls.portal;

import java.util.Map;

import dev.selfservice.support.Browser;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.Browser.Page;

/** Steps of the recovery pages, as a person takes them. */
public final class RecoveryFlow {

    private RecoveryFlow() {
    }

    public static Page start(Browser browser, String username, String contact) {
        Page form = browser.get(portal() + "/recovery");
        return browser.submit(form, "#recovery-start", Map.of("username", username, "contact", contact));
    }

    public static Page enterCode(Browser browser, Page codePage, String code) {
        return browser.submit(codePage, "#recovery-code", Map.of("code", code));
    }

    static Page setPassword(Browser browser, Page resetPage, String password) {
        return browser.submit(resetPage, "#recovery-reset", Map.of("password", password, "confirm", password));
    }

    /** Username and contact through to the reset page. */
    static Page prove(Browser browser, String username, String contact, String outboxAddress) {
        int before = PortalSteps.outboxCount(outboxAddress);
        Page code = start(browser, username, contact);
        return enterCode(browser, code, PortalSteps.awaitCode(outboxAddress, before));
    }
}
