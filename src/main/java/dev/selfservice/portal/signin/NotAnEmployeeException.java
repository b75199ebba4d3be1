package dev.selfservice.portal.signin;

/** The session belongs to an identity that is not an account of the AD connection (for example a passwordless one). */
public class NotAnEmployeeException extends RuntimeException {

    public NotAnEmployeeException() {
        super("the signed-in identity is not an account of the AD connection", null, false, false);
    }
}
