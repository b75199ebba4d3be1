package dev.selfservice.portal.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.web.Html;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Whether this session entered the AD password again recently enough, and the "sign in again" page when not: the one
 * check behind {@link SteppedUp}. An action that first judges what was typed (adding a contact: a malformed address or
 * the work address is refused before the password is asked for) asks it itself, after that judgement and before it
 * acts; a page asks it to say beforehand that the password will be asked for.
 */
@ApplicationScoped
public class StepUpGate {

    @CheckedTemplate(basePath = "signin")
    static class Templates {
        /**
         * {@code staff}: {@code helpdesk} or {@code reports} when the step is staff's, whose words are not about one's
         * own contacts; empty otherwise.
         */
        static native TemplateInstance again(SignedInEmployee employee, String then, String staff);
    }

    private final CurrentEmployee current;
    private final PortalSessions sessions;
    private final PortalConfig config;
    private final dev.selfservice.portal.web.PageLanguage language;

    public StepUpGate(CurrentEmployee current, PortalSessions sessions, PortalConfig config,
            dev.selfservice.portal.web.PageLanguage language) {
        this.language = language;
        this.current = current;
        this.sessions = sessions;
        this.config = config;
    }

    /** Whether this session stepped up within {@code portal.enrolment.recent-sign-in}. */
    public boolean passed() {
        return sessions.steppedUpWithin(current.sessionBinding(), config.enrolment().recentSignIn());
    }

    /** The "sign in again" page (401), whose form comes back to the local path {@code then}. */
    public Response signInAgain(String then) {
        // it answers a form (a POST): the language switch goes back to the page the form was on
        language.returnTo(then);
        return Html.page(401, Templates.again(current.get(), then, staffStep(then)));
    }

    private static String staffStep(String then) {
        return then == null ? "" : then.startsWith("/helpdesk") ? "helpdesk" : then.startsWith("/reports") ? "reports" : "";
    }
}
