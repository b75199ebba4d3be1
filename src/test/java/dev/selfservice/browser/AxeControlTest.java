package dev.selfservice.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The positive control of the browser suite's accessibility check: a page with violations fails it, naming them. */
@ExtendWith(Chromium.class)
class AxeControlTest {

    private static String page(String html) {
        return "data:text/html;charset=utf-8," + java.net.URLEncoder.encode(html, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    @Test
    void aPageWithAnUnlabelledFieldAndNoLanguageFailsTheCheck() {
        try (Employee employee = new Employee(Walk.DESKTOP)) {
            employee.open(page("<title>Bad</title><h1>Bad page</h1><form><input id=q></form>"));
            assertThatThrownBy(() -> employee.sees("Bad page")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("axe violations").hasMessageContaining("html-has-lang")
                    .hasMessageContaining("label");
        }
    }

    @Test
    void aCleanPagePassesIt() {
        try (Employee employee = new Employee(Walk.DESKTOP)) {
            employee.open(page("<html lang=en><title>Good</title><main><h1>Good page</h1><form>"
                    + "<label for=q>Name</label><input id=q></form></main></html>"));
            assertThat(employee.sees("Good page").mainHeading()).isEqualTo("Good page");
        }
    }
}
