package dev.selfservice.portal.signin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.selfservice.portal.audit.AuditAction;
import dev.selfservice.portal.audit.AuditLog;
import dev.selfservice.portal.audit.AuditOutcome;
import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.web.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

import org.jboss.resteasy.reactive.RestForm;

/**
 * {@code /signin} starts the code flow with the AD connection (quarkus-oidc answers an anonymous request with the
 * redirect to Auth0); {@code /signin/error} is where quarkus-oidc sends a callback that carries an error.
 */
@Path("/signin")
public class SignInResource {

    /** The path of a sign-in that must ask for the AD password again, even when the tenant has a session. */
    public static final String FRESH = "/signin/fresh";

    /** A next step offered on the error page. */
    public record Action(String href, String label) {
    }

    @CheckedTemplate(basePath = "signin")
    static class Templates {
        static native TemplateInstance error(String title, dev.selfservice.portal.web.Problem.FieldError detail,
                String reason, List<Action> actions,
                List<Action> also);
    }

    private final Messages msg;
    private final PortalConfig config;
    private final SecurityIdentity identity;
    private final OidcSession session;
    private final CurrentEmployee current;
    private final PortalSessions sessions;
    private final StepUp stepUp;
    private final UsernameHint hint;

    private final AuditLog audit;
    private final java.time.Clock clock;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SignInResource.class);

    public SignInResource(@dev.selfservice.portal.web.PageLanguage.Current Messages msg, PortalConfig config, SecurityIdentity identity, OidcSession session,
            CurrentEmployee current, PortalSessions sessions, StepUp stepUp, UsernameHint hint, AuditLog audit,
            java.time.Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.stepUp = stepUp;
        this.hint = hint;
        this.current = current;
        this.sessions = sessions;
        this.msg = msg;
        this.config = config;
        this.identity = identity;
        this.session = session;
    }

    @GET
    @Authenticated
    public Response signIn() {
        audit.success(AuditAction.SIGNIN, current.get().userId());
        // signed in: the username need not be carried any further, nor shown to the next person at this browser
        return Response.seeOther(URI.create("/account")).cookie(hint.forget(), stepUp.clear()).build();
    }

    /**
     * The start page's sign-in form: the username, if given, goes with the employee to the sign-in page and, should
     * the sign-in fail, on to the step that helps. The form is CSRF-protected like every other, so no other site can
     * plant a username here.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm String username) {
        return Response.seeOther(URI.create("/signin")).cookie(hint.remember(username)).build();
    }

    /** Where a fresh sign-in lands; it goes on to a local page only, never to another site. */
    @GET
    @Path("fresh")
    @Authenticated
    public Response fresh(@QueryParam("then") String then, @jakarta.ws.rs.CookieParam(StepUp.COOKIE) String stepUpCookie) {
        if (!acceptable(then)) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        if (stepUp.finish(stepUpCookie, current.get().userId(), current.nonce(), current.authTime())) {
            sessions.steppedUp(current.sessionBinding());
        } else if (stepUpCookie != null) {
            LOG.infof("step-up: a sign-in of %s did not finish the step-up this browser began", current.get().userId());
        }
        return Response.seeOther(URI.create(localPath(then))).cookie(stepUp.clear()).build();
    }

    /**
     * Ends the portal session, then signs in again with the AD password ({@code prompt=login}). Only a signed-in
     * session starts a step-up: one begun signed out would be bound to nobody, and count for whoever signs in next.
     */
    @POST
    @Path("again")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking // the session guard reaches the state store (Redis): never on the event loop
    public Uni<Response> again(@RestForm String then) {
        if (!acceptable(then)) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(dev.selfservice.portal.web.ErrorPages.page(401, msg.again_signed_out_title(),
                    msg.again_signed_out_detail()));
        }
        String binding = current.sessionBinding();
        // the earliest the tenant's clock can read now: its own iat for this session, plus what passed here since
        java.time.Instant now = clock.instant();
        java.time.Instant start = current.issuedAt()
                .plus(java.time.Duration.between(sessions.firstSeen(binding).filter(s -> !s.isAfter(now)).orElse(now), now));
        jakarta.ws.rs.core.NewCookie begun = stepUp.begin(current.get().userId(), current.get().username(), start);
        sessions.end(binding); // the old session, and every copy of its cookie
        Response next = Response.seeOther(URI.create(FRESH + "?then="
                + URLEncoder.encode(localPath(then), StandardCharsets.UTF_8))).cookie(begun).build();
        return session.logout().replaceWith(next);
    }

    static String localPath(String then) {
        return dev.selfservice.portal.web.LocalPath.isLocal(then) ? then : "/account";
    }

    /** Whether {@code then} is absent, or a local path; anything else (odd characters, another site) is a bad request. */
    static boolean acceptable(String then) {
        return then == null || then.isEmpty() || dev.selfservice.portal.web.LocalPath.isLocal(then);
    }

    @GET
    @Path("error")
    @Produces(MediaType.TEXT_HTML)
    public Response error(@QueryParam("error") String error, @QueryParam("error_description") String description,
            @jakarta.ws.rs.CookieParam(UsernameHint.COOKIE) String hintCookie) {
        SignInError reason = SignInError.from(error, description);
        java.util.Optional<UsernameHint.Hint> typed = hint.read(hintCookie);
        // no user id: Auth0 sends none with a failed sign-in (the reason is what the security team counts)
        audit.record(AuditAction.SIGNIN, reason == SignInError.TOO_MANY_ATTEMPTS ? AuditOutcome.THROTTLED
                : reason.selfServiceCanHelp() ? AuditOutcome.REFUSED : AuditOutcome.HELPDESK_ONLY, reason.name(), null,
                java.util.Map.of());
        String helpdesk = dev.selfservice.portal.web.Helpdesk.here(config);
        Action recovery = new Action("/recovery", msg.action_recovery());
        Action changeExpired = new Action("/password/expired", msg.action_change_expired());
        Action again = new Action("/signin", msg.action_sign_in_again());
        Action home = new Action("/", msg.action_home());
        List<Action> actions = new ArrayList<>();
        String title;
        String detail;
        dev.selfservice.portal.web.Problem.FieldError timed = null;
        switch (reason) {
            case BLOCKED -> {
                title = msg.signin_blocked_title();
                detail = msg.signin_blocked_detail(helpdesk);
                actions.add(home);
            }
            case TOO_MANY_ATTEMPTS -> {
                title = msg.signin_too_many_title();
                detail = msg.signin_too_many_detail();
                actions.addAll(List.of(recovery, home));
            }
            case PASSWORD_EXPIRED -> {
                title = msg.signin_expired_title();
                detail = msg.signin_expired_detail();
                actions.addAll(List.of(changeExpired, recovery));
            }
            case PASSWORD_CHANGE_REQUIRED -> {
                title = msg.signin_must_change_title();
                detail = msg.signin_must_change_detail();
                actions.addAll(List.of(changeExpired, recovery));
            }
            case ACCOUNT_LOCKED -> {
                title = msg.signin_locked_title();
                // AD's lockout began at the latest now, so it ends by now plus its duration at the latest; when it
                // began cannot be read without the password
                long minutes = config.password().lockoutDuration().toMinutes();
                if (minutes > 0) {
                    timed = dev.selfservice.portal.web.Refusals.atTime(null,
                            clock.instant().plus(config.password().lockoutDuration()),
                            time -> msg.signin_locked_detail(minutes, time, helpdesk));
                    detail = timed.text();
                } else {
                    // AD never ends it by itself: no time to name
                    detail = msg.signin_locked_detail(0, "", helpdesk);
                }
                actions.addAll(List.of(recovery, home));
            }
            case ACCOUNT_DISABLED -> {
                title = msg.signin_disabled_title();
                detail = msg.signin_disabled_detail(helpdesk);
                actions.add(home);
            }
            case ACCOUNT_EXPIRED -> {
                title = msg.signin_account_expired_title();
                detail = msg.signin_account_expired_detail(helpdesk);
                actions.add(home);
            }
            case WRONG_CREDENTIALS -> {
                title = msg.signin_wrong_title();
                detail = msg.signin_wrong_detail();
                actions.addAll(List.of(again, recovery));
            }
            default -> {
                title = msg.signin_other_title();
                detail = msg.signin_other_detail(helpdesk);
                actions.addAll(List.of(again, recovery));
            }
        }
        Response.ResponseBuilder page = Response.status(reason.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(title, timed != null ? timed : new dev.selfservice.portal.web.Problem.FieldError(null, detail),
                        reason.name(), actions, alsoOffered(reason, actions)).render());
        // the next step is filled with the username; why this sign-in failed decides what the recovery offers
        typed.ifPresent(h -> page.cookie(hint.failed(h, reason)));
        return page.build();
    }

    /**
     * The self-service ways in that a failed sign-in may need, below its own buttons, for an account they can help:
     * each only once on the page, so not where a button already leads there.
     */
    private List<Action> alsoOffered(SignInError reason, List<Action> actions) {
        if (!reason.selfServiceCanHelp()) {
            return List.of();
        }
        return java.util.stream.Stream.of(new Action("/recovery", msg.landing_recovery()),
                new Action("/password/expired", msg.landing_expired()))
                .filter(a -> actions.stream().noneMatch(b -> b.href().equals(a.href()))).toList();
    }
}
