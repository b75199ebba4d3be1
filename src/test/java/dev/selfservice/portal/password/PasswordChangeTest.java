package dev.selfservice.portal.password;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** Changing an AD password, signed in and for an expired password, through the portal and the local tenant. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class PasswordChangeTest {

    static final String NEW_PASSWORD = "Violet-Harbor-Lamp-73";


    private static Browser signIn(String user, String password) {
        return PortalSteps.signIn(user, password);
    }

    private static Page change(Browser browser, String current, String password, String confirm) {
        Page form = browser.get(portal() + "/password/change");
        return browser.submit(form, "#change-password", Map.of("current", current, "password", password, "confirm", confirm));
    }

    private static Page changeExpired(String user, String current, String password) {
        Browser browser = new Browser();
        Page form = browser.get(portal() + "/password/expired");
        return browser.submit(form, "#expired-password", Map.of("username", user, "current", current,
                "password", password, "confirm", password));
    }

    @Test
    void aliceChangesHerPasswordAndSignsInWithTheNewOneNotTheOld() {
        Browser alice = signIn("alice", DEMO_PASSWORD);
        Page done = change(alice, DEMO_PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(done.uri().toString()).isEqualTo(portal() + "/password/changed");
        assertThat(done.text("#changed")).contains("Sign in with your new password");
        assertThat(alice.visited()).as("the tenant's session ended too").anyMatch(u -> u.toString().startsWith(tenant() + "v2/logout"));
        assertThat(alice.get(portal() + "/account").uri().toString()).startsWith(tenant() + "u/login");

        assertThat(PortalSteps.signsIn("alice", NEW_PASSWORD)).isTrue();
        // AD keeps accepting the previous password for its old-password period (an hour), then no more
        TenantApi.advanceClock(3601);
        assertThat(PortalSteps.signsIn("alice", DEMO_PASSWORD)).isFalse();
        assertThat(PortalSteps.signsIn("alice", NEW_PASSWORD)).isTrue();
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        Browser alice = signIn("alice", DEMO_PASSWORD);
        Page refused = change(alice, "not-the-password", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("#problem")).contains("current password is not right");
        assertThat(PortalSteps.signsIn("alice", DEMO_PASSWORD)).isTrue();
    }

    /** The outside walk's finding: the portal's stop before AD's lockout came unwarned. */
    @Test
    void aWrongCurrentPasswordSaysHowManyTriesAreLeftBeforeThePortalStops() {
        Browser alice = signIn("alice", DEMO_PASSWORD);
        assertThat(change(alice, "not-the-password", NEW_PASSWORD, NEW_PASSWORD).text("#current-error"))
                .contains("current password is not right", "2 tries left before you must wait.");
        assertThat(change(alice, "not-the-password", NEW_PASSWORD, NEW_PASSWORD).text("#current-error"))
                .contains("1 try left before you must wait.");
        Page last = change(alice, "not-the-password", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(last.text("#current-error")).contains("the portal stops for half an hour").doesNotContain("left");
        assertThat(change(alice, "not-the-password", NEW_PASSWORD, NEW_PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void theExpiredPageSaysTheTriesLeftAlikeForAnAccountAndForNone() {
        assertThat(changeExpired("carol", "not-carols-password", NEW_PASSWORD).text("#problem"))
                .contains("2 tries left before you must wait.");
        assertThat(changeExpired("nobody", "whatever-it-is", NEW_PASSWORD).text("#problem"))
                .contains("2 tries left before you must wait.");
        assertThat(changeExpired("carol", "not-carols-password", NEW_PASSWORD).text("#problem"))
                .contains("1 try left before you must wait.");
    }

    @Test
    void theFormCannotNameAnotherUser() {
        Browser alice = signIn("alice", DEMO_PASSWORD);
        Page form = alice.get(portal() + "/password/change");
        Map<String, String> fields = new HashMap<>(Map.of("current", DEMO_PASSWORD, "password", NEW_PASSWORD,
                "confirm", NEW_PASSWORD, "username", "bob", "userId", TenantApi.adUserId("bob"), "user_id",
                TenantApi.adUserId("bob")));
        alice.submit(form, "#change-password", fields);
        assertThat(PortalSteps.signsIn("alice", NEW_PASSWORD)).isTrue();
        TenantApi.advanceClock(3601);
        assertThat(PortalSteps.signsIn("bob", DEMO_PASSWORD)).as("bob's password is untouched").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "too short        | Sh0rt-pass!          | Sh0rt-pass!          | too short",
            "not confirmed    | Violet-Harbor-Lamp-73| Violet-Harbor-Lamp-74| not the same",
            "same as current  | Start-Passw0rd!      | Start-Passw0rd!      | different from your current",
            "contains name    | Alice-Adams-Rules-2026| Alice-Adams-Rules-2026| your name",
            "too guessable    | Summer2024Summer2024!| Summer2024Summer2024!| too common",
            "not complex      | quiet harbour lanterns drift at dusk | quiet harbour lanterns drift at dusk | three of these four",
    })
    void eachPolicyRejectionShowsItsReasonAndChangesNothing(String label, String password, String confirm, String reason) {
        Browser alice = signIn("alice", DEMO_PASSWORD);
        Page refused = change(alice, DEMO_PASSWORD, password, confirm);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#problem")).contains(reason);
        assertThat(refused.body()).doesNotContain(password);
        assertThat(PortalSteps.signsIn("alice", DEMO_PASSWORD)).isTrue();
    }

    @Test
    void auth0FailuresGiveAClearMessageAndChangeNothing() {
        Browser alice = signIn("alice", DEMO_PASSWORD);
        TenantApi.fault(Map.of("method", "PATCH", "path", "/api/v2/users/", "status", 503));
        Page unavailable = change(alice, DEMO_PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.text("#problem")).contains("did not answer");

        TenantApi.fault(Map.of("method", "POST", "path", "/oauth/token", "status", 429));
        Page limited = change(alice, DEMO_PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(PortalSteps.signsIn("alice", DEMO_PASSWORD)).isTrue();
    }

    @Test
    void carolAndDaveChangeTheirExpiredPasswordsAndSignIn() {
        Page carol = changeExpired("carol", DEMO_PASSWORD, NEW_PASSWORD);
        assertThat(carol.status()).isEqualTo(200);
        assertThat(carol.text("#changed")).isNotBlank();
        assertThat(carol.path()).as("post/redirect/get").isEqualTo("/password/changed");
        assertThat(PortalSteps.signsIn("carol", NEW_PASSWORD)).isTrue();

        Page dave = changeExpired("Dave", DEMO_PASSWORD, NEW_PASSWORD);
        assertThat(dave.status()).isEqualTo(200);
        assertThat(PortalSteps.signsIn("dave", NEW_PASSWORD)).isTrue();
    }

    @jakarta.inject.Inject
    dev.selfservice.support.PortalTestClock clock;

    @Test
    void signedInWrongCurrentPasswordsStopBeforeTheDirectoryLocksTheAccount() {
        Browser bob = signIn("bob", DEMO_PASSWORD);
        // each try from a jar of its own: a refusal is shown by the GET its answer redirects to, with its own cookie
        java.util.List<Page> tries = dev.selfservice.support.Parallel.run(bob.copies(8).stream()
                .map(b -> (java.util.concurrent.Callable<Page>) () -> change(b, "not-bobs-password", NEW_PASSWORD, NEW_PASSWORD))
                .toList());
        assertThat(tries).filteredOn(p -> p.status() == 401).hasSize(3)
                .allSatisfy(p -> assertThat(p.text("#problem")).contains("not right", "before the directory locks"));
        assertThat(tries).filteredOn(p -> p.status() == 429).hasSize(5);
        assertThat(TenantApi.events(Map.of("type", "fp", "user", "bob"))).as("wrong passwords that reached AD").hasSize(3);
        // AD locks after five: bob is not locked, and the expired page shares the count
        assertThat(PortalSteps.signsIn("bob", DEMO_PASSWORD)).isTrue();
        assertThat(changeExpired("bob", "not-bobs-password", NEW_PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void theTriesOfAUsernameAreCountedWhateverItsCase() {
        for (String typed : new String[] { "Carol", "CAROL", "carol" }) {
            assertThat(changeExpired(typed, "not-carols-password", NEW_PASSWORD).status()).as(typed).isEqualTo(400);
        }
        assertThat(changeExpired("cArOl", "not-carols-password", NEW_PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void theExpiredPageStopsTriesForAUsernameBeforeAdWouldLockIt() {
        java.util.List<Page> tries = dev.selfservice.support.Parallel.times(10,
                () -> changeExpired("carol", "not-carols-password", NEW_PASSWORD));
        assertThat(tries).filteredOn(p -> p.status() == 400).hasSize(3);
        assertThat(tries).filteredOn(p -> p.status() == 429)
                .allSatisfy(p -> assertThat(p.text("#problem")).contains("several tries for this username")).hasSize(7);
        assertThat(TenantApi.events(Map.of("type", "fp", "user", "carol"))).as("wrong passwords that reached AD").hasSize(3);
        // an unknown username is limited alike: the answer tells nothing of the account
        for (int i = 0; i < 3; i++) {
            changeExpired("nobody", "whatever-it-is", NEW_PASSWORD);
        }
        assertThat(changeExpired("nobody", "whatever-it-is", NEW_PASSWORD).status()).isEqualTo(429);

        // carol is not locked: after the window (the portal's clock moved), her right password changes it
        clock.advance(java.time.Duration.ofMinutes(31));
        Page carol = changeExpired("carol", DEMO_PASSWORD, NEW_PASSWORD);
        assertThat(carol.status()).isEqualTo(200);
        assertThat(carol.text("#changed")).contains("Sign in with your new password");
        assertThat(TenantApi.events(Map.of("type", "sapi", "operation", "set_password"))).hasSize(1);
    }

    /**
     * A right password that has not expired makes the tenant issue tokens, a wrong one does not: without the answer
     * floor the first took about 26 ms against 11 ms. Medians of alternating tries, the clocks moved past the
     * per-username window and AD's observation window between rounds, so that neither limit interferes.
     */
    @Test
    void theExpiredPageTakesTheSameTimeForARightPasswordThatHasNotExpiredAndAWrongOne() {
        java.util.List<Long> right = new java.util.ArrayList<>();
        java.util.List<Long> wrong = new java.util.ArrayList<>();
        changeExpired("bob", DEMO_PASSWORD, NEW_PASSWORD); // warm-up, not measured
        changeExpired("bob", "not-bobs-password", NEW_PASSWORD);
        for (int round = 0; round < 9; round++) {
            TenantApi.advanceClocks(java.time.Duration.ofMinutes(31));
            right.add(timedPost("bob", DEMO_PASSWORD));
            wrong.add(timedPost("bob", "not-bobs-password"));
        }
        long floor = 700;
        assertThat(right).as("every answer waits for the floor").allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(floor));
        assertThat(wrong).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(floor));
        // the floor is what keeps the two apart without it (both assertions above fail then); what is left between the
        // medians is the machine's own jitter, which on two shared cores under a full suite reaches tens of ms
        assertThat(Math.abs(median(right) - median(wrong))).as("right %s, wrong %s", right, wrong).isLessThan(50);
        assertThat(PortalSteps.signsIn("bob", DEMO_PASSWORD)).as("bob's password is unchanged, and not locked").isTrue();
    }

    /** The time of the form's post alone, the page it comes from fetched before. */
    private static long timedPost(String user, String current) {
        Browser browser = new Browser();
        Page form = browser.get(portal() + "/password/expired");
        long start = System.nanoTime();
        Page page = browser.submit(form, "#expired-password", Map.of("username", user, "current", current,
                "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(page.status()).isEqualTo(400);
        return ms;
    }

    private static long median(java.util.List<Long> values) {
        java.util.List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void theExpiredPageAnswersTheSameForAWrongPasswordAnUnknownUserAndAPasswordThatHasNotExpired() {
        Page wrong = changeExpired("carol", "not-carols-password", NEW_PASSWORD);
        Page unknown = changeExpired("nobody", DEMO_PASSWORD, NEW_PASSWORD);
        Page notExpired = changeExpired("bob", DEMO_PASSWORD, NEW_PASSWORD);
        // carol's right password with her name in another domain's down-level form: an unknown username
        // (carol@other.example is answered from its shape: PersonalEmailAsUsernameTest)
        Page otherDomain = changeExpired("OTHER\\carol", DEMO_PASSWORD, NEW_PASSWORD);

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(wrong.status());
        assertThat(notExpired.status()).isEqualTo(wrong.status());
        assertThat(normalise(unknown, "nobody")).isEqualTo(normalise(wrong, "carol"));
        assertThat(normalise(notExpired, "bob")).isEqualTo(normalise(wrong, "carol"));
        assertThat(otherDomain.status()).isEqualTo(wrong.status());
        assertThat(normalise(otherDomain, "OTHER\\carol")).isEqualTo(normalise(wrong, "carol"));
        assertThat(PortalSteps.signsIn("bob", DEMO_PASSWORD)).as("bob's password was not changed through this page").isTrue();
        assertThat(changeExpired("carol", DEMO_PASSWORD, NEW_PASSWORD).status()).as("carol's is still the old one")
                .isEqualTo(200);
    }

    /** The page echoes the typed username and carries a CSRF token: the rest must be identical. */
    private static String normalise(Page page, String username) {
        String csrf = page.document().selectFirst("#expired-password input[type=hidden]").attr("value");
        // and the refusal's address (post/redirect/get), whose id is random, in the language switch's link
        String refused = page.uri().getQuery();
        return page.body().replace(csrf, "CSRF").replace(refused.substring(refused.indexOf('=') + 1), "REFUSED").replace("value=\"" + username + "\"", "value=\"USER\"")
                .replace("data-words=\"" + username + "\"", "data-words=\"USER\"");
    }

    @Test
    void theExpiredPageRefusesAWeakPasswordBeforeAskingAuth0() {
        Page refused = changeExpired("carol", DEMO_PASSWORD, "short");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#problem")).contains("too short");
        assertThat(changeExpired("carol", DEMO_PASSWORD, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void thePagesShowThePolicyAndHelpPasswordManagers() {
        Page expired = new Browser().get(portal() + "/password/expired");
        assertThat(expired.text("#policy")).contains("at least 15 characters");
        assertThat(expired.document().selectFirst("#password").attr("autocomplete")).isEqualTo("new-password");
        assertThat(expired.document().selectFirst("#current").attr("autocomplete")).isEqualTo("current-password");
        // Show/Hide buttons are made by the script (the browser suite presses them); the page carries their words
        assertThat(expired.document().select("button.toggle")).as("none without JavaScript").isEmpty();
        assertThat(expired.document().select(".secret:has(#password)").attr("data-show-named")).isEqualTo("Show %s");
        assertThat(expired.document().select("script[src=/js/password.js]")).hasSize(1);
        assertThat(expired.document().select("script[src^=http]")).isEmpty();
        assertThat(new Browser().get(portal() + "/js/password.js").status()).isEqualTo(200);
    }

    @Test
    void theCompositionRuleOfTheDomainIsListedBeforeTyping() {
        Page form = signIn("alice", DEMO_PASSWORD).get(portal() + "/password/change");
        assertThat(form.document().select("#policy li[data-rule]").eachAttr("data-rule"))
                .containsExactly("length", "complex", "guessable", "breach", "different");
        assertThat(form.text("#policy li[data-rule=complex]")).contains("capital letters", "small letters", "digits", "symbols");
    }

    @Test
    void theResultPageClaimsAChangeOnlyAfterOne() {
        Page opened = new Browser().get(portal() + "/password/changed");
        assertThat(opened.path()).as("nobody changed anything here").isEqualTo("/");
        // the control: after a change the same address says so, and says it again on a reload
        Browser carol = new Browser();
        Page changed = carol.submit(carol.get(portal() + "/password/expired"), "#expired-password", Map.of("username",
                "carol", "current", DEMO_PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(changed.path()).isEqualTo("/password/changed");
        assertThat(carol.get(portal() + "/password/changed").text("h1")).isEqualTo("Your password was changed");
    }

    @Test
    void afterAChangeTheSignInPageStartsWithTheUsername() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page done = change(alice, DEMO_PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(done.path()).isEqualTo("/password/changed");
        assertThat(alice.get(portal() + "/signin").document().select("#username").attr("value"))
                .as("Auth0's login_hint after a signed-in change").isEqualTo("alice");

        Browser carol = new Browser();
        Page form = carol.get(portal() + "/password/expired");
        Page changed = carol.submit(form, "#expired-password", Map.of("username", "carol", "current", DEMO_PASSWORD,
                "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(changed.path()).isEqualTo("/password/changed");
        assertThat(carol.get(portal() + "/signin").document().select("#username").attr("value"))
                .as("after an expired password's change").isEqualTo("carol");
        // the control: nothing changed, nothing carried
        assertThat(new Browser().get(portal() + "/signin").document().select("#username").attr("value")).isEmpty();
    }
}
