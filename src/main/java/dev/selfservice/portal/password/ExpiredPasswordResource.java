package dev.selfservice.portal.password;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Where an employee with an expired or must-change password is sent. Until the expired-password change exists, it
 * says plainly that the helpdesk can help, instead of a dead link.
 */
@Path("/password/expired")
public class ExpiredPasswordResource {

    @CheckedTemplate(basePath = "password")
    static class Templates {
        static native TemplateInstance expired(String helpdesk);
    }

    private final PortalConfig config;

    public ExpiredPasswordResource(PortalConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.expired(config.helpdesk());
    }
}
