package dev.selfservice.portal.state;

/**
 * The state store did not answer. Whatever depended on it (a limit, a single-use proof, a lock) is refused: the page
 * says to try again in a minute, with status 503, and nothing was done.
 */
public class StateUnavailable extends RuntimeException {

    public StateUnavailable(Throwable cause) {
        // the cause's type only: a Redis error message may carry a key, and keys carry usernames
        super("the state store did not answer (" + cause.getClass().getSimpleName() + ")", null, false, false);
    }
}
