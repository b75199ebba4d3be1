package dev.selfservice.portal.notice;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.portal.state.PortalState;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Notices over real SMTP (the local tenant's server): after a password change each of the employee's addresses gets
 * exactly one, saying what, when and from where, in the page's language, with no secret and no link; with the relay
 * down the change still succeeds, and the notice is retried, then recorded as failed.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class NoticesTest {

    static final String NEW_PASSWORD = "Violet-Harbor-Lamp-73";
    static final String BOB_WORK = "bob@corp.example";
    static final String BOB_PERSONAL = "bob.personal@example.com";


    @AfterEach
    void relayUp() {
        TenantApi.smtp(true);
    }



    static Page changePassword(Browser browser, String current, String password) {
        Page form = browser.get(portal() + "/password/change");
        return browser.submit(form, "#change-password", Map.of("current", current, "password", password, "confirm", password));
    }

    @Test
    void aPasswordChangeIsToldToTheWorkAndEveryPersonalEmailWithoutSecretsOrLinks() {
        Page changed = changePassword(PortalSteps.signIn("bob", DEMO_PASSWORD), DEMO_PASSWORD, NEW_PASSWORD);
        assertThat(changed.path()).isEqualTo("/password/changed");

        for (String to : List.of(BOB_WORK, BOB_PERSONAL)) {
            Map<String, Object> notice = PortalSteps.awaitNotices(to, 1).get(0);
            assertThat(notice.get("subject")).isEqualTo("Your work password was changed");
            String text = (String) notice.get("text");
            String html = (String) notice.get("html");
            assertThat(text).contains("was changed", "When: ", " UTC", "From: the address 127.0.0.1",
                    "If this wasn't you, contact the IT helpdesk (+1 555 0100, helpdesk@corp.example)");
            assertThat(html).contains("<strong>If this wasn&#39;t you").doesNotContain("<a ", "href");
            for (String body : List.of(text, html)) {
                assertThat(body).doesNotContain(NEW_PASSWORD, DEMO_PASSWORD, "http://", "https://", "bob.personal");
            }
        }
        // nobody else: the control is that bob's two addresses got theirs; none is still on its way
        PortalState.awaitQuiet();
        assertThat(TenantApi.notices("alice@corp.example")).isEmpty();
    }

    @Test
    void theNoticeIsInTheLanguageOfThePage() {
        Browser bob = PortalSteps.signIn("bob", DEMO_PASSWORD);
        bob.get(portal() + "/language?to=de&back=/account");
        changePassword(bob, DEMO_PASSWORD, NEW_PASSWORD);
        Map<String, Object> notice = PortalSteps.awaitNotices(BOB_WORK, 1).get(0);
        assertThat(notice.get("subject")).isEqualTo("Ihr Arbeitspasswort wurde geändert");
        assertThat((String) notice.get("text")).contains("Wann: ", "Falls Sie das nicht waren");
    }

    @Test
    void withTheRelayDownThePasswordIsStillChangedAndTheNoticeRecordedAsFailed() {
        Browser bob = PortalSteps.signIn("bob", DEMO_PASSWORD);
        try (LogCapture log = LogCapture.start()) {
            TenantApi.smtp(false);
            Page changed = changePassword(bob, DEMO_PASSWORD, NEW_PASSWORD);
            assertThat(changed.path()).isEqualTo("/password/changed");
            assertThat(PortalSteps.signsIn("bob", NEW_PASSWORD)).as("the change stands").isTrue();

            String failed = log.await(l -> l.contains("\"event\":\"notice\"") && l.contains("\"outcome\":\"failed\"")
                    && l.contains("b\u2022\u2022\u2022@corp.example"));
            log.await(l -> l.contains("\"event\":\"notice\"") && l.contains("\"outcome\":\"failed\"")
                    && l.contains("b\u2022\u2022\u2022@example.com"));
            assertThat(failed).contains("\"notice\":\"PASSWORD_CHANGED\"", "\"reason\":\"NOT_DELIVERED\"");
            assertThat(log.lines().stream().filter(l -> l.contains("not delivered yet, will retry")
                    && l.contains("b\u2022\u2022\u2022@corp.example")).count()).as("every try, then the record")
                    .isEqualTo(4);
            assertThat(log.lines()).noneMatch(l -> l.contains(NEW_PASSWORD));
        }
        TenantApi.smtp(true);
        // the control: with the relay back, a notice sent now arrives (alice's, after her own change)
        changePassword(PortalSteps.signIn("alice", DEMO_PASSWORD), DEMO_PASSWORD, NEW_PASSWORD);
        PortalSteps.awaitNotices("alice@corp.example", 1);
        PortalState.awaitQuiet();
        assertThat(TenantApi.notices(BOB_WORK)).as("given up, not sent later").isEmpty();
    }

    @Test
    void aNoticeTheRelayRefusedAtFirstArrivesOnARetry() {
        Browser bob = PortalSteps.signIn("bob", DEMO_PASSWORD);
        try (LogCapture log = LogCapture.start()) {
            TenantApi.smtp(false);
            changePassword(bob, DEMO_PASSWORD, NEW_PASSWORD);
            log.await(l -> l.contains("not delivered yet, will retry") && l.contains("b\u2022\u2022\u2022@corp.example"));
            TenantApi.smtp(true);
            assertThat(PortalSteps.awaitNotices(BOB_WORK, 1).get(0).get("subject")).isEqualTo("Your work password was changed");
            assertThat(PortalSteps.awaitNotices(BOB_PERSONAL, 1)).hasSize(1);
            log.await(l -> l.contains("\"event\":\"notice\"") && l.contains("\"outcome\":\"success\""));
        }
    }

    @Inject
    NoticeOutbox outbox;

    @Inject
    Auth0Management management;

    @Inject
    PortalConfig config;

    @Inject
    Notices notices;

    @Inject
    StateStore store;

    @Inject
    PortalTestClock clock;

    private List<String> outboxEntries() {
        return store.due(outbox.agenda(), clock.instant().plus(Duration.ofDays(1)), 100);
    }

    @Test
    void aCopyBeingTriedIsKeptInTheOutboxUntilItIsDelivered() {
        Browser bob = PortalSteps.signIn("bob", DEMO_PASSWORD);
        try (LogCapture log = LogCapture.start()) {
            TenantApi.smtp(false);
            changePassword(bob, DEMO_PASSWORD, NEW_PASSWORD);
            log.await(l -> l.contains("not delivered yet, will retry") && l.contains("b\u2022\u2022\u2022@example.com"));
            assertThat(outboxEntries()).as("one entry for each of bob's two copies").hasSize(2)
                    .allSatisfy(entry -> assertThat(new String(java.util.Base64.getUrlDecoder().decode(entry),
                            java.nio.charset.StandardCharsets.ISO_8859_1)).as("sealed, not only encoded")
                            .doesNotContain("bob", "corp.example", "127.0.0.1", "PASSWORD_CHANGED"));
            TenantApi.smtp(true);
            PortalSteps.awaitNotices(BOB_WORK, 1);
            PortalSteps.awaitNotices(BOB_PERSONAL, 1);
            PortalState.awaitQuiet();
        }
        assertThat(outboxEntries()).as("delivered, so gone").isEmpty();
    }

    @Test
    void aCopyLeftByAReplicaThatStoppedIsSentByTheSweepOnceWhenItsReplicaShouldHaveFinished() {
        Auth0User alice = management.adUser("corp-ad", "alice").orElseThrow();
        // as a replica leaves it when it stops between its tries: on the agenda, with no one sending it
        Notices.Notice left = new Notices.Notice(NoticeKind.PASSWORD_RESET, alice.userId(),
                clock.instant().minusSeconds(30), "203.0.113.9", java.util.Optional.of("Firefox"), java.util.Locale.GERMAN,
                java.util.Optional.empty(), "req-left");
        assertThat(outbox.put(left, "alice@corp.example")).isPresent();

        notices.sweep();
        clock.advance(NoticeOutbox.finishedAfter(config.notices()).minusSeconds(1));
        notices.sweep();
        PortalState.awaitQuiet();
        assertThat(TenantApi.notices("alice@corp.example")).as("not while its replica may still be trying").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        try (LogCapture log = LogCapture.start()) {
            notices.sweep();
            Map<String, Object> notice = PortalSteps.awaitNotices("alice@corp.example", 1).get(0);
            assertThat(notice.get("subject")).as("in the page's language, as it was taken").isEqualTo("Ihr Arbeitspasswort wurde zurückgesetzt");
            assertThat((String) notice.get("text")).contains("203.0.113.9", "Firefox");
            PortalState.awaitQuiet();
            assertThat(log.lines()).anyMatch(l -> l.contains("left unsent by a replica that stopped"))
                    .anyMatch(l -> l.contains("\"event\":\"notice\"") && l.contains("\"outcome\":\"success\"")
                            && l.contains("req-left"));
        }
        assertThat(outboxEntries()).isEmpty();
        clock.advance(NoticeOutbox.finishedAfter(config.notices()));
        notices.sweep();
        PortalState.awaitQuiet();
        assertThat(TenantApi.notices("alice@corp.example")).as("once").hasSize(1);
    }

    @Test
    void sweepsRunningAtOnceSendALeftCopyOnce() {
        Auth0User carol = management.adUser("corp-ad", "carol").orElseThrow();
        outbox.put(new Notices.Notice(NoticeKind.PASSWORD_RESET, carol.userId(), clock.instant(), null,
                java.util.Optional.empty(), java.util.Locale.ENGLISH, java.util.Optional.empty(), null), "carol@corp.example");
        clock.advance(NoticeOutbox.finishedAfter(config.notices()));
        // as every replica's sweep may fire in the same second
        dev.selfservice.support.Parallel.times(8, () -> {
            notices.sweep();
            return null;
        });
        PortalSteps.awaitNotices("carol@corp.example", 1);
        PortalState.awaitQuiet();
        assertThat(TenantApi.notices("carol@corp.example")).as("one copy, whichever sweep took it").hasSize(1);
        assertThat(outboxEntries()).isEmpty();
    }

    @Test
    void aCopyLeftForADayIsRecordedAsNotDeliveredInsteadOfSentLate() {
        Auth0User dave = management.adUser("corp-ad", "dave").orElseThrow();
        outbox.put(new Notices.Notice(NoticeKind.PASSWORD_CHANGED, dave.userId(), clock.instant(), null,
                java.util.Optional.empty(), java.util.Locale.ENGLISH, java.util.Optional.empty(), "req-old"), "dave@corp.example");
        clock.advance(Duration.ofDays(1).plusMinutes(10));
        try (LogCapture log = LogCapture.start()) {
            notices.sweep();
            PortalState.awaitQuiet();
            assertThat(log.lines()).anyMatch(l -> l.contains("\"event\":\"notice\"") && l.contains("\"outcome\":\"failed\"")
                    && l.contains("req-old"));
        }
        assertThat(outboxEntries()).isEmpty();
        assertThat(TenantApi.notices("dave@corp.example")).isEmpty();
    }
}
