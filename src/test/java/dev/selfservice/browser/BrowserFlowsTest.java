package dev.selfservice.browser;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every flow of the portal walked in headless Chromium by clicking and typing, as an employee does: at a desktop and a
 * phone size, with the keyboard only, and with JavaScript off. axe-core checks each distinct page on the way.
 */
@QuarkusTest
@ExtendWith(Chromium.class)
@dev.selfservice.support.CleanSlate
class BrowserFlowsTest {

    static final String NEW_PASSWORD = "Copper-Lantern-Harbour-42";
    /** Long and once advised ("a few words with spaces"), but only two of AD's categories: the domain refuses it. */
    static final String DOMAIN_REFUSES = "quiet harbour lanterns drift at dusk";
    /** In the local tenant's breach list (PwnedPasswordsEndpoint), and passes every other rule of the policy. */
    static final String BREACHED = "Nimbus-Quartz-Tangelo-83";


    @ParameterizedTest
    @EnumSource(Walk.class)
    void aliceSignsInManagesHerContactsChangesHerPasswordAndSignsOut(Walk walk, TestInfo test) {
        walk(test, walk, alice -> {
            signIn(alice, "alice", DEMO_PASSWORD);
            alice.sees("Your account");
            assertThat(alice.bodyText()).contains("alice@corp.example");

            alice.chooses("Recovery contacts").sees("Recovery contacts");
            assertThat(alice.bodyText()).contains("You have no recovery contact yet.")
                    .as("said before she types").contains("Adding a contact asks for your work password again first");
            // changing contacts needs the password entered again
            alice.types("Personal email address", "alice.home@example.net").chooses("Send a code")
                    .sees("Sign in again to continue");
            alice.chooses("Sign in again").sees("Log in");
            assertThat(alice.valueOf("Username")).as("the sign-in page starts with her username").isEqualTo("alice");
            // she takes a moment to type it (a step-up counts only for a password entered after it began)
            TenantApi.advanceClock(1);
            alice.types("Username", "alice").types("Password", DEMO_PASSWORD).chooses("Continue").sees("Recovery contacts");
            assertThat(alice.valueOf("Personal email address")).as("what she typed is kept").isEqualTo("alice.home@example.net");
            assertThat(alice.focusedId()).as("the focus is back on the field she typed into").isEqualTo("email");
            assertThat(alice.bodyText()).contains("Your password is confirmed.")
                    .doesNotContain("Adding a contact asks for your work password again first");
            addContact(alice, "Personal email address", "alice.home@example.net", "alice.home@example.net");
            assertThat(alice.bodyText()).contains("Your new recovery contact was added.", "a•••@example.net")
                    .doesNotContain("alice.home@example.net");
            addContact(alice, "Mobile phone number", "+1 415 555 0199", "+14155550199");
            assertThat(alice.bodyText()).contains("a•••@example.net", "199").doesNotContain("555 0199");

            alice.chooses("Remove").sees("Remove this recovery contact?");
            alice.chooses("Yes, remove it").sees("Recovery contacts");
            assertThat(alice.bodyText()).contains("The recovery contact was removed.").doesNotContain("a•••@example.net")
                    .contains("199");

            alice.chooses("Password self-service").sees("Get back into your work account");
            assertThat(alice.bodyText()).as("the start page says who is signed in").contains("You are signed in as");
            alice.chooses("Go to your account").sees("Your account");
            alice.chooses("Change your password").sees("Change your password");
            alice.types("Current password", DEMO_PASSWORD);
            choosesNewPassword(alice);
            alice.chooses("Change password").sees("Your password was changed");

            signInFromHere(alice, "alice", NEW_PASSWORD);
            alice.sees("Your account");
            alice.chooses("Sign out").sees("Get back into your work account");
            alice.open(portal() + "/account");
            alice.sees("Log in");
        });
    }

    @ParameterizedTest
    @EnumSource(Walk.class)
    void carolWithAnExpiredPasswordChangesItAsThePageAdvises(Walk walk, TestInfo test) {
        walk(test, walk, carol -> changesExpiredPassword(carol, "carol", "Your password has expired"));
    }

