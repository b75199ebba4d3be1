package dev.selfservice.portal.recovery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Where an employee who forgot the password or is locked out is sent. Until recovery through an enrolled contact
 * exists, it says plainly that the helpdesk can help, instead of a dead link.
 */
@Path("/recovery")
public class RecoveryResource {

    @CheckedTemplate(basePath = "recovery")
    static class Templates {
        static native TemplateInstance start(String helpdesk);
    }

    private final PortalConfig config;

    public RecoveryResource(PortalConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.start(config.helpdesk());
    }
}
