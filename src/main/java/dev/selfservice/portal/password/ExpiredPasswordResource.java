package dev.selfservice.portal.password;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import dev.selfservice.portal.web.ClientAddress;
import dev.selfservice.portal.web.Html;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code /password/expired}: an employee whose AD password expired (or must change) sets a new one without signing
 * in, with the username and the current password. Every outcome but success gets the same page.
 */
@Path("/password/expired")
@Produces(MediaType.TEXT_HTML)
public class ExpiredPasswordResource {

    @CheckedTemplate(basePath = "password")
    static class Templates {
        static native TemplateInstance expired(int minLength, int maxLength, String username, String problem);
    }

    private final PasswordService passwords;
    private final PasswordPolicy policy;
    private final PasswordPages pages;
    private final HttpServerRequest request;

    public ExpiredPasswordResource(PasswordService passwords, PasswordPolicy policy, PasswordPages pages,
            HttpServerRequest request) {
        this.passwords = passwords;
        this.policy = policy;
        this.pages = pages;
        this.request = request;
    }

    @GET
    public TemplateInstance form() {
        return Templates.expired(policy.minLength(), policy.maxLength(), "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestForm String username, @RestForm String current, @RestForm String password,
            @RestForm String confirm) {
        try {
            passwords.changeExpired(username, ClientAddress.of(request), current, password, confirm);
        } catch (PasswordRefused e) {
            return Html.page(e.reason().status(),
                    Templates.expired(policy.minLength(), policy.maxLength(), Html.echo(username), pages.problem(e)));
        }
        return Response.ok(ChangedResource.Templates.changed().render(), MediaType.TEXT_HTML_TYPE).build();
    }
}
