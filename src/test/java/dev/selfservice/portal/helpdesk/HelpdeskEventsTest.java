package dev.selfservice.portal.helpdesk;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.selfservice.portal.recovery.RecoveryFlow;
import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The employee's recent portal events on the helpdesk's page (issue 31, item 2): what the audit trail records of them,
 * kept in the state store for {@code portal.events.kept-for} (30 days), newest first, with nothing secret.
 */
@QuarkusTest
@CleanSlate
class HelpdeskEventsTest {

    /** bob asks for a recovery code, which reaches his contact, and types a wrong one; answers the code he got. */
    static String bobTypesAWrongRecoveryCode() {
        Browser bob = new Browser();
        int before = PortalSteps.outboxCount(HelpdeskTest.BOBS_CONTACT);
        Page codePage = RecoveryFlow.start(bob, "bob", HelpdeskTest.BOBS_CONTACT);
        String right = PortalSteps.awaitCode(HelpdeskTest.BOBS_CONTACT, before);
        Page wrong = RecoveryFlow.enterCode(bob, codePage, right.equals("000000") ? "111111" : "000000");
        assertThat(wrong.text("#problem")).as("the try was refused").isNotBlank();
        return right;
    }

    static List<String> events(Page page) {
        return page.document().select("#events li.event").stream().map(Element::text).toList();
    }

    @Test
    void helenSeesBobsWrongRecoveryCodeNewestFirstAndNothingSecret() {
        String code = bobTypesAWrongRecoveryCode();

        Page bob = HelpdeskTest.find(HelpdeskTest.helen(), "bob");
        List<String> events = events(bob);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains("Recovery code entered (refused)");
        assertThat(events.get(1)).contains("Recovery code sent to a recovery contact (done)");
        assertThat(bob.text("#events .hint")).contains("last 30 days");
        assertThat(bob.document().select("#no-events")).isEmpty();
        // on a page that lists the events: not the code (as a word of its own), the contact, or where bob was
        assertThat(Pattern.compile("(?<![0-9A-Za-z])" + code + "(?![0-9A-Za-z])").matcher(bob.body()).find()).isFalse();
        assertThat(bob.body()).doesNotContain(HelpdeskTest.BOBS_CONTACT).doesNotContain("127.0.0.1");

        Page erin = HelpdeskTest.find(HelpdeskTest.helen(), "erin");
        assertThat(events(erin)).as("another employee's are not bob's").isEmpty();
        assertThat(erin.text("#no-events")).isEqualTo("No portal events in that time.");
    }

    @Test
    void theHelpdesksOwnActionsAreListedWithWhoActed() {
        Browser helen = HelpdeskTest.helen();
        Page bob = HelpdeskTest.find(helen, "bob");
        assertThat(events(bob)).as("finding bob is not one of his events").isEmpty();
        int sent = PortalSteps.outboxCount(HelpdeskTest.BOBS_CONTACT);
        Page codePage = helen.submit(bob, "form.send-code", java.util.Map.of());
        PortalSteps.awaitCode(HelpdeskTest.BOBS_CONTACT, sent);
        assertThat(events(codePage)).hasSize(1);
        assertThat(events(codePage).get(0)).contains("Verification code sent by the helpdesk (done) by helen");
    }

    @Test
    void eventsOlderThanTheSettingAreGoneOnceTheClockHasMovedOnAndNewerOnesStay() {
        bobTypesAWrongRecoveryCode();
        TenantApi.advanceClocks(Duration.ofDays(29));
        // helen signs in again: her session of before does not last days
        Browser helen = HelpdeskTest.helen();
        Page bob = HelpdeskTest.find(helen, "bob");
        assertThat(events(bob)).as("29 days on, still kept").hasSize(2);
        int sent = PortalSteps.outboxCount(HelpdeskTest.BOBS_CONTACT);
        helen.submit(bob, "form.send-code", java.util.Map.of());
        PortalSteps.awaitCode(HelpdeskTest.BOBS_CONTACT, sent);

        TenantApi.advanceClocks(Duration.ofDays(2));
        Page later = HelpdeskTest.find(HelpdeskTest.helen(), "bob");
        assertThat(events(later)).as("31 days after bob's tries, 2 after helen's code").hasSize(1);
        assertThat(events(later).get(0)).contains("Verification code sent by the helpdesk");
    }

    @Test
    void inGermanTheEventsAndTheirTimesAreGerman() {
        bobTypesAWrongRecoveryCode();
        Browser helen = HelpdeskTest.helen();
        Page bob = HelpdeskTest.find(helen, "bob");
        Element toGerman = bob.document().selectFirst("a.language[hreflang=de]");
        Page german = helen.get(bob.uri().resolve(toGerman.attr("href")).toString());
        assertThat(german.document().select("html").attr("lang")).isEqualTo("de");
        assertThat(german.text("#events h2")).isEqualTo("Letzte Ereignisse im Portal");
        assertThat(events(german).get(0)).contains("Wiederherstellungscode eingegeben (abgelehnt)");
        // a German medium date: day, month and year with dots ("05.12.2026, 18:40:12")
        assertThat(german.text("#events li.event .when")).containsPattern("\\d{2}\\.\\d{2}\\.\\d{4}");
    }
}
