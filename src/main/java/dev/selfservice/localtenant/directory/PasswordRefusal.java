package dev.selfservice.localtenant.directory;

/**
 * A password modify that the directory refused. The codes and texts are those of an AD domain controller (Samba
 * 4.17's wording), so that callers map a refusal the same way whichever directory is behind the tenant.
 */
public class PasswordRefusal extends Exception {

    public enum Reason {
        /** {@code 0000052D}: complexity, length, history or minimum age. */
        POLICY("0000052D"),
        /** {@code 00000056}: the old password given with a user's change is wrong. */
        WRONG_OLD_PASSWORD("00000056"),
        /** The account may not change its password now (locked, disabled or unknown). */
        NOT_ALLOWED("00000005"),
        /** The service account may not reset passwords ({@code INSUFF_ACCESS_RIGHTS}). */
        INSUFFICIENT_RIGHTS("00002098");

        private final String adCode;

        Reason(String adCode) {
            this.adCode = adCode;
        }

        public String adCode() {
            return adCode;
        }
    }

    private final Reason reason;

    public PasswordRefusal(Reason reason, String detail) {
        super(reason.adCode() + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
