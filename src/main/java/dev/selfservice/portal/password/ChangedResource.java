package dev.selfservice.portal.password;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Where a password change ends: signed out everywhere, with a way to sign in with the new password. */
@Path(ChangedResource.PATH)
public class ChangedResource {

    static final String PATH = "/password/changed";

    @CheckedTemplate(basePath = "password")
    static class Templates {
        static native TemplateInstance changed();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance changed() {
        return Templates.changed();
    }
}
