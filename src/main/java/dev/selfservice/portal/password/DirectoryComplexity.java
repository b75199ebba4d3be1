package dev.selfservice.portal.password;

/**
 * The portal's mirror of the domain's "password must meet complexity requirements" (when
 * {@code portal.password.directory-complexity} says the domain has it on): characters from at least three of AD's five
 * categories. AD's other half of that rule, no account or display name in the password, is the policy's name rule.
 * Kept beside the policy rather than learned from AD's refusal, so that the page can say it before anyone types, and
 * the portal refuses such a password itself instead of spending a directory round trip (and an Auth0 call) on it.
 */
final class DirectoryComplexity {

    /** AD counts these: capital letters, small letters, digits, other characters, and letters without case. */
    private enum Category { UPPER, LOWER, DIGIT, SYMBOL, UNCASED_LETTER }

    static final int REQUIRED = 3;

    private DirectoryComplexity() {
    }

    static boolean isMet(String password) {
        return categories(password) >= REQUIRED;
    }

    static int categories(String password) {
        java.util.EnumSet<Category> seen = java.util.EnumSet.noneOf(Category.class);
        password.codePoints().forEach(cp -> seen.add(Character.isUpperCase(cp) ? Category.UPPER
                : Character.isLowerCase(cp) ? Category.LOWER
                : Character.isDigit(cp) ? Category.DIGIT
                : Character.isLetter(cp) ? Category.UNCASED_LETTER
                : Category.SYMBOL));
        return seen.size();
    }
}
