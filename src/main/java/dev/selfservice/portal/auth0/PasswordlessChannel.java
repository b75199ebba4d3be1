package dev.selfservice.portal.auth0;

/** Auth0's passwordless connections: a code by email, or by SMS. */
public enum PasswordlessChannel {
    EMAIL("email"), SMS("sms");

    private final String connection;

    PasswordlessChannel(String connection) {
        this.connection = connection;
    }

    /** The connection's name, which is also the provider of its identities and the realm of its OTP grant. */
    public String connection() {
        return connection;
    }
}
