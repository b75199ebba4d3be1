package dev.selfservice.portal.signin;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.web.PageLanguage;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;

/**
 * Adds to the authorize redirect what fixed extra-params cannot: {@code audience} when one is configured, the
 * username typed on the start page as {@code login_hint} ({@link UsernameHint}), the page language as
 * {@code ui_locales}, and
 * {@code prompt=login} when the employee must prove the AD password again ({@link SignInResource#FRESH}), so that
 * the tenant's own session cannot answer for them. quarkus-oidc looks filters up at run time, so the bean is kept
 * although nothing injects it.
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class AuthorizeRedirectFilter implements OidcRedirectFilter {

    private final PortalConfig config;
    private final UsernameHint hint;
    private final StepUp stepUp;

    public AuthorizeRedirectFilter(PortalConfig config, UsernameHint hint, StepUp stepUp) {
        this.config = config;
        this.hint = hint;
        this.stepUp = stepUp;
    }

    @Override
    public void filter(OidcRedirectContext context) {
        config.auth0().audience().filter(a -> !a.isBlank())
                .ifPresent(audience -> context.additionalQueryParams().add("audience", audience));
        // the sign-in page speaks the language the portal's pages speak to this browser (Universal Login follows
        // ui_locales among the languages enabled in the tenant)
        context.additionalQueryParams().add("ui_locales", PageLanguage.tagOf(context.routingContext().request(), config));
        boolean fresh = SignInResource.FRESH.equals(context.routingContext().request().path());
        io.vertx.core.http.Cookie typed = context.routingContext().request().getCookie(UsernameHint.COOKIE);
        if (typed != null && !fresh) {
            // the sign-in page starts with the username typed on the portal (Auth0's login_hint)
            hint.read(typed.getValue()).ifPresent(h -> context.additionalQueryParams().add("login_hint", h.username()));
        }
        if (fresh) {
            context.additionalQueryParams().add("prompt", "login");
            // and say so to any Auth0 rule or action that looks: the password must have been entered just now
            context.additionalQueryParams().add("max_age", "0");
            // the step-up counts only for the sign-in that answers this very request: its ID token carries this nonce
            io.vertx.core.http.Cookie started = context.routingContext().request().getCookie(StepUp.COOKIE);
            // the sign-in page starts with the employee's own username: it is the same employee who signs in again
            stepUp.username(started == null ? null : started.getValue())
                    .ifPresent(username -> context.additionalQueryParams().add("login_hint", username));
            stepUp.boundTo(started == null ? null : started.getValue(), nonceOf(context.redirectUri()))
                    .ifPresent(bound -> context.routingContext().response().addCookie(bound));
        } else {
            // any other sign-in ends a step-up begun in this browser (the cookie's path may not reach this request,
            // so it is dropped whether or not it was sent)
            context.routingContext().response().addCookie(stepUp.clearForVertx());
            // a tenant session older than a portal session may live asks for the password again
            context.additionalQueryParams().add("max_age", String.valueOf(config.session().absoluteLifetime().toSeconds()));
        }
    }

    /** The {@code nonce} quarkus-oidc put in the authorize URL (it is there before the filters run); null if none. */
    static String nonceOf(String authorizeUrl) {
        if (authorizeUrl == null || authorizeUrl.indexOf('?') < 0) {
            return null;
        }
        for (String pair : authorizeUrl.substring(authorizeUrl.indexOf('?') + 1).split("&")) {
            if (pair.startsWith("nonce=")) {
                return java.net.URLDecoder.decode(pair.substring("nonce=".length()), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
