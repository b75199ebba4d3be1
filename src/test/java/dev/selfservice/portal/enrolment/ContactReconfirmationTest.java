package dev.selfservice.portal.enrolment;

import static dev.selfservice.portal.enrolment.EnrolmentTest.enrol;
import static dev.selfservice.portal.enrolment.EnrolmentTest.enterCode;
import static dev.selfservice.portal.enrolment.EnrolmentTest.signIn;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.PortalTestClock;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "Is this still yours?" (issue 30 item 3): a contact not shown to be the employee's for {@code reconfirm-after} (180
 * days) is asked about on the account and contacts pages; a code sent to it confirms it and refreshes its date; one
 * that is not confirmed is never removed.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class ContactReconfirmationTest {

    static final String PAT = "pat@example.com";

    @Test
    void aContactUnconfirmedForHalfAYearIsAskedAboutAndACodeConfirmsItAndRefreshesItsDate() {
        enrol(signIn("alice"), "add-email", "email", PAT, PAT);
        Browser fresh = signIn("alice");
        assertThat(fresh.get(portal() + "/account").document().select("#reconfirm-nudge"))
                .as("control: a contact added today is not asked about").isEmpty();
        assertThat(fresh.get(portal() + "/enrolment").document().select("form.still-yours")).isEmpty();

        addedDaysAgo("alice", 181);
        Browser alice = fresh;
        Page account = alice.get(portal() + "/account");
        assertThat(account.text("#reconfirm-nudge"))
                .startsWith("One of your recovery contacts was last confirmed long ago.");
        Page contacts = alice.get(portal() + "/enrolment");
        assertThat(contacts.document().select("form.still-yours")).hasSize(1);
        assertThat(contacts.text(".contact .warning")).startsWith("Is this still yours?");

        int sent = PortalSteps.outboxCount(PAT);
        Page code = alice.submit(contacts, "form.still-yours", Map.of());
        assertThat(code.path()).isEqualTo("/enrolment/confirm/code");
        assertThat(code.text("#sent-to")).contains("p\u2022\u2022\u2022@example.com");
        String right = PortalSteps.awaitCode(PAT, sent);

        Page wrong = enterCode(alice, code, right.equals("000000") ? "111111" : "000000");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text("#problem")).contains("That code is not right");
        assertThat(confirmedAt("alice")).as("a wrong code confirms nothing").isEmpty();

        Page done = enterCode(alice, wrong, right);
        assertThat(done.uri().toString()).isEqualTo(portal() + "/enrolment?done=confirmed");
        assertThat(done.text("#notice")).isEqualTo("Thank you: that contact is confirmed as yours.");
        assertThat(done.document().select("form.still-yours")).isEmpty();
        assertThat(done.text(".contact .added")).contains("confirmed on");
        assertThat(confirmedAt("alice")).hasSize(1);
        assertThat(alice.get(portal() + "/account").document().select("#reconfirm-nudge")).isEmpty();
    }

    @Test
    void aContactNeverConfirmedIsNeverRemovedAndTheQuestionIsAskedInGerman() {
        enrol(signIn("alice"), "add-email", "email", PAT, PAT);
        addedDaysAgo("alice", 2 * 365);
        Browser alice = signIn("alice");
        java.net.HttpCookie lang = new java.net.HttpCookie("lang", "de");
        lang.setPath("/");
        alice.cookies().getCookieStore().add(java.net.URI.create(portal()), lang);

        Page account = alice.get(portal() + "/account");
        assertThat(account.text("#reconfirm-nudge")).startsWith("Einer Ihrer Wiederherstellungskontakte wurde vor langer Zeit");
        Page contacts = alice.get(portal() + "/enrolment");
        assertThat(contacts.document().select(".contact .address").eachText()).containsExactly("p\u2022\u2022\u2022@example.com");
        assertThat(contacts.text(".contact .warning")).startsWith("Gehört dieser Kontakt noch Ihnen?");
        assertThat(TenantApi.passwordlessSignIn("email", PAT)).as("it still leads to alice's account")
                .isEqualTo(TenantApi.adUserId("alice"));
    }

    @Test
    void anotherEmployeesContactCannotBeConfirmedAndNoCodeGoesToIt() {
        enrol(signIn("bob"), "add-email", "email", PAT, PAT);
        String bobsContact = bobsEmailIdentity();
        Browser alice = signIn("alice");
        Page contacts = alice.get(portal() + "/enrolment");
        int sent = PortalSteps.outboxCount(PAT);

        Page refused = alice.post(portal() + "/enrolment/confirm", withTokens(contacts, "#add-email", bobsContact));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text("#problem")).contains("There is no such recovery contact on your account.");
        assertThat(PortalSteps.outboxCount(PAT)).isEqualTo(sent);
    }

    @Test
    void theRightCodePostedTwiceInParallelConfirmsOnce() {
        enrol(signIn("alice"), "add-email", "email", PAT, PAT);
        addedDaysAgo("alice", 181);
        Browser alice = signIn("alice");
        int sent = PortalSteps.outboxCount(PAT);
        Page code = alice.submit(alice.get(portal() + "/enrolment"), "form.still-yours", Map.of());
        String right = PortalSteps.awaitCode(PAT, sent);

        List<Page> answers = Parallel.run(alice.copies(4).stream()
                .map(b -> (Callable<Page>) () -> enterCode(b, code, right)).toList());

        assertThat(answers).filteredOn(p -> p.uri().toString().endsWith("/enrolment?done=confirmed"))
                .as("the code is single-use").hasSize(1);
        assertThat(confirmedAt("alice")).hasSize(1);
    }

    private static Map<String, String> withTokens(Page page, String form, String contact) {
        Map<String, String> fields = new java.util.HashMap<>(page.hiddenFields(form));
        fields.put("contact", contact);
        return fields;
    }

    @Inject
    PortalTestClock clock;

    @Test
    void aHandTypedSentAgainOnTheConfirmationCodePageShowsNoNewCodeLineButTheRealResendDoes() {
        enrol(signIn("alice"), "add-email", "email", PAT, PAT);
        addedDaysAgo("alice", 181);
        Browser alice = signIn("alice");
        Page code = alice.submit(alice.get(portal() + "/enrolment"), "form.still-yours", Map.of());
        assertThat(code.path()).isEqualTo("/enrolment/confirm/code");
        Page typed = alice.get(portal() + "/enrolment/confirm/code?sent=again");
        assertThat(typed.status()).isEqualTo(200);
        assertThat(typed.document().select("#notice")).as("no code was sent again").isEmpty();

        // the control: a real resend says it, once
        clock.advance(Duration.ofSeconds(31));
        Page again = alice.submit(alice.get(portal() + "/enrolment/confirm/code"), "#resend", Map.of());
        assertThat(again.uri().toString()).isEqualTo(portal() + "/enrolment/confirm/code?sent=again");
        assertThat(again.text("#notice")).startsWith("A new code was sent.");
        assertThat(alice.get(portal() + "/enrolment/confirm/code?sent=again").document().select("#notice"))
                .as("a reload of the address is no resend").isEmpty();
    }

    /**
     * Dates the employee's contacts as added that many days ago, as an enrolment of that day left them: the portal's
     * clock is not moved, because a sign-in half a year ahead of the tenant's tokens is no sign-in.
     */
    @SuppressWarnings("unchecked")
    private static void addedDaysAgo(String user, int days) {
        String userId = TenantApi.adUserId(user);
        Map<String, Object> dates = new java.util.HashMap<>((Map<String, Object>) TenantApi.appMetadata(userId).get("enrolled_at"));
        assertThat(dates).isNotEmpty();
        dates.replaceAll((k, v) -> java.time.Instant.now().minus(Duration.ofDays(days)).toString());
        given().auth().oauth2(TenantApi.managementToken()).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("app_metadata", Map.of("enrolled_at", dates)))
                .patch(tenant() + "api/v2/users/" + userId).then().statusCode(200);
    }

    private static String bobsEmailIdentity() {
        List<Map<String, Object>> identities = given().auth().oauth2(TenantApi.managementToken())
                .get(tenant() + "api/v2/users/" + TenantApi.adUserId("bob")).then().statusCode(200).extract()
                .path("identities");
        return identities.stream().filter(i -> "email".equals(i.get("provider")))
                .map(i -> i.get("provider") + "|" + i.get("user_id")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> confirmedAt(String user) {
        Map<String, Object> account = given().auth().oauth2(TenantApi.managementToken())
                .get(tenant() + "api/v2/users/" + TenantApi.adUserId(user)).then().statusCode(200).extract().as(Map.class);
        Object dates = ((Map<String, Object>) account.getOrDefault("app_metadata", Map.of())).get("confirmed_at");
        return dates == null ? Map.of() : (Map<String, Object>) dates;
    }
}
