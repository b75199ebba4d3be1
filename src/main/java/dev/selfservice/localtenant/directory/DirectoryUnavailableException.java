package dev.selfservice.localtenant.directory;

/** The directory could not be reached or answered with something other than a verdict on the request. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
