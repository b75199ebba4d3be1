package dev.selfservice.portal.report;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.portal.state.PortalState;
import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The invitations of the coverage report (issue 32, item 3): everyone without a contact in the newest reading gets one
 * invitation to enrol at their work address, paced (the test profile sends one a minute of the portal's clock, which
 * the test moves), nobody twice, and a run stopped half way goes on where it stopped when started again.
 */
@QuarkusTest
@CleanSlate
class InvitationRunTest {

    static final String SUBJECT = "Add a recovery contact to your account";
    /** The demo users without a contact (bob has an email, erin a phone; grace, blocked in Auth0, is left out). */
    static final List<String> WITHOUT = List.of("alice", "carol", "dave", "frank", "helen", "rita");

    @Inject
    InvitationRun runs;
    @Inject
    CoverageStore store;
    @Inject
    dev.selfservice.portal.notice.Notices notices;

    static Browser rita() {
        return PortalSteps.stepUp(PortalSteps.signIn("rita", DEMO_PASSWORD), "rita", DEMO_PASSWORD);
    }

    /** A reading of the directory, done: the invitations go through its list. */
    static void read(Browser rita) throws InterruptedException {
        rita.submit(rita.get(portal() + "/reports"), "#run", Map.of());
        await(() -> !rita.get(portal() + "/reports").document().select("#total").isEmpty());
    }

    @Test
    void theStepUpBeforeInvitingSpeaksOfInvitationsAndLeadsBackToTheReport() {
        Browser rita = PortalSteps.signIn("rita", DEMO_PASSWORD);
        Page asked = rita.submit(rita.get(portal() + "/reports"), "#invite", Map.of());
        assertThat(asked.status()).isEqualTo(401);
        assertThat(asked.text("#again")).contains("before you send invitations").doesNotContain("recovery contacts");
        assertThat(asked.document().selectFirst("#back").attr("href")).isEqualTo("/reports");
        assertThat(runs.progress()).as("nothing sent before the password").isEmpty();
    }

    static Page invite(Browser rita) {
        return rita.submit(rita.get(portal() + "/reports"), "#invite", Map.of());
    }

