package dev.selfservice.portal.web;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Refusals follow the GOV.UK error pattern: "Error:" in the title, a summary first in the page that takes the focus
 * and links to the field, the field marked invalid and described by the summary, non-secret values kept and
 * passwords not.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class ErrorSummaryTest {

    @Test
    void aRefusedNewPasswordPointsAtItsFieldAndKeepsTheUsernameOnly() {
        Browser browser = new Browser();
        Page form = browser.get(portal() + "/password/expired");
        assertThat(form.document().title()).doesNotStartWith("Error:");
        assertThat(form.document().select("[aria-invalid]")).as("nothing invalid before a try").isEmpty();
        assertThat(form.document().select("#problem")).isEmpty();

        Page refused = browser.submit(form, "#expired-password", Map.of("username", "carol", "current", DEMO_PASSWORD,
                "password", "Violet-Harbor-Lamp-73", "confirm", "Violet-Harbor-Lamp-74"));
        Document page = refused.document();
        assertThat(page.title()).startsWith("Error: ");
        Element summary = page.selectFirst("#problem");
        assertThat(summary).isNotNull();
        assertThat(summary.attr("tabindex")).isEqualTo("-1");
        assertThat(summary.hasAttr("autofocus")).as("focused on arrival").isTrue();
        assertThat(summary.text()).contains("There is a problem").contains("not the same");
        assertThat(summary.select("a").attr("href")).isEqualTo("#confirm");
        assertThat(page.selectFirst("#confirm").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#confirm").attr("aria-describedby")).isEqualTo("problem-text");
        assertThat(page.selectFirst("#password").hasAttr("aria-invalid")).as("only the field at fault").isFalse();
        assertThat(page.selectFirst("#username").val()).as("the username is kept").isEqualTo("carol");
        assertThat(page.select("input[type=password]")).as("passwords are not sent back").hasSize(3)
                .allSatisfy(i -> assertThat(i.val()).isEmpty());
    }

    @Test
    void aWrongCodeMarksTheCodeField() {
        Browser browser = new Browser();
        Page code = browser.submit(browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", "bob", "contact", "bob.personal@example.com"));
        Page wrong = browser.submit(code, "#recovery-code", Map.of("code", "12345"));
        assertThat(wrong.document().title()).startsWith("Error: ");
        assertThat(wrong.document().selectFirst("#code").attr("aria-invalid")).isEqualTo("true");
        assertThat(wrong.document().select("#problem a").attr("href")).isEqualTo("#code");
    }

    @Test
    void aRefusalAboutNoFieldHasTheSummaryWithoutALink() {
        Browser browser = new Browser();
        Page code = browser.submit(browser.get(portal() + "/recovery"), "#recovery-start",
                Map.of("username", "bob", "contact", "bob.personal@example.com"));
        Page tooSoon = browser.submit(code, "#recovery-resend", Map.of());
        assertThat(tooSoon.document().title()).startsWith("Error: ");
        assertThat(tooSoon.text("#problem")).contains("moments ago");
        assertThat(tooSoon.document().select("#problem a")).isEmpty();
        assertThat(tooSoon.document().select("[aria-invalid]")).isEmpty();
    }
}
