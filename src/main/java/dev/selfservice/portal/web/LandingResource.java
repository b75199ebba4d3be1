package dev.selfservice.portal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The public start page: what the portal does, and the ways in. */
@Path("/")
public class LandingResource {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance landing();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance landing() {
        return Templates.landing();
    }
}
