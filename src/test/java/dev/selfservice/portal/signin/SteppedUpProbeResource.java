package dev.selfservice.portal.signin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

/**
 * Test-only pages (SteppedUpTest): two identical actions, one declared {@link SteppedUp}, so that a test can show that
 * the declaration alone is what protects an action.
 */
@Path("/test-only/step-up-probe")
@Authenticated
@Produces(MediaType.TEXT_PLAIN)
public class SteppedUpProbeResource {

    @GET
    @Path("protected")
    @SteppedUp(then = "/account")
    public Response protectedAction() {
        return Response.ok("acted").build();
    }

    @GET
    @Path("unprotected")
    public Response unprotectedAction() {
        return Response.ok("acted").build();
    }
}
