package dev.selfservice.portal.password;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;

/**
 * The portal's password policy, after NIST SP 800-63B: long enough (15 characters when the password is the only
 * factor) and not too long for a passphrase (at least 64), any Unicode characters and spaces, counted as code points
 * after NFKC normalisation, no composition rules, and no common, guessable or personal password (zxcvbn's
 * dictionaries and estimate, plus the employee's own names). Where the domain requires complexity, it adds AD's
 * composition rule ({@link DirectoryComplexity}), because a password the portal accepts and AD refuses helps nobody.
 * It answers with the first reason the new password fails and, beside it, whether its confirmation does. The
 * directory's own policy still applies after it.
 */
@ApplicationScoped
@jakarta.inject.Named("passwordPolicy") // the pages list the rules it applies
public class PasswordPolicy {

    /** Why a new password is refused. */
    public enum Rejection {
        EMPTY(Reason.PASSWORD_EMPTY), TOO_SHORT(Reason.PASSWORD_TOO_SHORT), TOO_LONG(Reason.PASSWORD_TOO_LONG),
        MISMATCH(Reason.PASSWORD_MISMATCH), CONFIRMATION_MISSING(Reason.CONFIRMATION_MISSING),
        SAME_AS_CURRENT(Reason.PASSWORD_SAME_AS_CURRENT),
        NOT_COMPLEX(Reason.PASSWORD_NOT_COMPLEX), CONTAINS_NAME(Reason.PASSWORD_CONTAINS_NAME), TOO_GUESSABLE(Reason.PASSWORD_TOO_GUESSABLE),
        BALLOONS(Reason.PASSWORD_BALLOONS), NOT_JUDGED(Reason.PASSWORD_NOT_JUDGED);

        private final Reason reason;

        Rejection(Reason reason) {
            this.reason = reason;
        }

        /** The refusal that tells the employee. */
        public Refusal refusal() {
            return new Refusal(reason);
        }
    }

    /** Refuses a new password that fails the policy, for each of its two fields at once. */
    public void require(String newPassword, String confirmation, String currentPassword, List<String> names)
            throws Refusal {
        throwIfAny(reasons(rejections(newPassword, confirmation, currentPassword, names)));
    }

    /**
     * Refuses a new password by the rules that need neither the employee's account nor a strength estimate: empty,
     * length, a password that grows when normalised, and a confirmation that is missing or differs. A page calls it
     * before it reads the account, and {@link #require} then judges the rest.
     */
    public void requireForm(String newPassword, String confirmation) throws Refusal {
        List<Rejection> found = new ArrayList<>();
        formRejection(newPassword).ifPresent(found::add);
        confirmationRejection(newPassword, confirmation).ifPresent(found::add);
        throwIfAny(reasons(found));
    }

    /**
     * Why each of a form's two new-password fields is refused, in their order: the new password's first reason, then
     * the confirmation's (missing, or not the same). Empty when both pass.
     */
    public List<Rejection> rejections(String newPassword, String confirmation, String currentPassword,
            List<String> names) {
        List<Rejection> found = new ArrayList<>();
        passwordRejection(newPassword, currentPassword, names).ifPresent(found::add);
        confirmationRejection(newPassword, confirmation).ifPresent(found::add);
        return found;
    }

    /** The refusal reasons of these rejections, to be added to a form's other errors. */
    public static List<Reason> reasons(List<Rejection> rejections) {
        return rejections.stream().map(r -> r.reason).toList();
    }

    private static void throwIfAny(List<Reason> reasons) throws Refusal {
        if (!reasons.isEmpty()) {
            throw Refusal.all(reasons);
        }
    }

    private final PortalConfig.Password config;
    private final StrengthEstimate estimate;

    @jakarta.inject.Inject
    public PasswordPolicy(PortalConfig config) {
        this(config, new StrengthEstimate());
    }

    PasswordPolicy(PortalConfig config, StrengthEstimate estimate) {
        this.config = config.password();
        this.estimate = estimate;
    }

    public int minLength() {
        return config.minLength();
    }

    public int maxLength() {
        return config.maxLength();
    }

    /** How a candidate fares on each rule the page lists, judged by exactly the code that {@link #check} runs. */
    public record Checklist(boolean longEnough, boolean notTooLong, boolean complex, boolean notGuessable,
            boolean noName, int score) {
    }

    /** Whether the domain's composition rule applies, so that the page lists it. */
    public boolean complexityRequired() {
        return config.directoryComplexity();
    }

    /** The page's live checklist: the server's own rules, so that the page and the server cannot disagree. */
    public Checklist checklist(String password, List<String> names) {
        String candidate = password == null ? "" : password;
        int length = length(candidate);
        if (length > config.maxLength()) {
            // too long to set, so not worth normalising or measuring
            return new Checklist(true, false, complex(candidate), false, true, 0);
        }
        String normalised = Normalizer.normalize(candidate, Normalizer.Form.NFKC);
        if (balloons(normalised, length)) {
            return new Checklist(length >= config.minLength(), false, complex(candidate), false, true, 0);
        }
        List<String> words = words(names);
        boolean noName = nameIn(normalised, words).isEmpty();
        int score;
        try {
            score = candidate.isEmpty() ? 0 : score(normalised, words);
        } catch (StrengthEstimate.OutOfTime e) {
            score = 0;
        }
        return new Checklist(length >= config.minLength(), true, complex(candidate),
                !candidate.isEmpty() && score >= config.minStrength(), noName, score);
    }

