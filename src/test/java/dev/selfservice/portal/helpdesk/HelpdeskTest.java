package dev.selfservice.portal.helpdesk;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The helpdesk (issue 31): the role from an AD group, checked on every request; finding an employee; verifying the
 * caller by a code sent to one of their own contacts, which the caller reads out; and only then an action, with a
 * reason, audited with both people and told to the employee.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class HelpdeskTest {

    /** bob's recovery email in the demo tenant. */
    static final String BOBS_CONTACT = "bob.personal@example.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** helen of the IT Helpdesk group, signed in and with her password entered again, as the helpdesk's actions need. */
    static Browser helen() {
        return PortalSteps.stepUp(PortalSteps.signIn("helen", DEMO_PASSWORD), "helen", DEMO_PASSWORD);
    }

    static Page find(Browser staff, String employee) {
        return staff.submit(staff.get(portal() + "/helpdesk"), "#find", Map.of("employee", employee));
    }

    /** Posts one of the action buttons of the verified page's form (each button names its own address). */
    static Page act(Browser staff, Page page, String path, Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(page.hiddenFields("#act"));
        all.putAll(fields);
        return staff.post(portal() + path, all);
    }

    private static List<Map<String, Object>> identities(String user) {
        return given().auth().oauth2(TenantApi.managementToken()).get(tenant() + "api/v2/users/" + TenantApi.adUserId(user))
                .then().statusCode(200).extract().path("identities");
    }

    @Test
    void helenFindsBobVerifiesHimByTheCodeHeReadsOutAndRemovesHisLostContactWithAReason() throws Exception {
        Browser helen = helen();
        assertThat(helen.get(portal() + "/account").document().select("#helpdesk-link")).hasSize(1);
        int workNotices = TenantApi.notices("bob@corp.example").size();

        try (LogCapture log = LogCapture.start()) {
            Page bob = find(helen, "bob");
            assertThat(bob.path()).isEqualTo("/helpdesk/employee");
            assertThat(bob.document().select("form.signout")).as("who is signed in, and the way out").hasSize(1);
            assertThat(bob.text("#employee-username")).isEqualTo("bob");
            assertThat(bob.text(".contact .address")).isEqualTo("b\u2022\u2022\u2022@example.com");
            assertThat(bob.body()).doesNotContain(BOBS_CONTACT);
            assertThat(bob.document().select("#act")).as("no action before the caller is verified").isEmpty();
            assertThat(bob.document().select("#actions-locked")).hasSize(1);

            int sent = PortalSteps.outboxCount(BOBS_CONTACT);
            Page codePage = helen.submit(bob, "form.send-code", Map.of());
            assertThat(codePage.uri().toString()).endsWith("/helpdesk/employee?done=sent");
            assertThat(codePage.text("#code-sent-to")).contains("b\u2022\u2022\u2022@example.com");
            String readOut = PortalSteps.awaitCode(BOBS_CONTACT, sent);
            assertThat(codePage.body()).doesNotContain(readOut);

            Page verified = helen.submit(codePage, "#verify", Map.of("code", readOut));
            assertThat(verified.uri().toString()).endsWith("/helpdesk/employee?done=verified");
            assertThat(verified.text("#verified-until")).startsWith("The caller is verified until");
            // the verification's code exchange is a sign-in at Auth0: the page says the time may be the verification's
            assertThat(verified.text("dl.facts")).contains("Last sign-in at Auth0");
            assertThat(verified.text("#employee-last-sign-in-hint")).contains("a verification code the caller reads out counts as one too");

            Page noReason = act(helen, verified, "/helpdesk/employee/remove-contact",
                    Map.of("contact", verified.document().selectFirst("button[formaction$=remove-contact]").attr("value"),
                            "reason", " "));
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.text("#reason-error")).contains("Enter a reason.");
            assertThat(identities("bob")).extracting(i -> i.get("provider")).contains("email");

            Page asked = act(helen, verified, "/helpdesk/employee/remove-contact",
                    Map.of("contact", verified.document().selectFirst("button[formaction$=remove-contact]").attr("value"),
                            "reason", "phone lost, ticket 4711"));
            assertThat(asked.text("h1")).as("asked first, as Enter in the reason field posts it").isEqualTo("Remove this recovery contact?");
            assertThat(asked.text("#last-contact")).contains("only recovery contact");
            assertThat(identities("bob")).as("nothing removed by the question").extracting(i -> i.get("provider")).contains("email");
            Page removed = helen.submit(asked, "#confirm-remove", Map.of());
            assertThat(removed.uri().toString()).endsWith("/helpdesk/employee?done=removed");
            assertThat(removed.document().select(".contact")).isEmpty();
            assertThat(identities("bob")).extracting(i -> i.get("provider")).containsExactly("ad");
            Map<String, Object> notice = PortalSteps.awaitNotices("bob@corp.example", workNotices + 1).get(workNotices);
            assertThat(notice.get("subject").toString()).containsIgnoringCase("removed");
            // told who removed it: the helpdesk, for a caller with a code, not a "wasn't you?" of his own action
            assertThat(notice.toString()).contains("removed from your work account by the IT helpdesk");

            Map<String, Object> event = events(log).stream()
                    .filter(e -> "helpdesk.remove_contact".equals(e.get("event")) && "success".equals(e.get("outcome")))
                    .findFirst().orElseThrow();
            assertThat(event).containsEntry("user_id", TenantApi.adUserId("bob"))
                    .containsEntry("staff", TenantApi.adUserId("helen"))
                    .containsEntry("reason", null)
                    .containsEntry("stated_reason", "phone lost, ticket 4711")
                    .containsEntry("contact", "b\u2022\u2022\u2022@example.com");
            // the code as a word of its own (six digits also occur inside timestamps)
            java.util.regex.Pattern code = java.util.regex.Pattern.compile("(?<![0-9A-Za-z])" + readOut + "(?![0-9A-Za-z])");
            // the test's own SMTP server (GreenMail, standing for the mail relay) logs the mailboxes it creates
            List<String> portalLines = log.lines().stream().filter(l -> !l.startsWith("Created user login")).toList();
            assertThat(portalLines).isNotEmpty().noneMatch(l -> code.matcher(l).find())
                    .noneMatch(l -> l.contains(BOBS_CONTACT));
        }
    }

    /**
     * The attack found on this stop: whoever hears the code bob reads out (on the call, or a helpdesk member) entered it
     * in a recovery they had started for bob, and set his password. A code now proves the contact only for the step
     * that sent it, and the newest code only.
     */
    @Test
    void theCodeBobReadsOutToTheHelpdeskDoesNotResetHisPasswordInARecoveryStartedByAnother() {
        Browser attacker = new Browser();
        Page attackersCodePage = dev.selfservice.portal.recovery.RecoveryFlow.start(attacker, "bob", BOBS_CONTACT);
        assertThat(attackersCodePage.path()).isEqualTo("/recovery/code");

        Browser helen = helen();
        int sent = PortalSteps.outboxCount(BOBS_CONTACT);
        Page codePage = helen.submit(find(helen, "bob"), "form.send-code", Map.of());
        String readOut = PortalSteps.awaitCode(BOBS_CONTACT, sent);

        Page stolen = dev.selfservice.portal.recovery.RecoveryFlow.enterCode(attacker, attackersCodePage, readOut);
        assertThat(stolen.path()).as("no reset page for the attacker").isEqualTo("/recovery/code");
        assertThat(stolen.text("#problem")).contains("not right");
        // the helpdesk's own step still takes it: the refusal did not spend it at Auth0
        Page verified = helen.submit(codePage, "#verify", Map.of("code", readOut));
        assertThat(verified.document().select("button[formaction$=remove-contact]")).as("verified: the actions").isNotEmpty();
        assertThat(PortalSteps.signsIn("bob", DEMO_PASSWORD)).as("bob's password is unchanged").isTrue();
    }

    @Test
    void aRecoveryCodeDoesNotVerifyACallerAndANewRecoveryAfterTheHelpdesksCodeGetsACodeOfItsOwn() {
        Browser helen = helen();
        int sent = PortalSteps.outboxCount(BOBS_CONTACT);
        Page codePage = helen.submit(find(helen, "bob"), "form.send-code", Map.of());
        PortalSteps.awaitCode(BOBS_CONTACT, sent);

        // bob's own recovery after the helpdesk's code: a code of its own is sent, and it proves him there
        Browser bob = new Browser();
        int before = PortalSteps.outboxCount(BOBS_CONTACT);
        Page bobsCodePage = dev.selfservice.portal.recovery.RecoveryFlow.start(bob, "bob", BOBS_CONTACT);
        String recoveryCode = PortalSteps.awaitCode(BOBS_CONTACT, before);
        // that recovery code read out to the helpdesk does not verify the caller
        Page refused = helen.submit(codePage, "#verify", Map.of("code", recoveryCode));
        assertThat(refused.document().select("button[formaction$=remove-contact]")).isEmpty();
        assertThat(refused.text("#problem")).contains("not right");
        assertThat(dev.selfservice.portal.recovery.RecoveryFlow.enterCode(bob, bobsCodePage, recoveryCode).path())
                .as("the control: it is good for the recovery that sent it").isEqualTo("/recovery/reset");
    }

    @Test
    void aPauseAfterWrongPasswordsIsShownAndLiftedForAVerifiedCallerAndBobIsTold() {
        TenantApi.pauseByBruteForce("bob", "203.0.113.9");
        Browser helen = helen();
        Page bob = find(helen, "bob");
        assertThat(bob.text("#employee-state")).isEqualTo("paused after too many wrong passwords");
        assertThat(bob.document().select("#lift-pause")).as("no action before the caller is verified").isEmpty();
        int workNotices = TenantApi.notices("bob@corp.example").size();

        int sent = PortalSteps.outboxCount(BOBS_CONTACT);
        Page codePage = helen.submit(bob, "form.send-code", Map.of());
        Page verified = helen.submit(codePage, "#verify", Map.of("code", PortalSteps.awaitCode(BOBS_CONTACT, sent)));
        assertThat(verified.document().select("#lift-pause")).hasSize(1);
        Page lifted = act(helen, verified, "/helpdesk/employee/lift-pause", Map.of("reason", "ticket 4712"));
        assertThat(lifted.uri().toString()).endsWith("/helpdesk/employee?done=lifted");
        // what is known: Auth0's block and pause; the directory's own lockout is said not to be visible
        assertThat(lifted.text("#employee-state")).isEqualTo("neither blocked nor paused in Auth0");
        assertThat(lifted.text("#employee-directory-lock")).contains("is not visible here");
        // told who lifted it: the helpdesk, not "in the portal with a code" as his own recovery would be
        assertThat(PortalSteps.awaitNotices("bob@corp.example", workNotices + 1).get(workNotices).toString())
                .contains("lifted by the IT helpdesk").doesNotContain("in the password self-service portal");
    }

    @Test
    void withoutAVerifiedCodeEveryActionIsRefusedAndNothingChanges() {
        Browser helen = helen();
        Page bob = find(helen, "bob@corp.example");
        assertThat(bob.text("#employee-username")).isEqualTo("bob");
        String contact = bob.document().selectFirst(".contact").attr("data-id");
        Map<String, String> fields = new HashMap<>(bob.hiddenFields("form.send-code"));
        fields.put("reason", "ticket 4711");

        Map<String, String> remove = new HashMap<>(fields);
        remove.put("contact", contact);
        remove.put("confirm", "yes");
        Page refused = helen.post(portal() + "/helpdesk/employee/remove-contact", remove);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("#problem")).contains("Verify the caller with a code first");
        assertThat(helen.post(portal() + "/helpdesk/employee/lift-pause", fields).status()).isEqualTo(403);
        assertThat(identities("bob")).extracting(i -> i.get("provider")).contains("email");

        // a wrong code verifies nothing either
        int sent = PortalSteps.outboxCount(BOBS_CONTACT);
        Page codePage = helen.submit(bob, "form.send-code", Map.of());
        String right = PortalSteps.awaitCode(BOBS_CONTACT, sent);
        Page wrong = helen.submit(codePage, "#verify", Map.of("code", right.equals("000000") ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(helen.post(portal() + "/helpdesk/employee/remove-contact", remove).status()).isEqualTo(403);
        assertThat(identities("bob")).extracting(i -> i.get("provider")).contains("email");
    }

    @Test
    void wrongCodesForOneEmployeeAreLimitedEvenInParallel() {
        Browser helen = helen();
        Page bob = find(helen, "bob");
        int sent = PortalSteps.outboxCount(BOBS_CONTACT);
        Page codePage = helen.submit(bob, "form.send-code", Map.of());
        String right = PortalSteps.awaitCode(BOBS_CONTACT, sent);
        String wrong = right.equals("000000") ? "111111" : "000000";
        int exchangesBefore = TenantApi.events(Map.of("type", "fco")).size();

        List<Page> tries = Parallel.run(helen.copies(9).stream()
                .map(b -> (Callable<Page>) () -> b.submit(codePage, "#verify", Map.of("code", wrong))).toList());

        assertThat(tries).filteredOn(p -> p.status() == 429).as("refused by the limit").hasSize(4);
        assertThat(TenantApi.events(Map.of("type", "fco")).size() - exchangesBefore).as("wrong codes that reached the tenant")
                .isEqualTo(5);
    }

    /** The limit is on wrong codes: a right one leaves the next call of the same employee all five tries. */
    @Test
    void aRightCodeGivesItsTryBackSoTheNextCallStillHasFiveWrongTries() {
        Browser helen = helen();
        int sent = PortalSteps.outboxCount(BOBS_CONTACT);
        Page codePage = helen.submit(find(helen, "bob"), "form.send-code", Map.of());
        Page verified = helen.submit(codePage, "#verify", Map.of("code", PortalSteps.awaitCode(BOBS_CONTACT, sent)));
        assertThat(verified.document().select("button[formaction$=remove-contact]")).isNotEmpty();

        int again = PortalSteps.outboxCount(BOBS_CONTACT);
        Page next = helen.submit(find(helen, "bob"), "form.send-code", Map.of());
        String right = PortalSteps.awaitCode(BOBS_CONTACT, again);
        String wrong = right.equals("000000") ? "111111" : "000000";
        int exchangesBefore = TenantApi.events(Map.of("type", "fco")).size();
        List<Page> tries = Parallel.run(helen.copies(9).stream()
                .map(b -> (Callable<Page>) () -> b.submit(next, "#verify", Map.of("code", wrong))).toList());
        assertThat(tries).filteredOn(p -> p.status() == 429).hasSize(4);
        assertThat(TenantApi.events(Map.of("type", "fco")).size() - exchangesBefore).isEqualTo(5);
    }

    @Test
    void anOrdinaryEmployeeAndASignedOutVisitorAreRefusedEveryHelpdeskPathAndSeeNoLink() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        assertThat(alice.get(portal() + "/account").document().select("#helpdesk-link")).isEmpty();
        Map<String, String> fields = PortalSteps.sessionFormFields(alice);
        fields.put("employee", "bob");
        fields.put("code", "123456");
        fields.put("reason", "x");
        for (String path : List.of("/helpdesk", "/helpdesk/employee")) {
            Page refused = alice.get(portal() + path);
            assertThat(refused.status()).as("GET " + path).isEqualTo(403);
            assertThat(refused.text("h1")).isEqualTo("You do not have access to this page");
        }
        for (String path : List.of("/helpdesk/find", "/helpdesk/employee/send-code", "/helpdesk/employee/verify",
                "/helpdesk/employee/remove-contact", "/helpdesk/employee/lift-pause")) {
            Page refused = alice.post(portal() + path, fields);
            assertThat(refused.status()).as("POST " + path).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("bob@corp.example");
        }
        // the control: the same request by helen finds bob
        assertThat(find(helen(), "bob").text("#employee-username")).isEqualTo("bob");

        Browser visitor = new Browser().stoppingAt(tenant());
        Page signedOut = visitor.get(portal() + "/helpdesk");
        assertThat(signedOut.uri().toString()).as("sent to sign in").startsWith(tenant());
    }

    @Test
    void aCopiedHelpdeskCookieAfterSignOutAndAFormOfAnotherSessionAreRefused() {
        Browser helen = helen();
        Page bob = find(helen, "bob");
        Browser copy = PortalSteps.copyOfSession(helen);
        assertThat(copy.get(portal() + "/helpdesk").status()).as("the copy works while the session does").isEqualTo(200);

        // a form of another of helen's sessions: its session-bound token does not fit this one
        Browser other = helen();
        Map<String, String> foreign = new HashMap<>(PortalSteps.sessionFormFields(other));
        foreign.put("employee", "bob");
        Page forged = helen.post(portal() + "/helpdesk/find", foreign);
        assertThat(forged.status()).isBetween(400, 403);
        assertThat(forged.body()).doesNotContain("bob@corp.example");

        helen.submit(helen.get(portal() + "/account"), "form.signout", Map.of());
        Page after = copy.get(portal() + "/helpdesk/employee");
        assertThat(after.path()).isNotEqualTo("/helpdesk/employee");
        assertThat(after.body()).doesNotContain("bob@corp.example");
        assertThat(bob.body()).as("control: the page showed bob").contains("bob@corp.example");
    }

    @Test
    void sendingACodeNeedsThePasswordEnteredAgainAndAVerificationHoldsOnlyInItsSignInSession() {
        Browser helen = PortalSteps.signIn("helen", DEMO_PASSWORD);
        Page bob = find(helen, "bob");
        int sent = PortalSteps.outboxCount(BOBS_CONTACT);
        Page again = helen.submit(bob, "form.send-code", Map.of());
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.text("h1")).isEqualTo("Sign in again to continue");
        // staff words: the step is about the helpdesk's work, not the staff member's own contacts
        assertThat(again.text("#again")).contains("verify a caller").doesNotContain("recovery contacts");
        assertThat(again.document().selectFirst("#back").attr("href")).isEqualTo("/helpdesk/employee");
        Browser bobs = PortalSteps.signIn("bob", DEMO_PASSWORD);
        Page own = bobs.post(portal() + "/enrolment/resend", PortalSteps.sessionFormFields(bobs));
        assertThat(own.status()).isEqualTo(401);
        assertThat(own.text("#again")).as("the control: an employee's own step-up speaks of their contacts")
                .contains("recovery contacts");
        assertThat(PortalSteps.outboxCount(BOBS_CONTACT)).as("no code without the password again").isEqualTo(sent);

        PortalSteps.stepUp(helen, "helen", DEMO_PASSWORD);
        Page kept = helen.get(portal() + "/helpdesk/employee");
        assertThat(kept.text("#employee-username")).as("the case outlives the sign in again").isEqualTo("bob");
        Page codePage = helen.submit(kept, "form.send-code", Map.of());
        Page verified = helen.submit(codePage, "#verify", Map.of("code", PortalSteps.awaitCode(BOBS_CONTACT, sent)));
        assertThat(verified.document().select("#verified-until")).hasSize(1);

        PortalSteps.stepUp(helen, "helen", DEMO_PASSWORD);
        Page later = helen.get(portal() + "/helpdesk/employee");
        assertThat(later.document().select("#verified-until")).as("a new sign-in session").isEmpty();
        assertThat(later.document().select("#actions-locked")).hasSize(1);
    }

    @Test
    void theHelpdeskCannotActOnItsOwnAccountAndFindsOnlyExactNames() {
        Browser helen = helen();
        Page own = find(helen, "helen");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.text("#problem")).contains("You cannot act on your own account");
        Page partial = find(helen, "bo");
        assertThat(partial.status()).isEqualTo(404);
        assertThat(partial.text("#problem")).contains("No employee has exactly that username");
        assertThat(find(helen, "CORP\\bob").text("#employee-username")).as("a form of the username").isEqualTo("bob");
    }

    @Test
    void aCallerWithoutAContactGetsTheOrganisationsOtherVerificationAndTheActionsStayOffInGerman() {
        Browser helen = helen();
        java.net.HttpCookie lang = new java.net.HttpCookie("lang", "de");
        lang.setPath("/");
        helen.cookies().getCookieStore().add(java.net.URI.create(portal()), lang);
        Page alice = find(helen, "alice");
        assertThat(alice.text("#no-contacts")).startsWith("Diese Person hat keinen Wiederherstellungskontakt");
        assertThat(alice.text("#other-verification")).startsWith("Prüfen Sie die anrufende Person nach dem Verfahren");
        assertThat(alice.document().select("form.send-code, #act")).isEmpty();
    }

    static List<Map<String, Object>> events(LogCapture log) throws Exception {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : log.lines()) {
            if (line.startsWith("{\"time\"")) {
                events.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
            }
        }
        return events;
    }
}
