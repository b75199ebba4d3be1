package dev.selfservice.portal.enrolment;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The words around the contacts, in English and German (issue 29's outside walk, finding 13): the account page counts
 * them in a sentence that fits one or several, and the day a contact was added is written as the language writes a
 * date ("5. Dezember 2026", with its period).
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class ContactWordsTest {

    @Test
    void oneContactIsCountedInTheSingularAndTwoInThePluralInEnglishAndGerman() {
        Browser alice = EnrolmentTest.signIn("alice");
        EnrolmentTest.enrol(alice, "add-email", "email", "alice.home@example.com", "alice.home@example.com");
        assertThat(alice.get(portal() + "/account").text("#contacts-summary")).isEqualTo(
                "You have 1 recovery contact. You can use it if you forget your password or get locked out.");
        alice.get(portal() + "/language?to=de&back=/account");
        assertThat(alice.get(portal() + "/account").text("#contacts-summary")).isEqualTo(
                "Sie haben 1 Wiederherstellungskontakt. Sie können ihn nutzen, wenn Sie Ihr Passwort vergessen haben oder Ihr Konto gesperrt ist.");

        EnrolmentTest.enrol(alice, "add-phone", "phone", "+1 425 883 1929", "+14258831929");
        assertThat(alice.get(portal() + "/account").text("#contacts-summary")).isEqualTo(
                "Sie haben 2 Wiederherstellungskontakte. Sie können jeden davon nutzen, wenn Sie Ihr Passwort vergessen haben oder Ihr Konto gesperrt ist.");
        alice.get(portal() + "/language?to=en&back=/account");
        assertThat(alice.get(portal() + "/account").text("#contacts-summary")).isEqualTo(
                "You have 2 recovery contacts. You can use any of them if you forget your password or get locked out.");
    }

    @Test
    void theDayAContactWasAddedIsWrittenAsEachLanguageWritesADate() {
        Browser alice = EnrolmentTest.signIn("alice");
        EnrolmentTest.enrol(alice, "add-email", "email", "alice.home@example.com", "alice.home@example.com");
        assertThat(alice.get(portal() + "/enrolment").text(".contact .added")).matches("added [A-Z][a-z]+ \\d{1,2}, \\d{4}");
        alice.get(portal() + "/language?to=de&back=/enrolment");
        assertThat(alice.get(portal() + "/enrolment").text(".contact .added"))
                .as("the day with its period, the month in full").matches("hinzugefügt am \\d{1,2}\\. \\p{L}+ \\d{4}");
    }
}
