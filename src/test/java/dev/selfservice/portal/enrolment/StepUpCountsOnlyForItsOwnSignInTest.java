package dev.selfservice.portal.enrolment;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 27, item 2: a step-up ("Sign in again") counts only for the authorize request it started, for the employee
 * who started it, and only with the password entered in that request. Each test is an attack seen from outside, and
 * ends with the employee's own step-up working (the positive control for the refusal before it).
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class StepUpCountsOnlyForItsOwnSignInTest {

    private static final String ATTACKER = "attacker@example.net";

    @Test
    void aStepUpPressedSignedOutInASharedBrowserDoesNotCountForTheNextEmployee() {
        Browser shared = new Browser();
        // the attacker presses "Sign in again" signed out (the start page's CSRF token is all the form needs) and leaves
        Map<String, String> fields = new java.util.HashMap<>(shared.get(portal() + "/").hiddenFields("form[action='/signin']"));
        fields.put("then", "/enrolment");
        Page refused = shared.post(portal() + "/signin/again", fields);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("You are not signed in");
        assertThat(stepUpCookie(shared)).as("nothing to carry to the next sign-in").isEmpty();

        // the employee signs in normally, a moment later
        TenantApi.advanceClock(1);
        Page account = shared.submit(shared.get(portal() + "/signin"), "form", Map.of("username", "alice", "password", DEMO_PASSWORD));
        assertThat(account.path()).isEqualTo("/account");

        // the attacker returns and goes where a step-up lands, then adds a contact
        shared.get(portal() + "/signin/fresh?then=/enrolment");
        assertThat(EnrolmentTest.add(shared, "add-email", "email", ATTACKER).status()).isEqualTo(401);
        assertThat(PortalSteps.outboxCount(ATTACKER)).isZero();

        PortalSteps.stepUp(shared, "alice", DEMO_PASSWORD);
        assertThat(EnrolmentTest.add(shared, "add-email", "email", ATTACKER).path()).isEqualTo("/enrolment/verify");
    }

    @Test
    void anAuthorizeUrlStrippedOfPromptLoginThatSingleSignOnAnswersIsNoStepUp() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Map<String, String> fields = PortalSteps.sessionFormFields(alice);
        fields.put("then", "/enrolment");
        Page login = alice.post(portal() + "/signin/again", fields);
        assertThat(login.uri().toString()).startsWith(tenant() + "u/login");
        URI authorize = alice.visited().stream().filter(u -> u.toString().startsWith(tenant() + "authorize")).reduce((a, b) -> b)
                .orElseThrow();
        String stripped = tenant() + "authorize?" + java.util.Arrays.stream(authorize.getRawQuery().split("&"))
                .filter(p -> !p.startsWith("prompt=") && !p.startsWith("max_age=")).collect(Collectors.joining("&"));

        // the tenant's session answers at once, with the sign-in's auth_time: no password was entered
        TenantApi.advanceClock(1);
        Page back = alice.get(stripped);
        assertThat(back.path()).as("single sign-on answered without the login page").isEqualTo("/enrolment");
        assertThat(EnrolmentTest.add(alice, "add-email", "email", ATTACKER).status()).isEqualTo(401);
        assertThat(PortalSteps.outboxCount(ATTACKER)).isZero();

        PortalSteps.stepUp(alice, "alice", DEMO_PASSWORD);
        assertThat(EnrolmentTest.add(alice, "add-email", "email", ATTACKER).path()).isEqualTo("/enrolment/verify");
    }

    @Test
    void aStepUpStartedByOneEmployeeDoesNotCountForAnotherWhoSignsInOnItsPage() {
        Browser shared = PortalSteps.signIn("bob", DEMO_PASSWORD);
        Map<String, String> fields = PortalSteps.sessionFormFields(shared);
        fields.put("then", "/enrolment");
        Page login = shared.post(portal() + "/signin/again", fields);
        assertThat(login.uri().toString()).startsWith(tenant() + "u/login");

        // bob leaves the login page open; alice enters her own password on it
        TenantApi.advanceClock(1);
        Page back = shared.submit(login, "form", Map.of("username", "alice", "password", DEMO_PASSWORD));
        assertThat(back.path()).isEqualTo("/enrolment");
        assertThat(EnrolmentTest.add(shared, "add-email", "email", ATTACKER).status()).isEqualTo(401);
        assertThat(PortalSteps.outboxCount(ATTACKER)).isZero();

        PortalSteps.stepUp(shared, "alice", DEMO_PASSWORD);
        assertThat(EnrolmentTest.add(shared, "add-email", "email", ATTACKER).path()).isEqualTo("/enrolment/verify");
    }

    @Test
    void aStepUpCookieReplayedIntoAnotherSignInCountsForNothing() {
        // alice begins a step-up and does not finish it; whoever holds its cookie replays it into a sign-in of hers
        Browser abandoned = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Map<String, String> fields = PortalSteps.sessionFormFields(abandoned);
        fields.put("then", "/enrolment");
        abandoned.post(portal() + "/signin/again", fields);
        List<HttpCookie> unused = stepUpCookie(abandoned);
        assertThat(unused).hasSize(1);

        TenantApi.advanceClock(1);
        Browser other = PortalSteps.signIn("alice", DEMO_PASSWORD);
        other.cookies().getCookieStore().add(URI.create(portal()), unused.get(0));
        other.get(portal() + "/signin/fresh?then=/enrolment");
        assertThat(EnrolmentTest.add(other, "add-email", "email", ATTACKER).status()).isEqualTo(401);

        // and one that did its work counts once: replayed into the next sign-in, it is spent
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        fields = PortalSteps.sessionFormFields(alice);
        fields.put("then", "/enrolment");
        Page login = alice.post(portal() + "/signin/again", fields);
        List<HttpCookie> used = stepUpCookie(alice);
        TenantApi.advanceClock(1);
        assertThat(alice.submit(login, "form", Map.of("username", "alice", "password", DEMO_PASSWORD)).path())
                .isEqualTo("/enrolment");
        assertThat(EnrolmentTest.add(alice, "add-email", "email", ATTACKER).path()).as("the control")
                .isEqualTo("/enrolment/verify");
        Browser next = PortalSteps.signIn("alice", DEMO_PASSWORD);
        next.cookies().getCookieStore().add(URI.create(portal()), used.get(0));
        next.get(portal() + "/signin/fresh?then=/enrolment");
        assertThat(EnrolmentTest.add(next, "add-email", "email", "other@example.net").status()).isEqualTo(401);
        assertThat(PortalSteps.outboxCount("other@example.net")).isZero();
    }

    private static List<HttpCookie> stepUpCookie(Browser browser) {
        return browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("step_up") && !c.getValue().isEmpty()).toList();
    }
}
