package dev.selfservice.portal.enrolment;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who is told of a contact change: an added one to the work email and every other contact (not to the new one, whose
 * holder added it); a removed one to the work email and the removed address (not to the remaining ones).
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class EnrolmentNoticesTest {

    /** The page's "added" line is the portal's own word after an adding, not something a link can make it say. */
    @Test
    void aLinkSayingAContactWasAddedShowsNoSuchLineButTheAddingItselfDoes() {
        Browser bob = EnrolmentTest.signIn("bob");
        for (String done : List.of("added", "removed", "confirmed")) {
            Page linked = bob.get(portal() + "/enrolment?done=" + done);
            assertThat(linked.status()).isEqualTo(200);
            assertThat(linked.document().select("#notice")).as(done).isEmpty();
        }
        // the control: the redirect after a real adding says it, once
        Page listed = EnrolmentTest.enrol(bob, "add-email", "email", "bob.third@example.net", "bob.third@example.net");
        assertThat(listed.uri().toString()).isEqualTo(portal() + "/enrolment?done=added");
        assertThat(listed.text("#notice")).isNotBlank();
        assertThat(bob.get(portal() + "/enrolment?done=added").document().select("#notice")).isEmpty();
    }

    @Inject
    PortalTestClock clock;

    /** "A new code was sent" is the portal's word after its own resend, not something a hand-typed link says. */
    @Test
    void aHandTypedSentAgainOnTheCodePageShowsNoNewCodeLineButTheRealResendDoesOnce() {
        Browser alice = EnrolmentTest.signIn("alice");
        Page verify = EnrolmentTest.add(alice, "add-email", "email", "alice.typed@example.net");
        assertThat(verify.path()).isEqualTo("/enrolment/verify");
        Page typed = alice.get(portal() + "/enrolment/verify?sent=again");
        assertThat(typed.status()).isEqualTo(200);
        assertThat(typed.document().select("#notice")).as("no code was sent again").isEmpty();

        // the control: a real resend says it, once
        clock.advance(Duration.ofSeconds(31));
        Page again = alice.submit(alice.get(portal() + "/enrolment/verify"), "#resend", Map.of());
        assertThat(again.uri().toString()).isEqualTo(portal() + "/enrolment/verify?sent=again");
        assertThat(again.text("#notice")).startsWith("A new code was sent.");
        assertThat(alice.get(portal() + "/enrolment/verify?sent=again").document().select("#notice"))
                .as("a reload of the address is no resend").isEmpty();
    }

    @Test
    void anAddedContactIsToldToTheWorkEmailAndTheOtherContactsButNotToItself() {
        Browser bob = EnrolmentTest.signIn("bob");
        Page listed = EnrolmentTest.enrol(bob, "add-email", "email", "bob.other@example.net", "bob.other@example.net");
        assertThat(listed.uri().toString()).isEqualTo(portal() + "/enrolment?done=added");

        for (String to : List.of("bob@corp.example", "bob.personal@example.com")) {
            Map<String, Object> notice = PortalSteps.awaitNotices(to, 1).get(0);
            assertThat(notice.get("subject")).isEqualTo("A recovery contact was added to your work account");
            assertThat((String) notice.get("text")).contains("b\u2022\u2022\u2022@example.net")
                    .doesNotContain("bob.other");
        }
        // the new address got its code, and no notice: its holder is the one who added it. Each recipient's notice
        // goes out on its own: wait until none is on its way before looking for one that must not be
        dev.selfservice.portal.state.PortalState.awaitQuiet();
        assertThat(TenantApi.notices("bob.other@example.net")).isEmpty();
        assertThat(TenantApi.latestCode("bob.other@example.net")).as("the control: mail does reach it").isNotBlank();
    }

    @Test
    void aRemovedContactIsToldToTheWorkEmailAndToTheRemovedAddressOnly() {
        TenantApi.linkContact("bob", "email", "bob.second@example.net");
        Browser bob = EnrolmentTest.signIn("bob");
        Page contacts = bob.get(portal() + "/enrolment");
        String removeHref = contacts.document().select(".contact").stream()
                .filter(c -> c.text().contains("b\u2022\u2022\u2022@example.com"))
                .findFirst().orElseThrow().selectFirst("a.remove").attr("href");
        Page removed = bob.submit(bob.get(portal() + removeHref), "#remove", Map.of());
        assertThat(removed.uri().toString()).isEqualTo(portal() + "/enrolment?done=removed");

        for (String to : List.of("bob@corp.example", "bob.personal@example.com")) {
            Map<String, Object> notice = PortalSteps.awaitNotices(to, 1).get(0);
            assertThat(notice.get("subject")).isEqualTo("A recovery contact was removed from your work account");
            assertThat((String) notice.get("text")).contains("b\u2022\u2022\u2022@example.com");
        }
        dev.selfservice.portal.state.PortalState.awaitQuiet();
        assertThat(TenantApi.notices("bob.second@example.net")).as("a remaining contact is not told").isEmpty();
    }
}
