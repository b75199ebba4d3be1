package dev.selfservice.portal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A third language is one file and one entry in a list: French here is only {@link FrenchMessages} (a few texts, a
 * test-only file) and {@code fr} added to {@code portal.languages}; nothing else of the portal names it.
 */
@QuarkusTest
@TestProfile(LanguageAddedByAFileTest.WithFrench.class)
class LanguageAddedByAFileTest {

    public static class WithFrench implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.languages", "en,de,fr", "portal.helpdesk-in.fr", "le helpdesk IT");
        }
    }

    @Test
    void aBrowserThatAsksForFrenchGetsTheFrenchPageAndASwitcherToBothOtherLanguages() {
        Document french = Jsoup.parse(given().header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").get("/").asString());
        assertThat(french.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(french.selectFirst("h1").text()).isEqualTo("Retrouvez l'accès à votre compte de travail");
        assertThat(french.select("a.language").eachText()).containsExactly("English", "Deutsch");

        // an English page offers French too (LanguagesTest is the control: without fr in the list, the same file
        // present, a browser asking for French gets English)
        Document english = Jsoup.parse(given().header("Accept-Language", "it-IT,en;q=0.5").get("/").asString());
        assertThat(english.selectFirst("h1").text()).isEqualTo("Get back into your work account");
        assertThat(english.select("a.language").eachText()).containsExactly("Deutsch", "français");
    }

    @Test
    void theSwitcherChoosesFrenchAndItsHelpdeskIsNamedInIt() {
        String lang = given().redirects().follow(false).get("/language?to=fr&back=/").cookie("lang");
        assertThat(lang).isEqualTo("fr");
        Document page = Jsoup.parse(given().cookie("lang", lang).get("/recovery").asString());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(page.text()).contains("le helpdesk IT");
    }
}