    @ParameterizedTest
    @EnumSource(Walk.class)
    void daveWhoMustChangeHisPasswordChangesItAsThePageAdvises(Walk walk, TestInfo test) {
        walk(test, walk, dave -> changesExpiredPassword(dave, "dave", "You need to choose a new password"));
    }

    @ParameterizedTest
    @EnumSource(Walk.class)
    void bobWhoForgotHisPasswordRecoversWithHisEmail(Walk walk, TestInfo test) {
        walk(test, walk, bob -> {
            bob.open(portal());
            bob.sees("Get back into your work account");
            bob.chooses("Forgot your password, or locked out").sees("Forgot your password, or locked out");
            assertThat(bob.bodyText()).as("the forms of a username it takes")
                    .contains("for example jdoe, jdoe@corp.example, CORP\\jdoe.");
            // his work address is his username too
            bob.types("Your username", "bob@corp.example");
            provesWithACode(bob, "bob.personal@example.com", "bob.personal@example.com");
            setsANewPasswordAndSignsIn(bob, "bob");
        });
    }

    /** The same recovery in German, chosen with the switcher: every page, error and button in that language. */
    @ParameterizedTest
    @EnumSource(Walk.class)
    void bobRecoversInGerman(Walk walk, TestInfo test) {
        walk(test, walk, bob -> {
            bob.open(portal());
            bob.chooses("Deutsch").sees("Wieder Zugang zu Ihrem Arbeitskonto");
            bob.chooses("Passwort vergessen oder gesperrt").sees("Passwort vergessen oder gesperrt");
            int before = PortalSteps.outboxCount("bob.personal@example.com");
            // the page says which forms of the username it takes, and bob uses the one he signs in with at work
            assertThat(bob.bodyText()).contains("zum Beispiel jdoe, jdoe@corp.example, CORP\\jdoe.");
            bob.types("Ihr Benutzername", "CORP\\bob").types("Private E-Mail-Adresse oder Mobilnummer", "bob.personal@example.com")
                    .chooses("Code senden").sees("Prüfen Sie Ihre Nachrichten");
            assertThat(bob.bodyText()).contains("Keinen Code erhalten?");
            String code = PortalSteps.awaitCode("bob.personal@example.com", before);
            String wrong = (char) ('0' + (code.charAt(0) - '0' + 1) % 10) + code.substring(1);
            bob.types("Code", wrong).chooses("Bestätigen").sees("Prüfen Sie Ihre Nachrichten");
            assertThat(bob.title()).startsWith("Fehler: ");
            assertThat(bob.focusedId()).isEqualTo("problem");
            assertThat(bob.bodyText()).contains("Dieser Code ist nicht richtig.");
            bob.types("Code", code).chooses("Bestätigen").sees("Wieder Zugang zu Ihrem Konto");
            bob.types("Neues Passwort", NEW_PASSWORD).types("Neues Passwort wiederholen", NEW_PASSWORD);
            if (bob.walk().javaScript()) {
                assertThat(bob.offers("Neues Passwort anzeigen")).isTrue();
            }
            bob.chooses("Neues Passwort festlegen").sees("Ihr neues Passwort ist festgelegt");
            assertThat(bob.bodyText()).contains("Es funktioniert").doesNotContain("password");
        });
    }

