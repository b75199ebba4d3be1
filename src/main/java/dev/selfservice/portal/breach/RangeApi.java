package dev.selfservice.portal.breach;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Have I Been Pwned's range API: the suffixes (the other 35 hex characters) and counts of every breached password
 * whose SHA-1 starts with {@code prefix}. Padding makes every answer 800-1,000 lines long, so that its size tells an
 * observer of the traffic nothing of the prefix. Used only through {@link PwnedRange}.
 */
@RegisterRestClient(configKey = "pwned-passwords")
@Path("/range")
interface RangeApi {

    @GET
    @Path("/{prefix}")
    @Produces(MediaType.TEXT_PLAIN)
    @ClientHeaderParam(name = "Add-Padding", value = "true")
    String range(@PathParam("prefix") String prefix);
}
