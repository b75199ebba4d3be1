package dev.selfservice.portal.signin;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Response;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.web.ErrorPages;
import dev.selfservice.portal.web.Messages;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Binds every form of a signed-in session to that session: beside the CSRF token (a double-submit cookie, which any
 * tab of the browser shares), each form carries {@code session_form}, a MAC of the session, and a form posted in a
 * signed-in session must carry the one of that session. A form from another session, or from before a new sign-in,
 * is refused. The templates put it in with {@code {inject:sessionForm.token}}.
 */
@Named("sessionForm")
@RequestScoped
public class SessionBoundForms {

    static final String FIELD = "session_form";

    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentEmployee current;
    @Inject
    PortalConfig config;
    @Inject
    @dev.selfservice.portal.web.PageLanguage.Current
    Messages msg;

    /** This session's form value; empty when nobody is signed in (nothing to bind to). */
    public String getToken() {
        if (identity.isAnonymous()) {
            return "";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.sessionSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] tag = mac.doFinal(("session-form:" + current.sessionBinding()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag).substring(0, 32);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @ServerRequestFilter
    @WithFormRead
    public Optional<Response> formsOfThisSessionOnly(ResteasyReactiveContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod()) || identity.isAnonymous()) {
            return Optional.empty();
        }
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Object given = context.getFormParameter(FIELD, true, false);
        byte[] expected = getToken().getBytes(StandardCharsets.UTF_8);
        if (given instanceof String g && MessageDigest.isEqual(expected, g.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(ErrorPages.page(400, msg.error_bad_request_title(), msg.error_bad_request_detail()));
    }
}
