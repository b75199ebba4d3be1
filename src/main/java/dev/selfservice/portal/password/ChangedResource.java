package dev.selfservice.portal.password;

import java.net.URI;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

    private final ChangeResult result;

    ChangedResource(ChangeResult result) {
        this.result = result;
    }

    /** The result after a change; without one, the start page (the page must not claim a change nobody made). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response changed(@CookieParam(ChangeResult.COOKIE) String changed) {
        if (!result.shows(changed)) {
            return Response.seeOther(URI.create("/")).build();
        }
        return dev.selfservice.portal.web.Html.page(200, Templates.changed());
    }
}
