package dev.selfservice.portal.signin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The signed-in employee's home: who they are signed in as. */
@Path("/account")
@Authenticated
public class AccountResource {

    @CheckedTemplate(basePath = "signin")
    static class Templates {
        static native TemplateInstance account(SignedInEmployee employee);
    }

    private final CurrentEmployee current;

    public AccountResource(CurrentEmployee current) {
        this.current = current;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance account() {
        return Templates.account(current.get());
    }
}
