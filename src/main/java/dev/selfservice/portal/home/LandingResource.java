package dev.selfservice.portal.home;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.core.Response;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.signin.CurrentEmployee;
import dev.selfservice.portal.signin.SignedOutNotice;
import dev.selfservice.portal.web.Html;
import dev.selfservice.portal.web.Messages;
import dev.selfservice.portal.web.PageLanguage;
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
        static native TemplateInstance landing(SignedInEmployee employee, String signedOut);
    }

    private final SecurityIdentity identity;
    private final CurrentEmployee current;
    private final SignedOutNotice notice;
    private final Messages msg;
    private final PortalConfig config;

    public LandingResource(SecurityIdentity identity, CurrentEmployee current, SignedOutNotice notice,
            @PageLanguage.Current Messages msg, PortalConfig config) {
        this.config = config;
        this.identity = identity;
        this.current = current;
        this.notice = notice;
        this.msg = msg;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response landing(@CookieParam(SignedOutNotice.COOKIE) String signedOut) {
        boolean anonymous = identity.isAnonymous();
        // said once, and only to someone who is signed out now
        String said = anonymous ? notice.read(signedOut).map(why -> switch (why) {
            case YOU -> msg.landing_signed_out();
            case ENDED -> msg.landing_session_ended(config.session().idleTimeout().toMinutes(),
                    config.session().absoluteLifetime().toMinutes());
        }).orElse(null) : null;
        Response page = Html.page(200, Templates.landing(anonymous ? null : current.get(), said));
        return signedOut == null ? page : Response.fromResponse(page).cookie(notice.clear()).build();
    }
}
