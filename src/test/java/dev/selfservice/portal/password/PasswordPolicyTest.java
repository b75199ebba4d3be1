package dev.selfservice.portal.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.password.PasswordPolicy.Rejection;

/** The portal's password policy, as a table of passwords it takes and refuses (NIST SP 800-63B). */
class PasswordPolicyTest {

    /** NIST's rules alone: a domain without AD's complexity requirement. */
    private static final PasswordPolicy POLICY = new PasswordPolicy(config(false));
    /** A domain with "Password must meet complexity requirements" on, as AD's default domain policy has it. */
    private static final PasswordPolicy COMPLEX_DOMAIN = new PasswordPolicy(config(true));
    private static final List<String> NAMES = List.of("alice", "Alice Adams", "alice@corp.example");
    private static final String CURRENT = "Start-Passw0rd!";

    /** The policy's settings as production has them, with or without AD's complexity rule. */
    static PortalConfig config(boolean complexity) {
        PortalConfig.Password password = new PortalConfig.Password() {
            public int minLength() { return 15; }
            public int maxLength() { return 256; }
            public int minStrength() { return 3; }
            public boolean directoryComplexity() { return complexity; }
            public String directoryRules() { return ""; }
            public int expiredTries() { return 3; }
            public java.time.Duration expiredTriesWindow() { return java.time.Duration.ofMinutes(30); }
            public java.time.Duration lockoutDuration() { return java.time.Duration.ofMinutes(30); }
            public java.time.Duration expiredAnswerFloor() { return java.time.Duration.ZERO; }
            public int postsPerAddress() { return 100; }
            public int rulesChecksPerAddress() { return 300; }
        };
        return (PortalConfig) java.lang.reflect.Proxy.newProxyInstance(PortalConfig.class.getClassLoader(),
                new Class<?>[] { PortalConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("password")) {
                        return password;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Optional<Rejection> check(String password) {
        return POLICY.check(password, password, CURRENT, NAMES);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "purple monkey dishwasher river",
            "Violet-Harbor-Lamp-73",
            "tr\u00e8s l\u00e9g\u00e8re brise du matin",
            "\u5c71\u306e\u4e0a\u306b\u96f2\u304c\u6d41\u308c\u308b\u9759\u304b\u306a\u5915\u65b9\u306e\u7a7a",
            "all lower case but long enough phrase",
    })
    void takesLongUnusualPasswordsWithoutCompositionRules(String password) {
        assertThat(check(password)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Short-1!               | TOO_SHORT",
            "passwordpassword1      | TOO_GUESSABLE",
            "aaaaaaaaaaaaaaaaaaaa   | TOO_GUESSABLE",
            "123456789012345678     | TOO_GUESSABLE",
            "qwertyuiopasdfghjkl    | TOO_GUESSABLE",
            "my name is alice adams | CONTAINS_NAME",
            "Password123456789!     | TOO_GUESSABLE",
            "Welcome2026!Welcome    | TOO_GUESSABLE",
            "Adams-Family-Holiday-9 | CONTAINS_NAME",
    })
    void refusesShortCommonAndPersonalPasswordsWithTheReason(String password, Rejection reason) {
        assertThat(check(password.trim())).contains(reason);
    }

    /** Each of the form's two fields has its own answer, so that the page names both at once (issue 29 item 3). */
    @org.junit.jupiter.api.Test
    void judgesTheNewPasswordAndItsConfirmationEachOnItsOwn() {
        assertThat(POLICY.rejections("short", "shorter", CURRENT, NAMES))
                .containsExactly(Rejection.TOO_SHORT, Rejection.MISMATCH);
        assertThat(POLICY.rejections("", "", CURRENT, NAMES))
                .containsExactly(Rejection.EMPTY, Rejection.CONFIRMATION_MISSING);
        assertThat(POLICY.rejections("Copper-Lantern-Harbour-42", "", CURRENT, NAMES))
                .containsExactly(Rejection.CONFIRMATION_MISSING);
        // the control: a good password typed twice is refused for nothing
        assertThat(POLICY.rejections("Copper-Lantern-Harbour-42", "Copper-Lantern-Harbour-42", CURRENT, NAMES)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void refusesEmptyTooLongMismatchedAndUnchangedPasswords() {
        assertThat(POLICY.check("", "", CURRENT, NAMES)).contains(Rejection.EMPTY);
        assertThat(check("x".repeat(10) + " long phrase ".repeat(25))).contains(Rejection.TOO_LONG);
        assertThat(POLICY.rejections("purple monkey dishwasher river", "purple monkey dishwasher rivers", CURRENT, NAMES))
                .contains(Rejection.MISMATCH);
        String current = "purple monkey dishwasher river";
        assertThat(POLICY.check(current, current, current, NAMES)).contains(Rejection.SAME_AS_CURRENT);
    }

    @org.junit.jupiter.api.Test
    void countsTheCodePointsOfExactlyWhatIsSent() {
        // 8 ligatures are 24 letters after NFKC, but 8 characters go to Auth0 and AD: too short
        String ligatures = "\uFB03".repeat(8);
        assertThat(java.text.Normalizer.normalize(ligatures, java.text.Normalizer.Form.NFKC)).hasSize(24);
        assertThat(check(ligatures)).contains(Rejection.TOO_SHORT);
        // a character outside the BMP is one character, not two chars
        String emoji = "\uD83D\uDD11".repeat(13) + "a";
        assertThat(emoji.length()).isEqualTo(27);
        assertThat(check(emoji)).contains(Rejection.TOO_SHORT);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "quiet harbour lanterns drift at dusk   | NOT_COMPLEX",
            "purple monkey dishwasher river         | NOT_COMPLEX",
            "\u5c71\u306e\u4e0a\u306b\u96f2\u304c\u6d41\u308c\u308b\u9759\u304b\u306a\u5915\u65b9\u306e\u7a7a | NOT_COMPLEX",
            "ALL CAPITALS AND SPACES HERE           | NOT_COMPLEX",
            "Quiet harbour lanterns drift at dusk   | ",
            "Violet-Harbor-Lamp-73                  | ",
            "violet-harbor-lamp-73-river            | ",
            "\u00e9t\u00e9 \u00e0 la plage 2024 ensoleill\u00e9 | ",
    })
    void inAComplexDomainThreeOfAdsCategoriesAreNeeded(String password, Rejection reason) {
        String p = password.trim();
        assertThat(COMPLEX_DOMAIN.check(p, p, CURRENT, NAMES)).isEqualTo(Optional.ofNullable(reason));
        assertThat(COMPLEX_DOMAIN.checklist(p, NAMES).complex()).isEqualTo(reason == null);
        // the control: the same password without the domain's rule is judged on NIST's rules alone
        assertThat(check(p)).isNotEqualTo(Optional.of(Rejection.NOT_COMPLEX));
    }

    @org.junit.jupiter.api.Test
    void theChecklistListsTheCompositionRuleOnlyWhereTheDomainHasIt() {
        assertThat(COMPLEX_DOMAIN.complexityRequired()).isTrue();
        assertThat(POLICY.complexityRequired()).isFalse();
        assertThat(POLICY.checklist("quiet harbour lanterns drift at dusk", NAMES).complex()).isTrue();
        assertThat(COMPLEX_DOMAIN.checklist("quiet harbour lanterns drift at dusk", NAMES).complex()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void refusesAPasswordWhoseNormalFormBalloonsWithItsOwnReason() {
        // the reported attack: 100 characters, each 18 letters after NFKC
        assertThat(check("\uFDFA".repeat(100))).contains(Rejection.BALLOONS);
        assertThat(check("Aa1" + "\uFDFA".repeat(97))).contains(Rejection.BALLOONS);
        // one of them among ordinary letters is already more than twice the password
        assertThat(check("purple monkey \uFDFA")).contains(Rejection.BALLOONS);
        assertThat(POLICY.checklist("\uFDFA".repeat(100), NAMES).notTooLong()).isFalse();
        // the control: characters that at most double, as ligatures and units do, are judged as usual
        String units = "\u338F\u338F purple monkey dishwasher river";
        assertThat(check(units)).isEmpty();
        assertThat(POLICY.checklist(units, NAMES).notTooLong()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aPasswordWithManyL33tSymbolsIsStillJudgedAndCommonOnesStillRefused() {
        // measured in stretches (StrengthEstimate): random symbols are strong, a chain of common ones is not
        assertThat(check("4@8({[<369!|170$5+%2x")).isEmpty();
        assertThat(check("p4ssw0rd!p4ssw0rd!p4ssw0rd!")).contains(Rejection.TOO_GUESSABLE);
        assertThat(check("1234567890!@#$%^&*()")).contains(Rejection.TOO_GUESSABLE);
    }

    @org.junit.jupiter.api.Test
    void anEstimateThatSpendsItsTimeBudgetIsStoppedAndThePasswordRefusedWithItsOwnReason() {
        PasswordPolicy noTime = new PasswordPolicy(config(false), new StrengthEstimate(java.time.Duration.ZERO));
        String password = "purple monkey dishwasher river";
        assertThat(noTime.check(password, password, CURRENT, NAMES)).contains(Rejection.NOT_JUDGED);
        assertThat(noTime.checklist(password, NAMES).notGuessable()).isFalse();
        // the control: the same password, with the budget production has
        assertThat(check(password)).isEmpty();
        assertThat(POLICY.checklist(password, NAMES).notGuessable()).isTrue();
    }
}
