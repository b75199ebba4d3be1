package dev.selfservice.localtenant;

import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.TemplateInstance;

/**
 * The words of the tenant's login prompt in the languages it speaks, chosen by the authorize request's
 * {@code ui_locales} as Universal Login chooses them (the first listed language it has, else English). The English
 * messages are Auth0's own; the German ones are Universal Login's German texts for the same prompts. A wrong password
 * is said with Universal Login's words for a connection that signs in with a username (its {@code wrong-credentials}
 * text; which key a tenant's AD prompt uses is unverified here, and the username form is what the employee typed),
 * not the API's {@code error_description} "Wrong email or password.", which the password grant keeps.
 */
record LoginWords(String locale, String title, String tenant, String connection, String username, String password,
        String proceed, Map<Error, String> errors) {

    /** The prompt's refusals. */
    enum Error {
        WRONG_CREDENTIALS, MISSING_FIELDS, TOO_MANY_ATTEMPTS
    }

    private static final LoginWords ENGLISH = new LoginWords("en", "Log in", "Local tenant", "connection", "Username",
            "Password", "Continue", Map.of(Error.WRONG_CREDENTIALS, "Wrong username or password.",
                    Error.MISSING_FIELDS, "Enter your username and password.",
                    Error.TOO_MANY_ATTEMPTS, BruteForceProtection.TOO_MANY_ATTEMPTS));

    private static final LoginWords GERMAN = new LoginWords("de", "Anmelden", "Lokaler Mandant", "Verbindung",
            "Benutzername", "Passwort", "Weiter", Map.of(Error.WRONG_CREDENTIALS, "Falscher Benutzername oder falsches Passwort.",
                    Error.MISSING_FIELDS, "Geben Sie Ihren Benutzernamen und Ihr Passwort ein.",
                    Error.TOO_MANY_ATTEMPTS, "Ihr Konto wurde nach mehreren aufeinanderfolgenden Anmeldeversuchen gesperrt. "
                            + "Wir haben Ihnen eine E-Mail mit Anweisungen zum Entsperren gesendet."));

    /** The words for a {@code ui_locales} value (space-separated language tags, most wanted first), or English. */
    static LoginWords of(String uiLocales) {
        if (uiLocales != null) {
            for (String tag : uiLocales.trim().split("\\s+")) {
                String language = Locale.forLanguageTag(tag).getLanguage();
                if (language.equals("de")) {
                    return GERMAN;
                }
                if (language.equals("en")) {
                    return ENGLISH;
                }
            }
        }
        return ENGLISH;
    }

    String error(Error error) {
        return errors.get(error);
    }

    TemplateInstance apply(TemplateInstance page) {
        return page.data("w_title", title).data("w_tenant", tenant).data("w_connection", connection)
                .data("w_username", username).data("w_password", password).data("w_proceed", proceed);
    }
}