    /** The expired-password change in German: the username carried, the domain's rule refused first, then the change. */
    @ParameterizedTest
    @EnumSource(Walk.class)
    void carolChangesHerExpiredPasswordInGerman(Walk walk, TestInfo test) {
        walk(test, walk, carol -> {
            carol.open(portal());
            carol.chooses("Deutsch").sees("Wieder Zugang zu Ihrem Arbeitskonto");
            // the tenant's sign-in page speaks the portal's language (ui_locales)
            carol.types("Ihr Benutzername", "carol").chooses("Mit dem Arbeitskonto anmelden").sees("Anmelden");
            carol.types("Passwort", DEMO_PASSWORD).chooses("Weiter").sees("Ihr Passwort ist abgelaufen");
            carol.chooses("Neues Passwort wählen").sees("Abgelaufenes Passwort ändern");
            assertThat(carol.valueOf("Ihr Benutzername")).isEqualTo("carol");
            carol.types("Aktuelles Passwort", DEMO_PASSWORD).types("Neues Passwort", DOMAIN_REFUSES)
                    .types("Neues Passwort wiederholen", DOMAIN_REFUSES).chooses("Passwort ändern")
                    .sees("Abgelaufenes Passwort ändern");
            assertThat(carol.title()).startsWith("Fehler: ");
            assertThat(carol.focusedId()).isEqualTo("problem");
            assertThat(carol.bodyText()).contains("drei dieser vier");
            carol.types("Aktuelles Passwort", DEMO_PASSWORD).types("Neues Passwort", NEW_PASSWORD)
                    .types("Neues Passwort wiederholen", NEW_PASSWORD);
            if (carol.walk().javaScript()) {
                assertThat(carol.settledTextOf("strength-label", "wird geprüft…")).isIn("gut", "stark");
                assertThat(carol.offers("Neues Passwort anzeigen")).isTrue();
            }
            carol.chooses("Passwort ändern").sees("Ihr Passwort wurde geändert");
            assertThat(carol.bodyText()).contains("Melden Sie sich mit Ihrem neuen Passwort an");
        });
    }

    /** Signed in, in German: the account page, the change, and its result, each in that language. */
    @ParameterizedTest
    @EnumSource(Walk.class)
    void aliceChangesHerPasswordInGerman(Walk walk, TestInfo test) {
        walk(test, walk, alice -> {
            alice.open(portal());
            alice.chooses("Deutsch").sees("Wieder Zugang zu Ihrem Arbeitskonto");
            signInInGermanFromHere(alice, "alice", DEMO_PASSWORD);
            alice.sees("Ihr Konto");
            assertThat(alice.bodyText()).contains("Sie haben noch keinen Wiederherstellungskontakt");
            alice.chooses("Passwort ändern").sees("Passwort ändern");
            alice.types("Aktuelles Passwort", DEMO_PASSWORD).types("Neues Passwort", NEW_PASSWORD)
                    .types("Neues Passwort wiederholen", NEW_PASSWORD).chooses("Passwort ändern")
                    .sees("Ihr Passwort wurde geändert");
            assertThat(alice.bodyText()).contains("Melden Sie sich mit Ihrem neuen Passwort an");
        });
    }

    /**
     * The checklist's breach item, answered once typing stops: a password known from a breach is found, the one she
     * then types is passed (the positive control that the item can say so), and the server agrees with the page.
     * Only where the page's script runs: without it, the server's refusal is the answer (BreachScreeningTest).
     */
    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP", "KEYBOARD_ONLY" })
    void aliceSeesTheChecklistFindHerNewPasswordInABreachOnceSheStopsTyping(Walk walk, TestInfo test) {
        walk(test, walk, alice -> {
            signIn(alice, "alice", DEMO_PASSWORD);
            alice.sees("Your account");
            alice.chooses("Change your password").sees("Change your password");
            seesTheBreachItemAfterTypingStops(alice, "New password", "not found in known data breaches",
                    "(found in a data breach)", "(done)");
            alice.types("Current password", DEMO_PASSWORD).types("New password again", NEW_PASSWORD)
                    .chooses("Change password").sees("Your password was changed");
        });
    }

    /** The same in German: the breach item, its "found" and its "passed" in that language. */
    @ParameterizedTest
    @EnumSource(value = Walk.class, names = { "DESKTOP", "KEYBOARD_ONLY" })
    void aliceSeesTheBreachItemInGerman(Walk walk, TestInfo test) {
        walk(test, walk, alice -> {
            alice.open(portal());
            alice.chooses("Deutsch").sees("Wieder Zugang zu Ihrem Arbeitskonto");
            signInInGermanFromHere(alice, "alice", DEMO_PASSWORD);
            alice.sees("Ihr Konto");
            alice.chooses("Passwort ändern").sees("Passwort ändern");
            seesTheBreachItemAfterTypingStops(alice, "Neues Passwort", "nicht in bekannten Datenlecks gefunden",
                    "(in einem Datenleck gefunden)", "(erfüllt)");
        });
    }

