package dev.selfservice.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * A page that fails as no page of the portal should, deployed with the tests only: the error page's promises (no
 * stack trace, no message, a reference that finds the log line) are checked against it.
 */
@Path("/test-only/fails")
public class FailingResource {

    public static final String MESSAGE = "connection to secret-host failed with password hunter2";

    @GET
    public String fail() {
        throw new IllegalStateException(MESSAGE);
    }
}
