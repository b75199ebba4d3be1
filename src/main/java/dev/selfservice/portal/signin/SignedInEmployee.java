package dev.selfservice.portal.signin;

/**
 * The employee signed in to the portal, as the verified ID token of their AD sign-in says: the Auth0 user id of the
 * AD account, the AD username (sAMAccountName, the connector's {@code nickname}), the display name and work email.
 * Every feature that acts for the employee takes the user id from here, never from the request.
 */
public record SignedInEmployee(String userId, String username, String name, String email) {

    /**
     * Who acted, for an audit line of a staff page: the user id, and the name the employee's recent events show of
     * the staff member.
     */
    public java.util.Map<String, String> asActingStaff() {
        return java.util.Map.of("staff", userId, "staff_name", staffName());
    }

    /** The username, which staff know each other by; the user id where the token carried none. */
    public String staffName() {
        return username == null ? userId : username;
    }
}
