package dev.selfservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.portal.helpdesk.HelpdeskMessages;
import dev.selfservice.portal.nudge.NudgeMessages;
import io.quarkus.qute.Engine;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every message of every bundle resolves in a template as its method answers it, in every language: Qute's
 * generated resolver of a bundle of more than 300 messages lost some (the code page's heading rendered as
 * "NOT_FOUND"), which no test of a single page notices unless it reads that very heading.
 */
@QuarkusTest
class MessageBundlesResolveEveryMessageTest {

    @Inject
    Engine engine;

    @Test
    void everyMessageWithoutParametersRendersAsItsMethodAnswersInEnglishAndGerman() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var bundle : List.of(new Object[] { "msg", Messages.class }, new Object[] { "desk", HelpdeskMessages.class },
                new Object[] { "nudge", NudgeMessages.class })) {
            Class<?> type = (Class<?>) bundle[1];
            for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
                Object messages = locale.equals(Locale.ENGLISH) ? MessageBundles.get(type)
                        : MessageBundles.get(type, io.quarkus.qute.i18n.Localized.Literal.of(locale.getLanguage()));
                for (Method m : type.getMethods()) {
                    if (m.getParameterCount() != 0 || m.getReturnType() != String.class) {
                        continue;
                    }
                    String rendered = engine.parse("{" + bundle[0] + ":" + m.getName() + "}")
                            .instance().setLocale(locale).render();
                    String expected = (String) m.invoke(messages);
                    checked++;
                    if (!rendered.equals(expected)) {
                        wrong.add(bundle[0] + ":" + m.getName() + " (" + locale + ") rendered \"" + rendered + "\"");
                    }
                }
            }
        }
        assertThat(checked).as("messages checked").isGreaterThan(400);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theHelpdeskBundleHasEveryMessageInGerman() throws Exception {
        java.util.Properties german = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/messages/desk_de.properties")) {
            german.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        List<String> names = java.util.Arrays.stream(HelpdeskMessages.class.getDeclaredMethods()).map(Method::getName).toList();
        assertThat(names).isNotEmpty();
        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void theNudgeBundleHasEveryMessageInGerman() throws Exception {
        java.util.Properties german = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/messages/nudge_de.properties")) {
            german.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        List<String> names = java.util.Arrays.stream(NudgeMessages.class.getDeclaredMethods()).map(Method::getName).toList();
        assertThat(names).isNotEmpty();
        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(names);
    }
}
