package bench.extensions;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** The one page: a Qute template that reads the identity, as the portal's landing page does. */
@Path("/")
public class Landing {
    @Inject
    Template landing;
    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return landing.data("signedIn", !identity.isAnonymous());
    }
}
