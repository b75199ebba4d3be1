package dev.selfservice.portal.home;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.selfservice.portal.signin.CurrentEmployee;
import dev.selfservice.portal.signin.SignedInEmployee;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The public start page: what the portal does, and the three ways in as equal choices (signing in, a forgotten
 * password or a locked account, an expired password); for a signed-in employee, who they are and the way on.
 */
@Path("/")
public class LandingResource {

    @CheckedTemplate(basePath = "home")
    static class Templates {
        static native TemplateInstance landing(SignedInEmployee employee);
    }

    private final SecurityIdentity identity;
    private final CurrentEmployee current;

    public LandingResource(SecurityIdentity identity, CurrentEmployee current) {
        this.identity = identity;
        this.current = current;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance landing() {
        return Templates.landing(identity.isAnonymous() ? null : current.get());
    }
}