    /** The first reason the new password is refused, or none. {@code names} are the employee's own words. */
    public Optional<Rejection> check(String newPassword, String confirmation, String currentPassword, List<String> names) {
        return rejections(newPassword, confirmation, currentPassword, names).stream().findFirst();
    }

    /** The first reason the new password itself is refused (its confirmation aside), or none. */
    private Optional<Rejection> passwordRejection(String newPassword, String currentPassword, List<String> names) {
        Optional<Rejection> form = formRejection(newPassword);
        if (form.isPresent()) {
            return form;
        }
        if (newPassword.equals(currentPassword)) {
            return Optional.of(Rejection.SAME_AS_CURRENT);
        }
        if (!complex(newPassword)) {
            return Optional.of(Rejection.NOT_COMPLEX);
        }
        String normalised = Normalizer.normalize(newPassword, Normalizer.Form.NFKC);
        List<String> words = words(names);
        if (nameIn(normalised, words).isPresent()) {
            return Optional.of(Rejection.CONTAINS_NAME);
        }
        try {
            if (score(normalised, words) < config.minStrength()) {
                return Optional.of(Rejection.TOO_GUESSABLE);
            }
        } catch (StrengthEstimate.OutOfTime e) {
            return Optional.of(Rejection.NOT_JUDGED);
        }
        return Optional.empty();
    }

    private Optional<Rejection> formRejection(String newPassword) {
        if (newPassword == null || newPassword.isEmpty()) {
            return Optional.of(Rejection.EMPTY);
        }
        int length = length(newPassword);
        if (length < config.minLength()) {
            return Optional.of(Rejection.TOO_SHORT);
        }
        if (length > config.maxLength()) {
            return Optional.of(Rejection.TOO_LONG);
        }
        String normalised = Normalizer.normalize(newPassword, Normalizer.Form.NFKC);
        if (balloons(normalised, length)) {
            return Optional.of(Rejection.BALLOONS);
        }
        return Optional.empty();
    }

    /** A confirmation left empty, or not the same as the new password (when one was typed). */
    private static Optional<Rejection> confirmationRejection(String newPassword, String confirmation) {
        if (confirmation == null || confirmation.isEmpty()) {
            return Optional.of(Rejection.CONFIRMATION_MISSING);
        }
        if (newPassword != null && !newPassword.isEmpty() && !newPassword.equals(confirmation)) {
            return Optional.of(Rejection.MISMATCH);
        }
        return Optional.empty();
    }

    /** Judged on the raw password, as AD judges what it is sent. */
    private boolean complex(String password) {
        return !config.directoryComplexity() || DirectoryComplexity.isMet(password);
    }

    /**
     * The length of exactly what goes to Auth0 and AD, in code points: NFKC can make a short password look long (one
     * ligature is three letters), and it is the raw password that is set.
     */
    private static int length(String password) {
        return password.codePointCount(0, password.length());
    }

    /** The employee's names, cut into the words a password must not contain (three letters or more). */
    private static List<String> words(List<String> names) {
        List<String> words = new ArrayList<>();
        for (String name : names) {
            for (String part : Optional.ofNullable(name).orElse("").toLowerCase(Locale.ROOT).split("[\\s@._\\-]+")) {
                if (part.length() >= 3) {
                    words.add(part);
                }
            }
        }
        return words;
    }

    private static Optional<String> nameIn(String normalised, List<String> words) {
        String lower = normalised.toLowerCase(Locale.ROOT);
        return words.stream().filter(lower::contains).findFirst();
    }

    /**
     * Whether the normal form is far longer than what was typed: U+FDFA alone is 18 letters. Ligatures and units
     * ("\uFB01", "\u338F") double a character at most; a password that grows more than that is no one's, and only
     * makes the estimate and the name check costly.
     */
    private boolean balloons(String normalised, int length) {
        int normalLength = normalised.codePointCount(0, normalised.length());
        return normalLength > config.maxLength() || normalLength > 2 * length;
    }

    /**
     * zxcvbn's score of the normal form ({@link StrengthEstimate}), lowered to 0 for a password made mostly of common
     * passwords ("Password123456789!", "Welcome2026!Welcome"): zxcvbn rates such a chain well by its length, but a
     * list of breached passwords joined with digits is the first thing an attacker tries, and NIST SP 800-63B asks to
     * refuse passwords from such lists.
     */
    private int score(String normalised, List<String> words) {
        StrengthEstimate.Result result = estimate.of(normalised, words);
        return 2 * result.commonCodePoints() >= result.measuredCodePoints() ? 0 : result.score();
    }
}