    /**
     * With the breach list down, the item on the expired-password page says it could not check, never that the password
     * passed; the list back (and its breaker closed, as after its delay), the same password is passed.
     */
    @ParameterizedTest
    @EnumSource(value = Walk.class, names = "DESKTOP")
    void withTheBreachListDownTheChecklistSaysItCouldNotCheckRatherThanPassed(Walk walk, TestInfo test) {
        String item = "not found in known data breaches";
        walk(test, walk, carol -> {
            carol.open(portal() + "/password/expired");
            carol.sees("Change an expired password");
            TenantApi.fault(Map.of("method", "GET", "path", "/range/", "status", 503, "times", 0));
            try {
                carol.types("New password", NEW_PASSWORD);
                assertThat(carol.settledTextOf("rule-breach", item)).isEqualTo(item + " (could not be checked just now)");
            } finally {
                TenantApi.clearFaults();
                io.quarkus.arc.Arc.container().instance(io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.class)
                        .get().reset("pwned-passwords-range");
            }
            carol.types("New password", NEW_PASSWORD + "!");
            assertThat(carol.settledTextOf("rule-breach", item)).isEqualTo(item + " (done)");
        });
    }

    @ParameterizedTest
    @EnumSource(Walk.class)
    void erinWhoIsLockedOutUnlocksThroughHerPhone(Walk walk, TestInfo test) {
        walk(test, walk, erin -> {
            // Auth0 has also paused erin for another address: lifting that pause would be offered were she not locked
            TenantApi.pauseByBruteForce("erin", "10.0.0.9");
            signInTypingTheUsername(erin, "erin", DEMO_PASSWORD);
            erin.sees("Your account is locked");
            // self-service can help here, so the page offers it (the control for the helpdesk-only pages below)
            assertThat(erin.bodyText()).contains("Reset my password or unlock my account");
            erin.chooses("Reset my password or unlock my account").sees("Forgot your password, or locked out");
            assertThat(erin.valueOf("Your username")).as("carried from the start page").isEqualTo("erin");
            provesWithACode(erin, "+1 415 555 0142", "+14155550142");
            // the directory said locked: only a new password helps, so nothing else is offered
            assertThat(erin.textOf("directory-locked")).contains("only a new password unlocks it");
            assertThat(erin.offers("Keep my password and lift the pause")).isFalse();
            setsANewPasswordAndSignsIn(erin, "erin");
        });
    }

    @ParameterizedTest
    @EnumSource(Walk.class)
    void frankWhoIsDisabledAndGraceWhoIsBlockedAreSentToTheHelpdesk(Walk walk, TestInfo test) {
        walk(test, walk, frank -> {
            signIn(frank, "frank", DEMO_PASSWORD);
            frank.sees("Your account is disabled");
            assertThat(frank.bodyText()).contains("self-service cannot help here", "helpdesk")
                    .as("no recovery that cannot help").doesNotContain("Forgot your password");
        });
        walk(test, walk, grace -> {
            signIn(grace, "grace", DEMO_PASSWORD);
            grace.sees("Your account is blocked");
            assertThat(grace.bodyText()).contains("Self-service cannot lift this block", "helpdesk")
                    .as("no recovery that cannot help").doesNotContain("Forgot your password");
        });
    }

    @ParameterizedTest
    @EnumSource(Walk.class)
    void aWrongPasswordStaysOnTheLoginPage(Walk walk, TestInfo test) {
        walk(test, walk, alice -> {
            signIn(alice, "alice", "not-her-password");
            alice.sees("Log in");
            assertThat(alice.bodyText()).contains("Wrong username or password.");
            assertThat(alice.origin() + "/").isEqualTo(tenant());
            assertThat(alice.valueOf("Username")).isEqualTo("alice");
            // the positive control: the same page takes the right password
            alice.types("Password", DEMO_PASSWORD).chooses("Continue").sees("Your account");
        });
    }

