package dev.selfservice.portal.web;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import io.quarkus.qute.i18n.Message;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** English and German: every text in both, the language chosen from the browser or the switcher, and kept. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class LanguagesTest {

    @Test
    void everyTextHasAGermanTranslationWithTheSameParameters() throws Exception {
        Properties german = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/msg_de.properties")) {
            german.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = Arrays.stream(Messages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(german.stringPropertyNames()).as("German keys").containsExactlyInAnyOrderElementsOf(keys);
        for (Method m : Messages.class.getDeclaredMethods()) {
            String english = m.getAnnotation(Message.class).value();
            assertThat(parameters(german.getProperty(m.getName()))).as(m.getName()).isEqualTo(parameters(english));
            assertThat(german.getProperty(m.getName())).as(m.getName() + " is translated, not copied")
                    .isNotBlank();
        }
    }

    private static Set<String> parameters(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\w+)\\}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theBrowsersLanguageChoosesThePagesLanguage() {
        Document german = Jsoup.parse(given().header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5").get("/").asString());
        assertThat(german.selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(german.selectFirst("h1").text()).isEqualTo("Wieder Zugang zu Ihrem Arbeitskonto");
        assertThat(german.selectFirst("#language").text()).isEqualTo("English");

        Document english = Jsoup.parse(given().header("Accept-Language", "fr-FR,en;q=0.5").get("/").asString());
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.selectFirst("h1").text()).isEqualTo("Get back into your work account");
        assertThat(english.selectFirst("#language").text()).isEqualTo("Deutsch");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "de;q=2", "de;q=abc", "de;q=", "*;q=-1", ";;;", "de,,;q=0.5=1",
            "dé-DE", "de-DE;q=0.9;q=0.8" })
    void aMalformedAcceptLanguageGetsTheDefaultLanguageOnEveryPage(String header) {
        for (String path : List.of("/", "/recovery", "/password/expired", "/no-such-page")) {
            io.restassured.response.Response answer = given().header("Accept-Language", header).get(path);
            assertThat(answer.statusCode()).as(header + " on " + path).isNotEqualTo(400).isLessThan(500);
            assertThat(Jsoup.parse(answer.asString()).selectFirst("html").attr("lang")).as(header + " on " + path)
                    .isEqualTo("en");
        }
        // the control: a well-formed German header still gives German
        assertThat(Jsoup.parse(given().header("Accept-Language", "de;q=1").get("/").asString()).selectFirst("html")
                .attr("lang")).isEqualTo("de");
    }

    @Test
    void theHelpdeskIsNamedInThePagesLanguage() {
        String german = given().header("Accept-Language", "de").get("/recovery").asString();
        assertThat(german).contains("den IT-Helpdesk (+1 555 0100").doesNotContain("the IT helpdesk");
        // the control: English pages name it as configured
        assertThat(given().header("Accept-Language", "en").get("/recovery").asString()).contains("the IT helpdesk (+1 555 0100");
    }

    @Test
    void theSwitcherIsRememberedAndLeadsBackToThePage() {
        Browser browser = new Browser();
        Page recovery = browser.get(portal() + "/recovery");
        assertThat(recovery.text("h1")).isEqualTo("Forgot your password, or locked out");
        Page german = browser.get(portal() + recovery.document().selectFirst("#language").attr("href"));
        assertThat(german.path()).isEqualTo("/recovery");
        assertThat(german.text("h1")).isEqualTo("Passwort vergessen oder gesperrt");
        assertThat(browser.get(portal() + "/password/expired").text("h1")).as("kept").isEqualTo("Abgelaufenes Passwort ändern");
    }

    @Test
    void theSwitcherOnlyLeadsBackToThisPortal() {
        Response answer = given().redirects().follow(false).queryParam("to", "de").queryParam("back", "//evil.example/x")
                .get("/language");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/").doesNotContain("evil");
    }

    @Test
    void refusalsAndTitlesAreInTheChosenLanguage() {
        Browser browser = new Browser();
        browser.get(portal() + "/language?to=de&back=/");
        Page form = browser.get(portal() + "/password/expired");
        Page refused = browser.submit(form, "#expired-password", Map.of("username", "carol", "current", DEMO_PASSWORD,
                "password", "Violet-Harbor-Lamp-73", "confirm", "Violet-Harbor-Lamp-74"));
        assertThat(refused.document().title()).startsWith("Fehler: ");
        assertThat(refused.text("#problem")).contains("Es gibt ein Problem")
                .contains("Die beiden neuen Passwörter stimmen nicht überein.");
    }
}
