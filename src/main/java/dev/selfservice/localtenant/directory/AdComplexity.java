package dev.selfservice.localtenant.directory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * AD's "password must meet complexity requirements": characters from three of five categories, and neither the
 * account name nor any three-or-more-character part of the display name.
 */
final class AdComplexity {

    private static final Pattern NAME_DELIMITERS = Pattern.compile("[,.\\-_#\\s]+");

    private AdComplexity() {
    }

    static boolean isMet(String password, String sAMAccountName, String displayName) {
        return categories(password) >= 3 && !containsName(password, sAMAccountName, displayName);
    }

    private static int categories(String password) {
        boolean upper = false, lower = false, digit = false, special = false, otherLetter = false;
        for (int i = 0; i < password.length(); ) {
            int cp = password.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isLowerCase(cp)) {
                lower = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else if (Character.isLetter(cp)) {
                otherLetter = true;
            } else {
                special = true;
            }
        }
        int n = 0;
        for (boolean b : new boolean[] { upper, lower, digit, special, otherLetter }) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static boolean containsName(String password, String sAMAccountName, String displayName) {
        String pw = password.toLowerCase(Locale.ROOT);
        if (sAMAccountName != null && sAMAccountName.length() > 2 && pw.contains(sAMAccountName.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (displayName == null) {
            return false;
        }
        for (String token : NAME_DELIMITERS.split(displayName)) {
            if (token.length() >= 3 && pw.contains(token.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
