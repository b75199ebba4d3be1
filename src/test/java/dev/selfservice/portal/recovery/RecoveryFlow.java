package dev.selfservice.portal.recovery;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static io.restassured.RestAssured.given;
import static dev.selfservice.support.LocalTenantUrls.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;

/** Steps of the recovery pages, as a person takes them. */
final class RecoveryFlow {

    private RecoveryFlow() {
    }

    static Page start(Browser browser, String username, String contact) {
        Page form = browser.get(portal() + "/recovery");
        return browser.submit(form, "#recovery-start", Map.of("username", username, "contact", contact));
    }

    static Page enterCode(Browser browser, Page codePage, String code) {
        return browser.submit(codePage, "#recovery-code", Map.of("code", code));
    }

    static Page setPassword(Browser browser, Page resetPage, String password) {
        return browser.submit(resetPage, "#recovery-reset", Map.of("password", password, "confirm", password));
    }

    static int outboxCount(String to) {
        return given().queryParam("to", to).get(tenant() + "outbox/messages").then().extract().jsonPath()
                .getList("$").size();
    }

    /** The code sends after the page answers: wait (bounded) for the newest one beyond {@code before}. */
    static String awaitCode(String to, int before) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<String> codes = given().queryParam("to", to).get(tenant() + "outbox/messages").then().extract()
                    .path("code");
            if (codes.size() > before) {
                return codes.get(0);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no code reached " + to);
    }

    /** Username and contact through to the reset page. */
    static Page prove(Browser browser, String username, String contact, String outboxAddress) {
        int before = outboxCount(outboxAddress);
        Page code = start(browser, username, contact);
        return enterCode(browser, code, awaitCode(outboxAddress, before));
    }
}
