package dev.selfservice.localtenant.directory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sub-codes AD puts in the diagnostic message of a failed simple bind ({@code ... data 775, v1db1}), and how the
 * Auth0 AD/LDAP connector names them. Both directory implementations produce AD's exact diagnostic text and map it
 * back through {@link #fromDiagnostic(String)}, so the in-memory model and a real domain controller share one mapping.
 */
public enum AdBindCode {
    WRONG_PASSWORD("52e", "wrong_password", "Wrong password"),
    PASSWORD_EXPIRED("532", "password_expired", "Password expired"),
    ACCOUNT_DISABLED("533", "account_disabled", "Account disabled"),
    ACCOUNT_EXPIRED("701", "account_expired", "Account expired"),
    PASSWORD_MUST_CHANGE("773", "password_change_required", "Password change required"),
    ACCOUNT_LOCKED("775", "account_locked", "Account locked");

    private static final Pattern DATA = Pattern.compile("data ([0-9a-fA-F]+)");

    private final String data;
    private final String connectorStatus;
    private final String connectorMessage;

    AdBindCode(String data, String connectorStatus, String connectorMessage) {
        this.data = data;
        this.connectorStatus = connectorStatus;
        this.connectorMessage = connectorMessage;
    }

    /** AD's hex sub-code, as in {@code data 775}. */
    public String data() {
        return data;
    }

    /** The connector's {@code ldapStatus}, which Auth0 passes on as the error code. */
    public String connectorStatus() {
        return connectorStatus;
    }

    /** The connector's error message. */
    public String connectorMessage() {
        return connectorMessage;
    }

    /** The diagnostic message an AD domain controller sends with result code 49 (invalid credentials). */
    public String diagnosticMessage() {
        return "80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data " + data + ", v1db1";
    }

    /**
     * Maps a bind diagnostic exactly as the connector's {@code getDetailedError} does: 532, 533/534, 701, 773 and 775
     * have their own meaning, anything else (52e, 525, an unparsable message) is a wrong password.
     */
    public static AdBindCode fromDiagnostic(String diagnosticMessage) {
        Matcher m = DATA.matcher(Optional.ofNullable(diagnosticMessage).orElse(""));
        if (!m.find()) {
            return WRONG_PASSWORD;
        }
        return switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "532" -> PASSWORD_EXPIRED;
            case "533", "534" -> ACCOUNT_DISABLED;
            case "701" -> ACCOUNT_EXPIRED;
            case "773" -> PASSWORD_MUST_CHANGE;
            case "775" -> ACCOUNT_LOCKED;
            default -> WRONG_PASSWORD;
        };
    }
}
