package dev.selfservice.portal.helpdesk;

import java.time.Instant;

import dev.selfservice.portal.auth0.PasswordlessChannel;

/**
 * The employee a helpdesk person is helping, kept between the helpdesk's steps: who helps (and in which sign-in
 * session), whom (found by the helpdesk's exact search, never named by a later form), the verification code waiting
 * (to which of the employee's contacts, until when; all null when none), and until when the caller counts as
 * verified (null when not). The employee's id comes only from the search, so no form can point an action elsewhere.
 * <p>
 * The case belongs to the helpdesk person and outlives their "sign in again" (which starts a new sign-in session), so
 * that the case is still open after it; a verification holds only in the sign-in session it was made in.
 */
public record HelpdeskCase(String staffUserId, String sessionBinding, String employeeUserId, String employeeUsername,
        String codeContactId, PasswordlessChannel codeChannel, String codeAddress, Instant codeExpiresAt,
        Instant verifiedUntil) {

    static HelpdeskCase opened(String staffUserId, String sessionBinding, String employeeUserId, String username) {
        return new HelpdeskCase(staffUserId, sessionBinding, employeeUserId, username, null, null, null, null, null);
    }

    HelpdeskCase codeSent(String contactId, PasswordlessChannel channel, String address, Instant expiresAt) {
        return new HelpdeskCase(staffUserId, sessionBinding, employeeUserId, employeeUsername, contactId, channel,
                address, expiresAt, null);
    }

    HelpdeskCase verified(Instant until) {
        return new HelpdeskCase(staffUserId, sessionBinding, employeeUserId, employeeUsername, null, null, null, null,
                until);
    }

    /** The case in this sign-in session: a verification made in another one does not hold here. */
    HelpdeskCase in(String binding) {
        return binding.equals(sessionBinding) ? this : new HelpdeskCase(staffUserId, binding, employeeUserId,
                employeeUsername, codeContactId, codeChannel, codeAddress, codeExpiresAt, null);
    }

    boolean codeWaiting() {
        return codeContactId != null;
    }

    boolean verifiedAt(Instant now) {
        return verifiedUntil != null && now.isBefore(verifiedUntil);
    }
}
