package bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The one page of the start baseline. */
@Path("/")
public class Landing {

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String landing() {
        return "<!doctype html><title>Bare Quarkus</title><p>Started.</p>";
    }
}
