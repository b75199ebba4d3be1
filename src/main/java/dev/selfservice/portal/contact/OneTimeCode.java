package dev.selfservice.portal.contact;

import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;

/** A one-time code as typed: read once here for every step that takes one, before anything reaches Auth0. */
public final class OneTimeCode {

    private OneTimeCode() {
    }

    /**
     * The six digits of a typed code (spaces, as in "150 392", dropped). Nothing typed, or anything that is no code,
     * is refused on the code field, so that it neither reaches Auth0 nor spends a try.
     */
    public static String digits(String typed) throws Refusal {
        String otp = typed == null ? "" : typed.replaceAll("\\s", "");
        if (otp.isEmpty()) {
            throw new Refusal(Reason.CODE_MISSING);
        }
        if (!otp.matches("[0-9]{6}")) {
            throw new Refusal(Reason.CODE_MALFORMED);
        }
        return otp;
    }
}
