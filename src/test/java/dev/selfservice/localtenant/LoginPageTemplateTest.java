package dev.selfservice.localtenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The tenant reads a Universal Login page template as Auth0 takes one, and refuses what it cannot render alike. */
class LoginPageTemplateTest {

    private static final String SHIPPED = "deploy/auth0/universal-login.liquid";

    @Test
    void theShippedTemplateLinksTheLoginPromptToThePortalInEachLanguage() {
        LoginPageTemplate template = LoginPageTemplate.fromFile(SHIPPED, "https://password.corp.example");

        String english = template.render(Map.of("locale", "en", "prompt.name", "login"), "<title>t</title>", "<main>W</main>");
        String german = template.render(Map.of("locale", "de", "prompt.name", "login"), "<title>t</title>", "<main>W</main>");

        assertThat(english).contains("<main>W</main>", "<title>t</title>", "<html lang=\"en\">",
                "href=\"https://password.corp.example/language?to=en&amp;back=/recovery\"",
                "Forgot your password or locked out?").doesNotContain("PORTAL_BASE_URL", "{%", "{{");
        assertThat(german).contains("<html lang=\"de\">", "Passwort vergessen oder Konto gesperrt?",
                "https://password.corp.example/language?to=de&amp;back=/recovery").doesNotContain("Forgot your password");
    }

    @Test
    void theLinkStandsOnlyAroundTheLoginPrompts() {
        LoginPageTemplate template = LoginPageTemplate.fromFile(SHIPPED, "https://password.corp.example");

        assertThat(template.render(Map.of("locale", "en", "prompt.name", "mfa-sms"), "", "<main>W</main>"))
                .contains("<main>W</main>").doesNotContain("password-portal");
        assertThat(template.render(Map.of("locale", "en", "prompt.name", "login-password"), "", "<main>W</main>"))
                .as("the control: the password step of a two-step login has it").contains("password-portal");
    }

    @Test
    void variablesAreEscapedAndConditionsNest() {
        LoginPageTemplate template = LoginPageTemplate.parse("""
                {%- auth0:head -%}<b>{{ locale }}</b>{% if a == "1" %}A{% if b == "2" or c == "3" %}B{% else %}C{% endif %}{% else %}D{% endif %}{%- auth0:widget -%}""");

        assertThat(template.render(Map.of("locale", "<x>", "a", "1", "c", "3"), "H", "W")).isEqualTo("H<b>&lt;x&gt;</b>ABW");
        assertThat(template.render(Map.of("locale", "", "a", "1"), "H", "W")).isEqualTo("H<b></b>ACW");
        assertThat(template.render(Map.of(), "H", "W")).isEqualTo("H<b></b>DW");
    }

    @Test
    void aTemplateWithoutTheWidgetOrWithLiquidTheTenantDoesNotModelIsRefused() {
        assertThatThrownBy(() -> LoginPageTemplate.parse("<html>{%- auth0:head -%}</html>"))
                .hasMessageContaining("auth0:widget");
        assertThatThrownBy(() -> LoginPageTemplate.parse("{%- auth0:head -%}{% for x in y %}{% endfor %}{%- auth0:widget -%}"))
                .hasMessageContaining("unsupported Liquid tag");
        assertThatThrownBy(() -> LoginPageTemplate.parse("{%- auth0:head -%}{% if a == \"1\" %}{%- auth0:widget -%}"))
                .hasMessageContaining("endif");
        assertThat(LoginPageTemplate.parse(LoginPageTemplate.DEFAULT).render(Map.of("locale", "en"), "H", "W"))
                .as("the control: Auth0's default template is taken").contains("<head>H</head>", "<body>W</body>");
    }
}
