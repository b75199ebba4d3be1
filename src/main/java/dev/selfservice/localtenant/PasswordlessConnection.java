package dev.selfservice.localtenant;

import java.util.Locale;
import java.util.regex.Pattern;

/** Auth0's passwordless connections {@code email} and {@code sms}, and how they check an address. */
final class PasswordlessConnection {

    static final String EMAIL = "email";
    static final String SMS = "sms";

    /** Auth0's own pattern, quoted in its {@code bad.phone_number} error. */
    static final String PHONE_PATTERN = "^\\+[0-9]{1,15}$";
    private static final Pattern PHONE = Pattern.compile(PHONE_PATTERN);
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private PasswordlessConnection() {
    }

    static boolean isPasswordless(String connection) {
        return EMAIL.equals(connection) || SMS.equals(connection);
    }

    static boolean validEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL_ADDRESS.matcher(email).matches();
    }

    static boolean validPhone(String phone) {
        return phone != null && PHONE.matcher(phone).matches();
    }

    /** Auth0 stores email addresses in lower case; phone numbers are kept as given (E.164). */
    static String normalise(String connection, String address) {
        return EMAIL.equals(connection) ? address.trim().toLowerCase(Locale.ROOT) : address.trim();
    }
}
