package dev.selfservice.portal.signin;

import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

/**
 * Checks every request of a signed-in session against {@link PortalSessions}: a session that is over is treated as
 * signed out, whatever cookie the browser (or whoever copied it) still holds. The request is not served: its cookie is
 * removed (quarkus-oidc's {@link OidcSession#logout()}, which knows its cookie's name and chunks) and the browser
 * goes to the start page.
 */
public class SessionGuard {

    private static final Logger LOG = Logger.getLogger(SessionGuard.class);

    @Inject
    SecurityIdentity identity;
    @Inject
    @IdToken
    JsonWebToken idToken;
    @Inject
    CurrentEmployee current;
    @Inject
    PortalSessions sessions;
    @Inject
    PortalConfig config;
    @Inject
    OidcSession session;
    @Inject
    SignedOutNotice notice;
    @Inject
    dev.selfservice.portal.auth0.TenantSetupCheck setup;
    @Inject
    @dev.selfservice.portal.web.PageLanguage.Current
    dev.selfservice.portal.web.Messages msg;

    @ServerRequestFilter
    public Uni<Response> endedSessionsAreSignedOut(jakarta.ws.rs.container.ContainerRequestContext request) {
        if (identity.isAnonymous() || idToken.getRawToken() == null) {
            return Uni.createFrom().nullItem();
        }
        // defence in depth: the web application reaches a passwordless connection, so this session may come from a
        // contact's one-time code instead of the AD password (its token cannot tell). No signed-in page is served
        // until the tenant is fixed; signing out still works.
        if (setup.refusesSignIns() && !request.getUriInfo().getPath().startsWith("/signout")) {
            LOG.errorf("session: a signed-in request refused: the web application accepts a passwordless connection");
            return Uni.createFrom().item(dev.selfservice.portal.web.ErrorPages.page(503, msg.signin_switched_off_title(), msg.signin_switched_off_detail()));
        }
        SignedInEmployee employee = current.get();
        Instant issuedAt = Instant.ofEpochSecond(idToken.getIssuedAtTime());
        Instant authTime = current.authTime();
        Optional<PortalSessions.Ended> ended = sessions.check(current.sessionBinding(), employee.userId(), issuedAt,
                authTime.equals(Instant.EPOCH) ? issuedAt : authTime);
        if (ended.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        LOG.infof("session: a session of %s is over (%s)", employee.userId(), ended.get());
        // through the tenant's logout, back to the start page: its session in this browser ends too, so that the next
        // sign-in asks for the password instead of answering from a session older than what ended this one
        Response out = Response.seeOther(TenantLogout.returningTo(config, "/")).header("Cache-Control", "no-store")
                .cookie(notice.set(SignedOutNotice.Why.ENDED)).build();
        return session.logout().replaceWith(out);
    }
}
