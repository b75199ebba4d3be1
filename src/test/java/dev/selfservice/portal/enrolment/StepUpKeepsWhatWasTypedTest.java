package dev.selfservice.portal.enrolment;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Adding a contact asks for the password again, and loses nothing by it: what cannot be added is refused before the
 * password is asked for, the sign-in page starts with the employee's username, and what was typed comes back (sealed,
 * never in a URL) on the contacts page after the step-up.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class StepUpKeepsWhatWasTypedTest {

    @Test
    void theWorkAddressAndAMalformedOneAreRefusedBeforeThePasswordIsAskedAgain() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);

        Page work = EnrolmentTest.add(alice, "add-email", "email", "alice@corp.example");
        assertThat(work.status()).isEqualTo(400);
        assertThat(work.text("#problem")).contains("That is a work address");
        assertThat(work.document().select("#sign-in-again")).isEmpty();

        Page malformed = EnrolmentTest.add(alice, "add-phone", "phone", "12");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.document().select("#sign-in-again")).isEmpty();

        // the control: an address that can be added asks for the password first
        Page again = EnrolmentTest.add(alice, "add-email", "email", "pat@example.com");
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.document().select("#sign-in-again")).hasSize(1);
    }

    @Test
    void aContactThatIsAlreadyHersIsRefusedBeforeThePasswordIsAskedAgainInEnglishAndGerman() {
        Browser bob = PortalSteps.signIn("bob", DEMO_PASSWORD);
        Page his = EnrolmentTest.add(bob, "add-email", "email", "Bob.Personal@example.com");
        assertThat(his.status()).isEqualTo(409);
        assertThat(his.text("#problem")).contains("That contact is already one of yours.");
        assertThat(his.document().selectFirst("#email").attr("aria-invalid")).as("the field it is about").isEqualTo("true");
        assertThat(his.document().selectFirst("#email").attr("value")).as("kept").isEqualTo("Bob.Personal@example.com");
        assertThat(his.document().select("#sign-in-again")).as("no password asked for").isEmpty();

        bob.get(portal() + "/language?to=de&back=/enrolment");
        Page german = EnrolmentTest.add(bob, "add-email", "email", "bob.personal@example.com");
        assertThat(german.status()).isEqualTo(409);
        assertThat(german.text("#problem")).contains("Dieser Kontakt gehört bereits zu Ihnen.");
        assertThat(german.document().select("#sign-in-again")).isEmpty();

        // the control: an address that is not his yet asks for the password first
        Page again = EnrolmentTest.add(bob, "add-email", "email", "bob.second@example.net");
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.document().select("#sign-in-again")).hasSize(1);
    }

    /** The outside walk's finding: after the password, bob was on his contacts with nothing saying to press Remove again. */
    @Test
    void removingAContactComesBackToItsQuestionAfterThePasswordIsAskedAgain() {
        Browser bob = PortalSteps.signIn("bob", DEMO_PASSWORD);
        Page contacts = bob.get(portal() + "/enrolment");
        String remove = contacts.document().select("a[href^=/enrolment/remove]").attr("href");
        assertThat(remove).contains("contact=");

        Page again = bob.get(portal() + remove);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.document().select("#sign-in-again input[name=then]").attr("value")).isEqualTo(remove);
        Page login = bob.submit(again, "#sign-in-again", Map.of());
        TenantApi.advanceClock(1); // a step-up counts only for a password typed after it began
        Page back = bob.submit(login, "form", Map.of("username", "bob", "password", DEMO_PASSWORD));
        assertThat(back.path()).isEqualTo("/enrolment/remove");
        assertThat(back.text("h1")).isEqualTo("Remove this recovery contact?");
        assertThat(back.document().select("#remove input[name=contact]").attr("value"))
                .isEqualTo(java.net.URLDecoder.decode(remove.substring(remove.indexOf('=') + 1),
                        java.nio.charset.StandardCharsets.UTF_8));
        // a form's post still comes back to the page it declares: theNumberTypedBeforeTheStepUp... below
    }

    @Test
    void theNumberTypedBeforeTheStepUpIsOnTheFormAfterItAndTheSignInPageStartsWithTheUsername() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page again = EnrolmentTest.add(alice, "add-phone", "phone", "+49 151 23456789");
        assertThat(again.status()).isEqualTo(401);

        Page login = alice.submit(again, "#sign-in-again", Map.of());
        assertThat(login.uri().toString()).startsWith(tenant() + "u/login");
        assertThat(alice.visited()).anyMatch(u -> u.toString().startsWith(tenant() + "authorize")
                && u.getQuery().contains("prompt=login") && u.getQuery().contains("login_hint=alice"));
        assertThat(login.document().select("#username").attr("value")).as("Auth0's login_hint").isEqualTo("alice");

        TenantApi.advanceClock(1); // a step-up counts only for a password typed after it began
        Page back = alice.submit(login, "form", Map.of("username", "alice", "password", DEMO_PASSWORD));
        assertThat(back.path()).isEqualTo("/enrolment");
        assertThat(back.document().select("#phone").attr("value")).isEqualTo("+49 151 23456789");
        assertThat(back.text("#notice")).isEqualTo("Your password is confirmed. Check the contact you typed and send the code.");
        assertThat(back.document().selectFirst("#phone").hasAttr("autofocus")).as("the focus comes back to it").isTrue();
        assertThat(back.document().selectFirst("#phone").attr("aria-describedby")).as("and it reads the notice")
                .isEqualTo("notice phone-hint");
        assertThat(back.document().selectFirst("#email").hasAttr("autofocus")).as("not the other form").isFalse();
        assertThat(alice.visited()).as("never in a URL").noneMatch(u -> u.toString().contains("23456789"));

        Page verify = alice.submit(back, "#add-phone", Map.of());
        assertThat(verify.path()).isEqualTo("/enrolment/verify");
        assertThat(PortalSteps.outboxCount("+4915123456789")).isEqualTo(1);
        // shown once: the kept value is gone
        assertThat(alice.get(portal() + "/enrolment").document().select("#phone").attr("value")).isEmpty();
    }

    @Test
    void whatOneEmployeeTypedIsNotShownToAnother() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        EnrolmentTest.add(alice, "add-email", "email", "pat@example.com");
        Browser bob = PortalSteps.signIn("bob", DEMO_PASSWORD);
        java.net.HttpCookie copied = new java.net.HttpCookie(TypedContactCookie.NAME, alice.cookie(TypedContactCookie.NAME));
        copied.setPath("/enrolment");
        bob.cookies().getCookieStore().add(java.net.URI.create(portal()), copied);
        assertThat(bob.get(portal() + "/enrolment").document().select("#email").attr("value")).isEmpty();
        // the control: alice's own browser has it
        assertThat(alice.get(portal() + "/enrolment").document().select("#email").attr("value")).isEqualTo("pat@example.com");
    }

    @Test
    void theContactsPageSaysBeforeTypingThatAddingAsksForThePasswordAgainInEnglishAndGerman() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        assertThat(alice.get(portal() + "/enrolment").text("#asks-password"))
                .isEqualTo("Adding a contact asks for your work password again first; what you type here is kept for when you come back.");
        alice.get(portal() + "/language?to=de&back=/enrolment");
        assertThat(alice.get(portal() + "/enrolment").text("#asks-password")).startsWith("Bevor Sie einen Kontakt hinzufügen");

        // the control: within a step-up's window it is not said, since nothing will be asked
        PortalSteps.stepUp(alice, "alice", DEMO_PASSWORD);
        assertThat(alice.get(portal() + "/enrolment").document().select("#asks-password")).isEmpty();
    }
}