    static int invitations(String user) {
        return (int) TenantApi.notices(user + "@corp.example").stream().filter(m -> SUBJECT.equals(m.get("subject")))
                .count();
    }

    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the awaited condition came about").isLessThan(giveUp);
            Thread.sleep(50);
        }
    }

    /** Moves the clock a minute at a time (each minute lets one invitation go) until the run has ended. */
    static InvitationProgress driveToItsEnd(InvitationRun runs) throws InterruptedException {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        Optional<InvitationProgress> p = runs.progress();
        while (p.isEmpty() || p.get().running()) {
            assertThat(System.nanoTime()).as("the run came to its end").isLessThan(giveUp);
            TenantApi.advanceClocks(Duration.ofMinutes(1));
            Thread.sleep(50);
            p = runs.progress();
        }
        return p.get();
    }

    static Predicate<Optional<InvitationProgress>> sent(int n) {
        return p -> p.isPresent() && p.get().sent() == n;
    }

    @Test
    void ritaInvitesEveryoneWithoutAContactOnceAndTheProgressLineSaysHowFar() throws Exception {
        Browser rita = rita();
        read(rita);

        try (LogCapture log = LogCapture.start()) {
            Page started = invite(rita);
            assertThat(started.text("#notice")).startsWith("The invitations were started");
            assertThat(started.text("#invitation-progress")).contains("of 6");
            InvitationProgress ended = driveToItsEnd(runs);
            assertThat(ended.sent()).isEqualTo(6);
            assertThat(ended.passedOver()).isZero();
            assertThat(ended.stopped()).isFalse();
            PortalState.awaitQuiet();
            assertEachWithoutAContactInvitedOnce();
            assertThat(invitations("bob")).as("bob has a contact").isZero();
            assertThat(invitations("grace")).as("grace is blocked in Auth0: no contact would let her in").isZero();
            Map<String, Object> mail = TenantApi.notices("alice@corp.example").stream()
                    .filter(m -> SUBJECT.equals(m.get("subject"))).findFirst().orElseThrow();
            assertThat(mail.get("text").toString()).contains(portal()).as("no link").doesNotContain("href");
            assertThat(mail.get("html").toString()).doesNotContain("<a ");
            assertThat(rita.get(portal() + "/reports").text("#invitation-progress"))
                    .contains("6 invited, 0 passed over").contains("of 6").contains("Ended");
            assertThat(log.lines()).anyMatch(l -> l.contains("\"event\":\"report.invitations\"")
                    && l.contains("\"phase\":\"ended\"") && l.contains("\"sent\":\"6\"") && l.contains("\"staff_name\":\"rita\""));
        }

        // pressed again within the days: everyone is passed over, nobody gets a second mail
        invite(rita);
        InvitationProgress again = driveToItsEnd(runs);
        assertThat(again.sent()).isZero();
        assertThat(again.passedOver()).isEqualTo(6);
        PortalState.awaitQuiet();
        assertEachWithoutAContactInvitedOnce();
    }

    @Test
    void aRunStoppedHalfWayGoesOnWhenStartedAgainAndInvitesNobodyTwice() throws Exception {
        Browser rita = rita();
        read(rita);

        invite(rita);
        await(() -> sent(1).test(runs.progress()));
        TenantApi.advanceClocks(Duration.ofMinutes(1));
        await(() -> sent(2).test(runs.progress()));
        // the replica stops (a rolling update) while the run waits for its next minute
        runs.stop();
        await(() -> runs.progress().map(p -> !p.running()).orElse(false));
        InvitationProgress stopped = runs.progress().orElseThrow();
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.sent()).as("stopped half way").isEqualTo(2);
        assertThat(rita.get(portal() + "/reports").text("#invitation-progress")).contains("Stopped")
                .contains("Start it again to go on");

        Page again = invite(rita);
        assertThat(again.text("#notice")).startsWith("The invitations were started");
        InvitationProgress resumed = driveToItsEnd(runs);
        assertThat(resumed.sent()).isEqualTo(4);
        assertThat(resumed.passedOver()).as("the two the first run reached").isEqualTo(2);
        PortalState.awaitQuiet();
        assertEachWithoutAContactInvitedOnce();
    }

    /**
     * A replica killed outright (no stop of its own) leaves what it did: its lock, the employees it noted, their mails,
     * and a run that never ends. That state is made here through the same classes, as the dead replica made it.
     */
    @Test
    void aReplicaKilledMidRunHoldsTheRunForMinutesOnlyAndTheNextRunInvitesNobodyTwice() throws Exception {
        Browser rita = rita();
        read(rita);
        assertThat(store.lockInvitations("the-killed-replica", InvitationRun.LOCK_HOLD)).isTrue();
        InvitationProgress killed = InvitationProgress.started(java.time.Instant.now(), "rita", WITHOUT.size());
        for (String user : List.of("alice", "carol")) {
            assertThat(store.invite(TenantApi.adUserId(user), Duration.ofDays(30))).isTrue();
            notices.inviteToEnrol(TenantApi.adUserId(user), user + "@corp.example", java.util.Locale.ENGLISH, () -> {
            });
            killed = killed.oneInvited();
        }
        store.progress(killed);

        assertThat(invite(rita).text("#notice")).as("its lock still holds").startsWith("Invitations are already being sent");
        TenantApi.advanceClocks(InvitationRun.LOCK_HOLD.plusMinutes(1));
        assertThat(invite(rita).text("#notice")).as("its lock expired").startsWith("The invitations were started");
        InvitationProgress next = driveToItsEnd(runs);

        assertThat(next.sent()).isEqualTo(WITHOUT.size() - 2);
        assertThat(next.passedOver()).as("the two the killed replica reached").isEqualTo(2);
        PortalState.awaitQuiet();
        assertEachWithoutAContactInvitedOnce();
    }

    /**
     * A run whose replica stalled past its lock's hold finds, when it looks again, that another replica's run has taken
     * the lock: it stops, and leaves that run's progress line alone instead of writing "stopped" over it.
     */
    @Test
    void aRunThatLostItsLockStopsAndLeavesTheProgressOfTheRunThatTookItAlone() throws Exception {
        Browser rita = rita();
        read(rita);
        try (LogCapture log = LogCapture.start()) {
            invite(rita);
            await(() -> sent(1).test(runs.progress()));
            // while the run waits for its next minute, the clock passes its lock's hold, and another replica's run
            // takes the lock and notes its progress before this one looks again
            TenantApi.advanceClocks(InvitationRun.LOCK_HOLD.plusMinutes(1));
            assertThat(store.lockInvitations("another-replica", InvitationRun.LOCK_HOLD)).isTrue();
            store.progress(InvitationProgress.started(java.time.Instant.now(), "another staff member", WITHOUT.size()));

            await(() -> log.lines().stream().anyMatch(l -> l.contains("invitation run stopped")));
            assertThat(log.lines()).anyMatch(l -> l.contains("lock expired before it was renewed"));
            InvitationProgress line = runs.progress().orElseThrow();
            assertThat(line.startedBy()).isEqualTo("another staff member");
            assertThat(line.running()).isTrue();
            assertThat(store.unlockInvitations("another-replica")).as("the other run's lock was left to it").isTrue();
        }
    }

    /** A run whose replica died says so once its lock is gone, instead of "Still sending" for ever. */
    @Test
    void whenTheReplicaSendingDiedTheProgressLineSaysTheRunStoppedAndCanBeStartedAgain() throws Exception {
        Browser rita = rita();
        read(rita);
        assertThat(store.lockInvitations("the-killed-replica", InvitationRun.LOCK_HOLD)).isTrue();
        store.progress(InvitationProgress.started(java.time.Instant.now(), "rita", WITHOUT.size()).onePassedOver());
        assertThat(rita.get(portal() + "/reports").text("#invitation-progress")).as("control: while its lock holds")
                .endsWith("Still sending.");

        TenantApi.advanceClocks(InvitationRun.LOCK_HOLD.plusMinutes(1));
        String line = rita.get(portal() + "/reports").text("#invitation-progress");
        assertThat(line).doesNotContain("Still sending").contains("Stopped without finishing")
                .contains("Start it again to go on");
        java.net.HttpCookie lang = new java.net.HttpCookie("lang", "de");
        lang.setPath("/");
        rita.cookies().getCookieStore().add(java.net.URI.create(portal()), lang);
        assertThat(rita.get(portal() + "/reports").text("#invitation-progress")).contains("Ohne Abschluss angehalten");
        assertThat(invite(rita).text("#notice")).as("and it can be started again").contains("gestartet");
        driveToItsEnd(runs);
    }

    /** Found by an outside tester: the list is the reading's, which may be hours old; each account is read again. */
    @Test
    void whoeverAddedAContactOrWasBlockedSinceTheReadingIsNotMailed() throws Exception {
        Browser rita = rita();
        read(rita);
        TenantApi.linkContact("alice", "email", "alice.home@example.net");
        io.restassured.RestAssured.given().auth().oauth2(TenantApi.managementToken()).contentType("application/json")
                .body(Map.of("blocked", true)).patch(dev.selfservice.support.LocalTenantUrls.tenant() + "api/v2/users/"
                        + TenantApi.adUserId("carol")).then().statusCode(200);

        invite(rita);
        InvitationProgress ended = driveToItsEnd(runs);

        assertThat(ended.sent()).isEqualTo(WITHOUT.size() - 2);
        assertThat(ended.passedOver()).isEqualTo(2);
        PortalState.awaitQuiet();
        assertThat(invitations("alice")).as("she has a contact now").isZero();
        assertThat(invitations("carol")).as("she is blocked now").isZero();
        assertThat(invitations("dave")).as("the control: unchanged since the reading").isEqualTo(1);
    }

    /** Found by an outside tester: a mail the relay never took was counted as sent and kept its employee out for days. */
    @Test
    void anInvitationTheMailRelayNeverTookIsSentByTheNextRun() throws Exception {
        Browser rita = rita();
        read(rita);
        try (LogCapture log = LogCapture.start()) {
            TenantApi.smtp(false);
            invite(rita);
            driveToItsEnd(runs);
            for (String user : WITHOUT) {
                log.await(l -> l.contains("\"event\":\"notice\"") && l.contains("\"outcome\":\"failed\"")
                        && l.contains("\"to\":\"" + user.charAt(0) + "\u2022\u2022\u2022@corp.example\""));
            }
        } finally {
            TenantApi.smtp(true);
        }
        PortalState.awaitQuiet();

        invite(rita);
        InvitationProgress again = driveToItsEnd(runs);

        assertThat(again.sent()).as("none of them counts as invited").isEqualTo(WITHOUT.size());
        PortalState.awaitQuiet();
        assertEachWithoutAContactInvitedOnce();
    }

    @Test
    void withoutAReadingNothingIsSentAndThePageSaysToReadFirst() {
        Browser rita = rita();
        Page page = invite(rita);
        assertThat(page.text("#notice")).startsWith("Read the directory first");
        assertThat(runs.progress()).isEmpty();
    }

    @Test
    void onlyTheReportRoleStartsInvitationsAndALinkDoesNotSayTheyStarted() throws Exception {
        for (String someone : List.of("alice", "helen")) {
            Browser b = PortalSteps.stepUp(PortalSteps.signIn(someone, DEMO_PASSWORD), someone, DEMO_PASSWORD);
            assertThat(b.post(portal() + "/reports/invite", PortalSteps.sessionFormFields(b)).status()).as(someone)
                    .isEqualTo(403);
        }
        assertThat(runs.progress()).as("no run started").isEmpty();
        Browser rita = rita();
        assertThat(rita.get(portal() + "/reports?done=inviting").document().select("#notice")).isEmpty();
        // the control: rita's own press does start one
        read(rita);
        assertThat(invite(rita).text("#notice")).startsWith("The invitations were started");
        runs.stop();
        await(() -> runs.progress().map(p -> !p.running()).orElse(false));
    }

    /** Each employee without a contact got exactly one invitation. */
    private static void assertEachWithoutAContactInvitedOnce() {
        for (String user : WITHOUT) {
            assertThat(invitations(user)).as(user).isEqualTo(1);
        }
    }
}