    /**
     * The way in from the sign-in page: after a wrong password, the company's page template around the tenant's prompt
     * leads to recovery before AD locks the account, in the language the portal speaks to the employee.
     */
    @ParameterizedTest
    @EnumSource(Walk.class)
    void anEmployeeWhosePasswordFailsFindsRecoveryOnTheSignInPageInHisLanguage(Walk walk, TestInfo test) {
        walk(test, walk, bob -> {
            signIn(bob, "bob", "not-his-password");
            bob.sees("Log in");
            assertThat(bob.bodyText()).contains("Wrong username or password.");
            bob.chooses("Forgot your password or locked out?").sees("Forgot your password, or locked out");

            bob.chooses("Deutsch").sees("Passwort vergessen oder gesperrt");
            bob.open(portal());
            bob.chooses("Mit dem Arbeitskonto anmelden").sees("Anmelden");
            bob.types("Benutzername", "bob").types("Passwort", "not-his-password").chooses("Weiter").sees("Anmelden");
            assertThat(bob.bodyText()).contains("Falscher Benutzername oder falsches Passwort.");
            bob.chooses("Passwort vergessen oder Konto gesperrt?").sees("Passwort vergessen oder gesperrt");
        });
    }

    // ---- steps ----

    private static void signIn(Employee employee, String username, String password) {
        employee.open(portal());
        employee.sees("Get back into your work account");
        signInFromHere(employee, username, password);
    }

    /** Signing in with the username typed on the start page: the tenant's login page starts with it. */
    private static void signInTypingTheUsername(Employee employee, String username, String password) {
        employee.open(portal());
        employee.sees("Get back into your work account");
        employee.types("Your username", username).chooses("Sign in with your work account").sees("Log in");
        assertThat(employee.valueOf("Username")).as("Auth0's login_hint").isEqualTo(username);
        employee.types("Password", password).chooses("Continue");
    }

    private static void signInFromHere(Employee employee, String username, String password) {
        signInFromHere(employee, username, password, "Sign in with your work account");
    }

    private static void signInFromHere(Employee employee, String username, String password, String button) {
        employee.chooses(button).sees("Log in");
        employee.types("Username", username).types("Password", password).chooses("Continue");
    }

    /** From a German page: the tenant's sign-in page speaks German too (the portal passes ui_locales). */
    private static void signInInGermanFromHere(Employee employee, String username, String password) {
        employee.chooses("Mit dem Arbeitskonto anmelden").sees("Anmelden");
        employee.types("Benutzername", username).types("Passwort", password).chooses("Weiter");
    }

    private static void addContact(Employee alice, String label, String typed, String outboxAddress) {
        int before = PortalSteps.outboxCount(outboxAddress);
        alice.types(label, typed).chooses("Send a code").sees("Enter the code");
        assertThat(alice.gapBetween("Confirm", "Send a new code")).as("px between the code page's buttons")
                .isGreaterThanOrEqualTo(8);
        assertThat(alice.bodyText()).contains("We sent a 6-digit code to").doesNotContain(outboxAddress)
                .as("masked, not as typed either").doesNotContain(typed);
        String sent = PortalSteps.awaitCode(outboxAddress, before);
        String read = alice.readsCodeInOutbox(tenant() + "outbox", outboxAddress);
        assertThat(read).isEqualTo(sent);
        alice.types("Code", read).chooses("Confirm").sees("Recovery contacts");
    }

    static void choosesNewPassword(Employee employee) {
        employee.types("New password", NEW_PASSWORD).types("New password again", NEW_PASSWORD);
        // the strength hint is written by the page's script: empty with JavaScript off (the control that it is off)
        if (employee.walk().javaScript()) {
            // answered by the server's own policy: this password passes it, so the hint says so
            assertThat(employee.settledTextOf("strength-label", "checking…")).isIn("good", "strong");
            // Show/Hide, named after its field, saying what it does next
            employee.chooses("Show New password");
            assertThat(employee.offers("Hide New password")).isTrue();
            employee.chooses("Hide New password");
            assertThat(employee.offers("Show New password")).isTrue();
        } else {
            assertThat(employee.textOf("strength-label")).isBlank();
            assertThat(employee.offers("Show New password")).as("no button that could do nothing").isFalse();
        }
    }

