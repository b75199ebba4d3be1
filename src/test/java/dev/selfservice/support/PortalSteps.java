package dev.selfservice.support;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.selfservice.support.Browser.Page;

/** Steps many tests take: signing in on the tenant's page, and waiting for a code in the outbox. */
public final class PortalSteps {

    private PortalSteps() {
    }

    /** A browser signed in to the portal as the user, through the tenant's login page; fails if it does not land on the account page. */
    public static Browser signIn(String user, String password) {
        Browser browser = new Browser();
        Page account = browser.submit(browser.get(portal() + "/signin"), "form", Map.of("username", user, "password", password));
        if (!account.path().equals("/account")) {
            throw new AssertionError(user + " did not sign in: " + account.uri());
        }
        return browser;
    }

    /**
     * Enters the AD password again for changes that need it (recovery contacts), as the "Sign in again" button does:
     * the step-up form, the tenant's login page ({@code prompt=login}), and back on the contacts page.
     */
    public static Browser stepUp(Browser browser, String user, String password) {
        Map<String, String> fields = sessionFormFields(browser);
        fields.put("then", "/enrolment");
        Page login = browser.post(portal() + "/signin/again", fields);
        // an employee takes a moment to type the password: a step-up counts only for a password entered after it began
        // by the tenant's clock, which has whole seconds, so one typed within the second of the sign-in is refused
        TenantApi.advanceClock(1);
        Page back = browser.submit(login, "form", Map.of("username", user, "password", password));
        if (!back.path().equals("/enrolment")) {
            throw new AssertionError(user + " did not step up: " + back.uri());
        }
        return browser;
    }

    /**
     * What every form of the browser's signed-in session carries (its CSRF token and session value), taken from the
     * sign-out form of a fresh page, for tests that post a request no page offers.
     */
    public static Map<String, String> sessionFormFields(Browser browser) {
        return browser.get(portal() + "/account").hiddenFields("form.signout");
    }

    /** A second browser holding a copy of this one's portal session cookie, as whoever copied it would. */
    public static Browser copyOfSession(Browser browser) {
        Browser copy = new Browser();
        browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().startsWith("q_session"))
                .forEach(c -> copy.cookies().getCookieStore().add(java.net.URI.create(portal()), c));
        return copy;
    }

    /** Whether the browser's portal session still opens the account page. */
    public static boolean opensAccount(Browser browser) {
        Page page = browser.get(portal() + "/account");
        return page.path().equals("/account") && page.status() == 200;
    }

    /** Whether the tenant's login page, reached from the portal, accepts the password (a wrong one stays there). */
    public static boolean signsIn(String user, String password) {
        Browser browser = new Browser();
        Page login = browser.get(portal() + "/signin");
        return browser.submit(login, "form", Map.of("username", user, "password", password)).path().equals("/account");
    }

    public static int outboxCount(String to) {
        return given().queryParam("to", to).queryParam("kind", "code").get(tenant() + "outbox/messages").then().extract().jsonPath().getList("$").size();
    }

    /** Codes may be sent after a page answered: waits (bounded) for a code beyond the {@code before} first ones. */
    public static String awaitCode(String to, int before) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<String> codes = given().queryParam("to", to).queryParam("kind", "code").get(tenant() + "outbox/messages").then().extract().path("code");
            if (codes.size() > before) {
                return codes.get(0);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no code reached " + to);
    }

    /**
     * Waits (bounded) until the address has received exactly {@code count} notices over SMTP, sent by another thread
     * after the page answered (there is no clock to move for mail); the notices, newest first.
     */
    public static List<Map<String, Object>> awaitNotices(String to, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        List<Map<String, Object>> notices = TenantApi.notices(to);
        while (notices.size() < count && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            notices = TenantApi.notices(to);
        }
        if (notices.size() != count) {
            throw new AssertionError("expected " + count + " notices to " + to + " but " + notices.size() + " came");
        }
        return notices;
    }
}
