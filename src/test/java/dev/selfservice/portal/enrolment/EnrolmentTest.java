package dev.selfservice.portal.enrolment;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** Enrolment of personal contacts, through the portal's pages and the local tenant over real HTTP. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class EnrolmentTest {

    /** Signed in, and the password entered again, as changing contacts needs. */
    static Browser signIn(String user) {
        return PortalSteps.stepUp(PortalSteps.signIn(user, DEMO_PASSWORD), user, DEMO_PASSWORD);
    }

    /** Enters the address on the contacts page and returns the page that follows (the code page when all is well). */
    static Page add(Browser browser, String form, String field, String address) {
        Page contacts = browser.get(portal() + "/enrolment");
        return browser.submit(contacts, "#" + form, Map.of(field, address));
    }

    static Page enterCode(Browser browser, Page verifyPage, String code) {
        return browser.submit(verifyPage, "#verify", Map.of("code", code));
    }

    static Page enrol(Browser browser, String form, String field, String address, String outboxAddress) {
        Page verify = add(browser, form, field, address);
        assertThat(verify.path()).isEqualTo("/enrolment/verify");
        return enterCode(browser, verify, TenantApi.latestCode(outboxAddress));
    }

    private static List<Map<String, Object>> identities(String user) {
        return given().auth().oauth2(TenantApi.managementToken()).get(tenant() + "api/v2/users/" + TenantApi.adUserId(user))
                .then().statusCode(200).extract().path("identities");
    }

    private static List<?> usersByEmail(String email) {
        return given().auth().oauth2(TenantApi.managementToken()).queryParam("email", email)
                .get(tenant() + "api/v2/users-by-email").then().statusCode(200).extract().as(List.class);
    }

    @Test
    void aliceEnrolsAnEmailAndAPhoneSeesThemMaskedAndRemovesOne() {
        Browser alice = signIn("alice");

        Page verify = add(alice, "add-email", "email", " Alice.Home@Example.com ");
        assertThat(verify.text("#sent-to")).contains("a\u2022\u2022\u2022@example.com").doesNotContain("alice.home");
        Page listed = enterCode(alice, verify, TenantApi.latestCode("alice.home@example.com"));
        assertThat(listed.uri().toString()).isEqualTo(portal() + "/enrolment?done=added");
        assertThat(listed.text("#notice")).isNotBlank();

        listed = enrol(alice, "add-phone", "phone", "+1 (425) 883-1929", "+14258831929");
        assertThat(listed.document().select(".contact .address").eachText())
                .containsExactly("a\u2022\u2022\u2022@example.com", "+1 \u2022\u2022\u2022\u2022 \u2022\u2022\u2022 929");
        assertThat(listed.document().select(".contact .added").eachText()).allMatch(t -> t.startsWith("added "));
        assertThat(listed.body()).doesNotContain("alice.home@example.com", "4258831929");

        assertThat(identities("alice")).extracting(i -> i.get("provider")).containsExactly("ad", "email", "sms");
        String aliceId = TenantApi.adUserId("alice");
        assertThat(TenantApi.passwordlessSignIn("email", "alice.home@example.com")).isEqualTo(aliceId);
        assertThat(TenantApi.passwordlessSignIn("sms", "+14258831929")).isEqualTo(aliceId);

        String removeHref = listed.document().select(".contact").first().selectFirst("a.remove").attr("href");
        Page confirm = alice.get(portal() + removeHref);
        assertThat(confirm.text("#remove-detail")).contains("a\u2022\u2022\u2022@example.com");
        Page afterRemove = alice.submit(confirm, "#remove", Map.of());
        assertThat(afterRemove.uri().toString()).isEqualTo(portal() + "/enrolment?done=removed");
        assertThat(afterRemove.document().select(".contact .address").eachText())
                .containsExactly("+1 \u2022\u2022\u2022\u2022 \u2022\u2022\u2022 929");
        assertThat(identities("alice")).extracting(i -> i.get("provider")).containsExactly("ad", "sms");
        assertThat(usersByEmail("alice.home@example.com")).as("the standalone user unlinking left is deleted").isEmpty();
        // the control: a standalone passwordless user is found by that same lookup
        TenantApi.passwordlessSignIn("email", "not.linked@example.com");
        assertThat(usersByEmail("not.linked@example.com")).hasSize(1);
    }

    @Test
    void confirmingAContactReadsTheAccountOnceAndKeepsEveryContactsDate() {
        Browser alice = signIn("alice");
        enrol(alice, "add-email", "email", "alice.home@example.com", "alice.home@example.com");
        Page verify = add(alice, "add-phone", "phone", "+1 425 883 1929");
        int reads = TenantApi.callsTo("GET /api/v2/users/:id");
        Page listed = enterCode(alice, verify, TenantApi.latestCode("+14258831929"));
        assertThat(listed.uri().toString()).endsWith("/enrolment?done=added");
        // one read under the lock before the link (the link answers with the identities), one for the page
        assertThat(TenantApi.callsTo("GET /api/v2/users/:id") - reads).isEqualTo(2);
        Map<String, Object> dates = enrolledAt("alice");
        assertThat(dates).hasSize(2);
        assertThat(identities("alice")).extracting(i -> i.get("provider") + "|" + i.get("user_id"))
                .containsAll(dates.keySet());
        assertThat(listed.document().select(".contact .added").eachText()).hasSize(2).allMatch(t -> t.startsWith("added "));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> enrolledAt(String user) {
        Map<String, Object> account = given().auth().oauth2(TenantApi.managementToken())
                .get(tenant() + "api/v2/users/" + TenantApi.adUserId(user)).then().statusCode(200).extract().as(Map.class);
        return (Map<String, Object>) ((Map<String, Object>) account.get("app_metadata")).get("enrolled_at");
    }

    @Test
    void anAddressLinkedToAliceIsAnsweredAsAFreeOneAndRefusedOnlyAtConfirmation() {
        enrol(signIn("alice"), "add-email", "email", "shared@example.com", "shared@example.com");
        int bobsBefore = identities("bob").size();
        int codesBefore = PortalSteps.outboxCount("shared@example.com");
        Browser bob = signIn("bob");
        Page free = add(bob, "add-email", "email", "free@example.com");

        Page started = add(bob, "add-email", "email", "shared@example.com");

        // before any proof of control, the page says nothing of whose contact it is: as for a free address
        assertThat(started.status()).isEqualTo(free.status()).isEqualTo(200);
        assertThat(started.path()).isEqualTo(free.path());
        assertThat(started.text("h1")).isEqualTo(free.text("h1"));
        assertThat(started.document().select("#problem")).isEmpty();
        assertThat(PortalSteps.outboxCount("shared@example.com")).as("a code, as for any address").isEqualTo(codesBefore + 1);
        // whoever reads that mailbox proves control, and only then learns the address is taken
        Page refused = enterCode(bob, started, TenantApi.latestCode("shared@example.com"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("#problem")).contains("already used for another work account");
        assertThat(refused.body()).doesNotContain("alice", "Alice");
        assertThat(identities("bob")).hasSize(bobsBefore);
        assertThat(identities("alice")).hasSize(2);
        assertThat(TenantApi.passwordlessSignIn("email", "shared@example.com")).isEqualTo(TenantApi.adUserId("alice"));
    }

    @Test
    void aWrongCodeSaysSoAndLinksNothingAndTheRightOneStillWorks() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-email", "email", "pat@example.com");
        String code = TenantApi.latestCode("pat@example.com");
        Page wrong = enterCode(alice, verify, code.equals("123456") ? "654321" : "123456");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text("#problem")).contains("not right");
        assertThat(identities("alice")).hasSize(1);
        assertThat(enterCode(alice, wrong, code).path()).isEqualTo("/enrolment");
        assertThat(identities("alice")).hasSize(2);
    }

    @Test
    void anExpiredCodeSaysSoAndLinksNothing() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-email", "email", "pat@example.com");
        String code = TenantApi.latestCode("pat@example.com");
        TenantApi.advanceClocks(java.time.Duration.ofSeconds(301));
        Page expired = enterCode(alice, verify, code);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.text("#problem")).contains("expired");
        assertThat(identities("alice")).hasSize(1);
    }

    @Test
    void aReplayedFormLinksNothingMore() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-email", "email", "pat@example.com");
        HttpCookie pending = pendingCookie(alice);
        String code = TenantApi.latestCode("pat@example.com");
        enterCode(alice, verify, code);
        assertThat(identities("alice")).hasSize(2);

        alice.cookies().getCookieStore().add(URI.create(portal()), pending);
        Page replay = postWithCsrf(alice, "/enrolment/verify", Map.of("code", code));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.text("#problem")).isNotBlank();
        assertThat(identities("alice")).hasSize(2);
    }

    @Test
    void aCodeForAnotherAddressLinksNothing() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-email", "email", "pat@example.com");
        TenantApi.startPasswordless("email", "other@example.com");
        Page refused = enterCode(alice, verify, TenantApi.latestCode("other@example.com"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(identities("alice")).hasSize(1);
    }

    @Test
    void aCodeEnteredAfterSignOutAndInAgainLinksNothing() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-email", "email", "pat@example.com");
        HttpCookie pending = pendingCookie(alice);
        String code = TenantApi.latestCode("pat@example.com");
        Page account = alice.get(portal() + "/account");
        alice.submit(account, "form.signout", Map.of());

        Browser again = signIn("alice");
        again.cookies().getCookieStore().add(URI.create(portal()), pending);
        Page refused = postWithCsrf(again, "/enrolment/verify", Map.of("code", code));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#problem")).contains("Start again");
        assertThat(identities("alice")).hasSize(1);
    }

    @Test
    void nobodyCanRemoveAnotherEmployeesContact() {
        enrol(signIn("alice"), "add-email", "email", "alice.home@example.com", "alice.home@example.com");
        String contactId = identities("alice").stream().filter(i -> "email".equals(i.get("provider")))
                .map(i -> "email|" + i.get("user_id")).findFirst().orElseThrow();

        Browser bob = signIn("bob");
        Page confirm = bob.get(portal() + "/enrolment/remove?contact=" + java.net.URLEncoder.encode(contactId,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(confirm.status()).isEqualTo(404);
        Page direct = postWithCsrf(bob, "/enrolment/remove", Map.of("contact", contactId));
        assertThat(direct.status()).isEqualTo(404);
        assertThat(identities("alice")).hasSize(2);
    }

    @Test
    void malformedAddressesAreRefusedOnThePageAndNothingIsSent() {
        Browser alice = signIn("alice");
        Page bad = add(alice, "add-email", "email", "not an email");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("#problem")).contains("email address");
        assertThat(bad.document().selectFirst("#email").attr("value")).isEqualTo("not an email");
        assertThat(add(alice, "add-email", "email", "x".repeat(300) + "@example.com").status()).isEqualTo(400);
        Page badPhone = add(alice, "add-phone", "phone", "12");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.text("#problem")).contains("phone number");
        assertThat(given().queryParam("kind", "code").get(tenant() + "outbox/messages").then().extract().jsonPath().getList("$")).isEmpty();
    }

    @Test
    void auth0FailuresGiveAClearMessageAndLeaveAuth0AsItWas() {
        Browser alice = signIn("alice");
        TenantApi.fault(Map.of("path", "/passwordless/start", "status", 503));
        Page unavailable = add(alice, "add-email", "email", "pat@example.com");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.text("#problem")).contains("did not answer");

        TenantApi.fault(Map.of("path", "/passwordless/start", "status", 429));
        Page limited = add(alice, "add-email", "email", "pat@example.com");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("#problem")).contains("busy");

        Page verify = add(alice, "add-email", "email", "pat@example.com");
        String code = TenantApi.latestCode("pat@example.com");
        TenantApi.fault(Map.of("method", "POST", "path", "/api/v2/users/", "status", 503));
        Page linkFailed = enterCode(alice, verify, code);
        assertThat(linkFailed.status()).isEqualTo(503);
        assertThat(identities("alice")).hasSize(1);

        Page again = add(alice, "add-email", "email", "sam@example.com");
        TenantApi.fault(Map.of("path", "/oauth/token", "delayMs", TenantApi.PAST_THE_TIMEOUT_MS));
        Page timedOut = enterCode(alice, again, TenantApi.latestCode("sam@example.com"));
        assertThat(timedOut.status()).isEqualTo(503);
        assertThat(identities("alice")).hasSize(1);
    }

    @Test
    void aNewCodeCannotBeAskedForAtOnce() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-email", "email", "pat@example.com");
        Page tooSoon = alice.submit(verify, "#resend", Map.of());
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.text("#problem")).contains("half a minute");
    }

    @Test
    void theNumberOfContactsIsLimited() {
        Browser alice = signIn("alice");
        enrol(alice, "add-email", "email", "one@example.com", "one@example.com");
        enrol(alice, "add-email", "email", "two@example.com", "two@example.com");
        Page third = enrol(alice, "add-email", "email", "three@example.com", "three@example.com");
        assertThat(third.document().select("#add-email")).isEmpty();
        assertThat(third.text("#max-reached")).contains("3");
        Page refused = postWithCsrf(alice, "/enrolment/email", Map.of("email", "four@example.com"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(identities("alice")).hasSize(4);
    }

    /** Posts a form field set with a valid CSRF token of the browser's session, as a form of a fresh page would. */
    static Page postWithCsrf(Browser browser, String path, Map<String, String> fields) {
        Map<String, String> all = PortalSteps.sessionFormFields(browser);
        all.putAll(fields);
        return browser.post(portal() + path, all);
    }

    private static HttpCookie pendingCookie(Browser browser) {
        return browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(PendingEnrolmentCookie.NAME)).findFirst().orElseThrow();
    }

    @Test
    void theWorkAddressIsNotARecoveryContact() {
        Browser alice = signIn("alice");
        Page refused = add(alice, "add-email", "email", "Alice@Corp.Example");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#problem")).contains("That is a work address");
        assertThat(PortalSteps.outboxCount("alice@corp.example")).as("no code sent").isZero();
        // a plus-address, a colleague's and a subdomain's mailbox are behind the directory's passwords too
        for (String work : java.util.List.of("alice+recovery@corp.example", "bob@CORP.example", "alice@mail.corp.example")) {
            assertThat(add(alice, "add-email", "email", work).text("#problem")).as(work).contains("That is a work address");
            assertThat(PortalSteps.outboxCount(work.toLowerCase(java.util.Locale.ROOT))).as("no code sent").isZero();
        }
        // the control: a personal address goes on to its code
        assertThat(add(alice, "add-email", "email", "alice.home@example.com").path()).isEqualTo("/enrolment/verify");
        assertThat(PortalSteps.outboxCount("alice.home@example.com")).isEqualTo(1);
    }

    @Test
    void eachRemoveLinkSaysWhichContactItRemoves() {
        TenantApi.linkContact("alice", "email", "alice.home@example.com");
        Page contacts = signIn("alice").get(portal() + "/enrolment");
        assertThat(contacts.document().select("a.remove").eachAttr("aria-label"))
                .containsExactly("Remove a\u2022\u2022\u2022@example.com");
    }

    @Test
    void aCodeSentToAPhoneIsHelpedWithTheNumberAndSignalNotSpamFolders() {
        Browser alice = signIn("alice");

        Page phone = add(alice, "add-phone", "phone", "+1 425 883 1929");
        Page email = add(alice, "add-email", "email", "alice.home@example.net");

        assertThat(phone.text("#code-help-wait")).contains("Text messages", "signal").doesNotContain("spam");
        assertThat(email.text("#code-help-wait")).as("the control: an email's help").contains("spam or junk folder");
    }

    @Test
    void wrongCodesAreLimitedPerEmployeeEvenInParallelAndNoMoreReachAuth0() {
        Browser alice = signIn("alice");
        Page verify = add(alice, "add-phone", "phone", "+1 425 883 1929");
        assertThat(verify.path()).isEqualTo("/enrolment/verify");
        int exchangesBefore = dev.selfservice.support.TenantApi.events(Map.of("type", "fco")).size();

        List<Page> tries = dev.selfservice.support.Parallel.run(alice.copies(15).stream()
                .map(b -> (java.util.concurrent.Callable<Page>) () -> enterCode(b, verify, "000000")).toList());

        assertThat(tries).filteredOn(p -> p.status() == 429).as("refused by the limit").hasSize(5);
        assertThat(dev.selfservice.support.TenantApi.events(Map.of("type", "fco")).size() - exchangesBefore)
                .as("wrong codes that reached the tenant").isEqualTo(10);
        assertThat(enterCode(alice, verify, "000000").status()).as("and the next one too").isEqualTo(429);
    }
}
