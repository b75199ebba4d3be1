package dev.selfservice.portal.recovery;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.portal.notice.SecurityNotices;
import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The security mailbox hears of an attack once per kind per period, over real SMTP (the tenant's mail server). */
@QuarkusTest
@TestProfile(SecurityMailboxTest.WithMailbox.class)
@CleanSlate
class SecurityMailboxTest {

    static final String MAILBOX = "security@corp.example";

    public static class WithMailbox implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the production timeout, not the test profile's 2 s (which keeps the fault tests quick): forty parallel
            // exchanges on a loaded machine can take longer than 2 s, and timeouts would open the breaker and refuse
            // tries that the test counts as reaching Auth0 (seen with four test JVMs on two cores)
            return Map.of("portal.security.mailbox", MAILBOX,
                    "portal.recovery.max-wrong-codes-per-account-per-hour", "15",
                    "quarkus.fault-tolerance.\"dev.selfservice.portal.auth0.AuthenticationApiGuard/call\".timeout.value",
                    "10000");
        }
    }

    /** Waits (bounded) until no security message is still being sent, then reads the mailbox. */
    private static List<Map<String, Object>> mailboxWhenSent() {
        SecurityNotices security = Arc.container().instance(SecurityNotices.class).get();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (security.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(security.inFlight()).as("every message left").isZero();
        return TenantApi.notices(MAILBOX);
    }

    @Test
    void wrongCodesFromManyAttemptsMeetTheAccountCeilingAtOnceAndTellTheSecurityMailboxOnceWithTheCounts() {
        Browser first = new Browser();
        int before = PortalSteps.outboxCount(RecoveryTest.BOB_EMAIL);
        Page firstCode = RecoveryFlow.start(first, "bob", RecoveryTest.BOB_EMAIL);
        String real = PortalSteps.awaitCode(RecoveryTest.BOB_EMAIL, before);
        String wrong = real.equals("000000") ? "111111" : "000000";
        // ten wrong codes end the first attempt, which the mailbox does not hear of: it ends no one else's
        for (int i = 0; i < 10; i++) {
            assertThat(RecoveryFlow.enterCode(first, firstCode, wrong).text("#problem")).contains("That code is not right");
        }
        assertThat(RecoveryFlow.enterCode(first, firstCode, wrong).status()).isEqualTo(429);
        assertThat(TenantApi.notices(MAILBOX)).isEmpty();

        // a second attempt's forty at once: the account's ceiling (fifteen) lets exactly five more reach Auth0
        Browser second = new Browser();
        int sent = PortalSteps.outboxCount(RecoveryTest.BOB_EMAIL);
        Page secondCode = RecoveryFlow.start(second, "bob", RecoveryTest.BOB_EMAIL);
        PortalSteps.awaitCode(RecoveryTest.BOB_EMAIL, sent);
        // each with the pending cookie, as an attacker replays it
        List<Page> tries = Parallel.run(second.copies(40).stream()
                .map(b -> (java.util.concurrent.Callable<Page>) () -> RecoveryFlow.enterCode(b, secondCode, wrong))
                .toList());
        assertThat(tries).filteredOn(p -> p.status() == 400).as("wrong, and looked at").hasSize(5);
        assertThat(tries).filteredOn(p -> p.status() == 429).as("refused by the ceiling").hasSize(35);
        assertThat(TenantApi.events(Map.of("type", "fco"))).as("code exchanges that reached the tenant").hasSize(15);

        // the ceiling holds for bob's own attempt too: his start is refused before a code that could not be used is
        // sent (issue 29 item 4; it used to send one and refuse it)
        Browser bob = new Browser();
        Page refused = RecoveryFlow.start(bob, "bob", RecoveryTest.BOB_EMAIL);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("#problem")).contains("Too many wrong codes");
        // a contact bob never enrolled is counted alike: it meets its own ceiling at the same try, with the same
        // answer, and the mailbox does not hear of it, so that neither tells which contacts are his (round five
        // learned it when the ceiling, counted for enrolled contacts only, then refused every contact)
        Browser guesser = new Browser();
        Page guess = RecoveryFlow.start(guesser, "bob", "bob.guess@example.org");
        for (int i = 0; i < 10; i++) {
            assertThat(RecoveryFlow.enterCode(guesser, guess, wrong).status()).as("try %d", i + 1).isEqualTo(400);
        }
        Browser again = new Browser();
        Page guessAgain = RecoveryFlow.start(again, "bob", "bob.guess@example.org");
        for (int i = 10; i < 15; i++) {
            assertThat(RecoveryFlow.enterCode(again, guessAgain, wrong).status()).as("try %d", i + 1).isEqualTo(400);
        }
        Page met = RecoveryFlow.enterCode(again, guessAgain, wrong);
        assertThat(met.status()).isEqualTo(refused.status());
        // the same words but for the time the wait ends, which is when the first of the tries counted was made
        assertThat(met.text("#problem").replaceAll("after .* UTC", "after (time)"))
                .isEqualTo(refused.text("#problem").replaceAll("after .* UTC", "after (time)"));

        List<Map<String, Object>> messages = mailboxWhenSent();
        assertThat(messages).as("one message, not one per refused attempt").hasSize(1);
        Map<String, Object> message = messages.get(0);
        assertThat((String) message.get("subject")).contains("wrong-code limit");
        String text = (String) message.get("text");
        assertThat(text).contains("username bob", "15 code attempts on the contact in the last hour (limit 15)",
                "Further code attempts at that contact are refused", "Request id: ");
        assertThat(text).doesNotContain(RecoveryTest.BOB_EMAIL, wrong, real, DEMO_PASSWORD);
        assertThat(text).contains(dev.selfservice.portal.contact.ContactAddress.mask(
                dev.selfservice.portal.auth0.PasswordlessChannel.EMAIL, RecoveryTest.BOB_EMAIL));
    }

    @Test
    void screeningSkippedWhileTheBreachServiceIsDownIsToldOnceForTwoChanges() {
        TenantApi.fault(Map.of("method", "GET", "path", "/range/", "status", 503, "times", 0));
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page form = alice.get(portal() + "/password/change");
        Page done = alice.submit(form, "#change-password", Map.of("current", DEMO_PASSWORD,
                "password", "Violet-Harbor-Lamp-73", "confirm", "Violet-Harbor-Lamp-73"));
        assertThat(done.path()).isEqualTo("/password/changed");
        Browser carol = new Browser();
        Page expired = carol.submit(carol.get(portal() + "/password/expired"), "#expired-password", Map.of(
                "username", "carol", "current", DEMO_PASSWORD, "password", "Zinnia-Cobble-Ferro-29",
                "confirm", "Zinnia-Cobble-Ferro-29"));
        assertThat(expired.path()).isEqualTo("/password/changed");

        List<Map<String, Object>> messages = mailboxWhenSent();
        assertThat(messages).hasSize(1);
        assertThat((String) messages.get(0).get("subject")).contains("not screened for breaches");
        assertThat((String) messages.get(0).get("text")).contains("accepted unscreened", "Events of this kind")
                .doesNotContain("Violet-Harbor-Lamp-73", "Zinnia-Cobble-Ferro-29");
    }
}
