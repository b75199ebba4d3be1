package dev.selfservice.portal.contact;

import java.util.Locale;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import dev.selfservice.portal.auth0.PasswordlessChannel;

/**
 * A personal email address or phone number as the portal keeps it: an email in lower case (Auth0 stores emails in
 * lower case), a phone number in E.164 (what Auth0's SMS connection takes).
 */
public record ContactAddress(PasswordlessChannel channel, String value) {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    /** Why an address was not accepted. */
    public static class Invalid extends Exception {
        public Invalid() {
            super(null, null, false, false);
        }
    }

    public static ContactAddress email(String input) throws Invalid {
        String email = input == null ? "" : input.trim();
        if (email.isEmpty() || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new Invalid();
        }
        return new ContactAddress(PasswordlessChannel.EMAIL, email.toLowerCase(Locale.ROOT));
    }

    /** A phone number as people type it, read in the default region unless it starts with +country code. */
    public static ContactAddress phone(String input, String defaultRegion) throws Invalid {
        String phone = input == null ? "" : input.trim();
        if (phone.isEmpty() || phone.length() > 40) {
            throw new Invalid();
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = util.parse(phone, defaultRegion);
            if (!util.isValidNumber(number)) {
                throw new Invalid();
            }
            return new ContactAddress(PasswordlessChannel.SMS, util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new Invalid();
        }
    }

    /** {@code j•••@gmail.com}, {@code +1 •••• ••• 929}: enough for the owner to recognise, little for anyone else. */
    public String masked() {
        return mask(channel, value);
    }

    public static String mask(PasswordlessChannel channel, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (channel == PasswordlessChannel.EMAIL) {
            int at = value.indexOf('@');
            return at <= 0 ? "\u2022\u2022\u2022" : value.charAt(0) + "\u2022\u2022\u2022" + value.substring(at);
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = util.parse(value, "ZZ");
            String national = String.valueOf(number.getNationalNumber());
            String last = national.substring(Math.max(0, national.length() - 3));
            return "+" + number.getCountryCode() + " \u2022\u2022\u2022\u2022 \u2022\u2022\u2022 " + last;
        } catch (NumberParseException e) {
            return "\u2022\u2022\u2022 " + value.substring(Math.max(0, value.length() - 3));
        }
    }
}
