package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import io.quarkus.test.junit.QuarkusTest;

/** Each way an AD sign-in fails ends on a page that says what happened and what to do next. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class SignInErrorsTest {

    private static Page attempt(Browser browser, String username, String password) {
        Page login = browser.get(portal() + "/signin");
        return browser.submit(login, "form", Map.of("username", username, "password", password));
    }

    @ParameterizedTest(name = "{0} ends on {1} with HTTP {2}")
    @CsvSource({
            "carol, PASSWORD_EXPIRED, 401, Your password has expired, /password/expired",
            "dave, PASSWORD_CHANGE_REQUIRED, 401, You need to choose a new password, /password/expired",
            "erin, ACCOUNT_LOCKED, 403, Your account is locked, /recovery",
            "frank, ACCOUNT_DISABLED, 403, Your account is disabled, /",
            "grace, BLOCKED, 403, Your account is blocked, /",
    })
    void aRefusedSignInEndsOnAPageThatSaysWhatToDoNext(String user, String reason, int status, String heading,
            String firstAction) {
        Page page = attempt(new Browser(), user, DEMO_PASSWORD);

        assertThat(page.uri().getPath()).isEqualTo("/signin/error");
        assertThat(page.uri().toString()).startsWith(portal());
        assertThat(page.status()).isEqualTo(status);
        assertThat(page.document().selectFirst("#signin-problem").attr("data-reason")).isEqualTo(reason);
        assertThat(page.text("h1")).isEqualTo(heading);
        assertThat(page.document().select("ul.actions a").first().attr("href")).isEqualTo(firstAction);
        if (firstAction.equals("/")) {
            assertThat(page.document().select("a[href=/recovery]")).as("disabled or blocked: the helpdesk, not recovery")
                    .isEmpty();
        } else {
            assertThat(page.document().select("a[href=/recovery]")).as("recovery offered where it can help").isNotEmpty();
        }
        assertThat(page.body()).doesNotContain("Exception", "at dev.", "at io.");
    }

    /** Issue 29's outside walk, finding 13: each way on is offered once, as a button or below them, not both. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "carol", "dave", "erin" })
    void aSignInErrorPageOffersEachWayOnOnceAndBothSelfServiceWays(String user) {
        Page page = attempt(new Browser(), user, DEMO_PASSWORD);
        java.util.List<String> hrefs = page.document().select("main a").eachAttr("href");
        assertThat(hrefs).as("no link twice").doesNotHaveDuplicates();
        assertThat(hrefs).as("both ways of self-service, once each").contains("/recovery", "/password/expired");
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPageWithAMessage() {
        Page page = attempt(new Browser(), "bob", "not-bobs-password");

        assertThat(page.uri().toString()).startsWith(tenant() + "u/login");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#error-message")).as("Universal Login's words for a username prompt")
                .isEqualTo("Wrong username or password.");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameResponse() {
        Page wrongPassword = attempt(new Browser(), "bob", "not-bobs-password");
        Page unknownUser = attempt(new Browser(), "nobody-by-this-name", "not-bobs-password");

        assertThat(unknownUser.status()).isEqualTo(wrongPassword.status());
        assertThat(unknownUser.headers().keySet()).isEqualTo(wrongPassword.headers().keySet());
        assertThat(normalise(unknownUser, "nobody-by-this-name")).isEqualTo(normalise(wrongPassword, "bob"));
    }

    /** The page echoes the typed username and carries its own transaction id: the rest must be identical. */
    private static String normalise(Page page, String typedUsername) {
        String transaction = page.document().selectFirst("input[name=state]").attr("value");
        return page.body().replace(transaction, "TRANSACTION").replace("value=\"" + typedUsername + "\"", "value=\"USER\"");
    }

    @Test
    void theErrorPageNeverShowsTheDescriptionFromTheUrl() {
        Page page = new Browser().get(portal() + "/signin/error?error=access_denied&error_description="
                + "%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.document().selectFirst("#signin-problem").attr("data-reason")).isEqualTo("OTHER");
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>", "alert(1)");
    }
}
