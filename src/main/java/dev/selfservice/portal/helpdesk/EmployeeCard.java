package dev.selfservice.portal.helpdesk;

import java.util.List;

import dev.selfservice.portal.contact.Contact;

/**
 * What the helpdesk sees of an employee: who they are, their recovery contacts as the employee sees them (masked,
 * with dates), whether an administrator blocked the account in Auth0 or Auth0 paused sign-in after wrong passwords,
 * and when they last signed in. Nothing secret, and no full contact.
 */
public record EmployeeCard(String username, String name, String email, List<Contact> contacts, boolean blocked,
        boolean paused, String lastSignIn) {
}
