package dev.selfservice.portal.breach;

/** Where screening looks a hash up: the range API or an offline file. */
interface BreachList {

    /** Whether the hash is of a password known from a breach. */
    boolean contains(Sha1 hash) throws BreachListUnavailable;

    /** The list could not be asked (no answer, a timeout, an error, the circuit open, an unreadable file). */
    class BreachListUnavailable extends Exception {
        BreachListUnavailable(String what, Throwable cause) {
            super(what, cause);
        }
    }
}
