package dev.selfservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The product has one name in each language: on its pages, in its mail, and on the sign-in page's link to it. */
class OneProductNameTest {

    @Test
    void everyGermanTextNamesTheProductAsItsPagesDo() throws IOException {
        Properties german = new Properties();
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/messages/msg_de.properties"),
                StandardCharsets.UTF_8)) {
            german.load(in);
        }
        String name = german.getProperty("app_name");
        assertThat(name).isEqualTo("Passwort-Selbstbedienung");
        assertThat(german.stringPropertyNames()).allSatisfy(key -> assertThat(german.getProperty(key))
                .as(key).doesNotContain("Self-Service", "Passwort-Portal"));
        // the control: the mail names it, by the same name
        assertThat(german.getProperty("notice_footer")).contains("Passwort-Selbstbedienung");
    }

    @Test
    void theSignInPagesLinkNamesTheProductAsThePagesDo() throws IOException {
        String template = Files.readString(Path.of("deploy/auth0/universal-login.liquid"));

        assertThat(template).contains("Passwort-Selbstbedienung", "Password self-service")
                .doesNotContain("Passwort-Portal", "password portal");
    }
}
