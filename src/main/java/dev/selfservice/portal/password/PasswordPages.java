package dev.selfservice.portal.password;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.web.Messages;

/** The words for a refused password change, shared by the signed-in and the expired-password pages. */
@ApplicationScoped
public class PasswordPages {

    private final Messages msg;
    private final PasswordPolicy policy;
    private final PortalConfig config;

    public PasswordPages(Messages msg, PasswordPolicy policy, PortalConfig config) {
        this.msg = msg;
        this.policy = policy;
        this.config = config;
    }

    public String problem(PasswordRefused refused) {
        return switch (refused.reason()) {
            case POLICY -> switch (refused.rejection().orElseThrow()) {
                case EMPTY -> msg.rejected_empty();
                case TOO_SHORT -> msg.rejected_too_short(policy.minLength());
                case TOO_LONG -> msg.rejected_too_long(policy.maxLength());
                case MISMATCH -> msg.rejected_mismatch();
                case SAME_AS_CURRENT -> msg.rejected_same();
                case CONTAINS_NAME -> msg.rejected_contains_name();
                case TOO_GUESSABLE -> msg.rejected_guessable();
            };
            case WRONG_CURRENT -> msg.password_wrong_current();
            case LOCKED -> msg.password_locked();
            case ACCOUNT_REFUSED -> msg.password_account_refused(config.helpdesk());
            case DIRECTORY_REFUSED -> msg.password_directory_refused(config.password().directoryRules());
            case NOT_CHANGED -> msg.password_not_changed();
            case TOO_MANY_TRIES -> msg.password_too_many_tries();
            case RATE_LIMITED -> msg.refused_rate_limited();
            case UNAVAILABLE -> msg.refused_unavailable();
        };
    }
}
