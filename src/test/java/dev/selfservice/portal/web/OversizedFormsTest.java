package dev.selfservice.portal.web;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A form with more fields than any page has (found by an outside tester: a thousand fields answered 500 and logged an
 * error with a stack trace, so that anyone could flood the error log) is refused as too large, with a page.
 */
@QuarkusTest
class OversizedFormsTest {

    @Test
    void aFormWithAThousandFieldsIsRefusedAsTooLargeWithAPageAndNoErrorLogged() {
        Browser visitor = new Browser();
        Page form = visitor.get(portal() + "/password/expired");
        Map<String, String> fields = new HashMap<>(form.hiddenFields("form"));
        for (int i = 0; i < 1_000; i++) {
            fields.put("p" + i, "x");
        }
        try (LogCapture log = LogCapture.start()) {
            Page answer = visitor.post(portal() + "/password/expired", fields);

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.text("h1")).isNotBlank();
            assertThat(answer.body()).doesNotContain("Exception");
            assertThat(log.lines()).noneMatch(l -> l.contains("ERROR"));
        }
        // the control: the same form with its own fields is answered as a form
        Map<String, String> own = new HashMap<>(form.hiddenFields("form"));
        own.put("username", "nobody");
        assertThat(visitor.post(portal() + "/password/expired", own).status()).isNotIn(413, 500);
    }
}
