package dev.selfservice.portal.signin;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * Signs out of the portal (its session cookie is removed) and then of the tenant, through Auth0's
 * {@code /v2/logout}, which returns to the portal's start page. A form post with a CSRF token, so that no other site
 * can sign an employee out.
 */
@Path("/signout")
public class SignOutResource {

    private final SecurityIdentity identity;
    private final OidcSession session;
    private final CurrentEmployee current;
    private final PortalSessions sessions;
    private final URI tenantLogout;
    private final SignedOutNotice notice;

    public SignOutResource(SecurityIdentity identity, OidcSession session, CurrentEmployee current,
            PortalSessions sessions, PortalConfig config, SignedOutNotice notice) {
        this.notice = notice;
        this.identity = identity;
        this.current = current;
        this.sessions = sessions;
        this.session = session;
        this.tenantLogout = TenantLogout.returningTo(config, "/");
    }

    @POST
    @Blocking // the session guard and the sign-out reach the state store (Redis): never on the event loop
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut() {
        // the start page it returns to says "you are signed out"
        Response toTenant = Response.seeOther(tenantLogout).cookie(notice.set(SignedOutNotice.Why.YOU)).build();
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(toTenant);
        }
        // ended on the server too: a copy of the cookie is signed out with it, on every replica
        sessions.end(current.sessionBinding());
        return session.logout().replaceWith(toTenant);
    }
}