    /**
     * Types a breached password, then a clean one, into the new-password field: each time the breach item is read once
     * it is settled (its bare words, before an answer, are passed over), so it is the answer for what was typed last.
     */
    private static void seesTheBreachItemAfterTypingStops(Employee employee, String field, String item, String found,
            String met) {
        employee.types(field, BREACHED);
        assertThat(employee.settledTextOf("rule-breach", item)).isEqualTo(item + " " + found);
        employee.types(field, NEW_PASSWORD);
        assertThat(employee.settledTextOf("rule-breach", item)).isEqualTo(item + " " + met);
    }

    private static void changesExpiredPassword(Employee employee, String username, String heading) {
        signInTypingTheUsername(employee, username, DEMO_PASSWORD);
        employee.sees(heading);
        employee.chooses("Choose a new password").sees("Change an expired password");
        assertThat(employee.valueOf("Your username")).as("carried from the start page").isEqualTo(username);
        // the phrase the old advice led to: the domain's composition rule refuses it, and the page says so first
        employee.types("Current password", DEMO_PASSWORD).types("New password", DOMAIN_REFUSES)
                .types("New password again", DOMAIN_REFUSES);
        if (employee.walk().javaScript()) {
            assertThat(employee.settledTextOf("strength-label", "checking…")).as("never good while refused")
                    .isIn("too short", "weak");
        }
        employee.chooses("Change password").sees("Change an expired password");
        assertThat(employee.title()).startsWith("Error: ");
        assertThat(employee.focusedId()).isEqualTo("problem");
        assertThat(employee.bodyText()).contains("three of these four");
        assertThat(employee.valueOf("Your username")).as("kept: not a secret").isEqualTo(username);
        employee.types("Current password", DEMO_PASSWORD);
        choosesNewPassword(employee);
        employee.chooses("Change password").sees("Your password was changed");
        signInFromHere(employee, username, NEW_PASSWORD);
        employee.sees("Your account");
        assertThat(employee.bodyText()).contains(username + "@corp.example");
    }

    /** From the recovery's first page, its username filled in, to the page where a new password is chosen. */
    static void provesWithACode(Employee employee, String typedContact, String outboxAddress) {
        int before = PortalSteps.outboxCount(outboxAddress);
        employee.types("Personal email or mobile number", typedContact)
                .chooses("Send me a code").sees("Check your messages");
        String code = PortalSteps.awaitCode(outboxAddress, before);
        String wrong = (char) ('0' + (code.charAt(0) - '0' + 1) % 10) + code.substring(1);
        employee.types("Code", wrong).chooses("Confirm").sees("Check your messages");
        assertThat(employee.title()).startsWith("Error: ");
        assertThat(employee.focusedId()).as("the focus is on the error summary").isEqualTo("problem");
        employee.types("Code", code).chooses("Confirm").sees("Get back into your account");
        assertThat(employee.title()).as("no error once it is right").doesNotStartWith("Error");
    }

    private static void setsANewPasswordAndSignsIn(Employee employee, String username) {
        choosesNewPassword(employee);
        employee.chooses("Set new password").sees("Your new password is set");
        signInFromHere(employee, username, NEW_PASSWORD);
        employee.sees("Your account");
        assertThat(employee.bodyText()).contains(username + "@corp.example");
    }

    interface Steps {
        void walk(Employee employee);
    }

    /** A new browser for one walk; on a failure, a screenshot and the page source named after the test. */
    static void walk(TestInfo test, Walk walk, Steps steps) {
        try (Employee employee = new Employee(walk)) {
            try {
                steps.walk(employee);
            } catch (RuntimeException | AssertionError e) {
                employee.leaveEvidence(test.getTestClass().map(Class::getSimpleName).orElse("browser") + "-"
                        + test.getTestMethod().map(m -> m.getName()).orElse("walk") + "-" + walk);
                throw e;
            }
        }
    }
}
