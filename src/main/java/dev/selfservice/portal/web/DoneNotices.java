package dev.selfservice.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The line a page shows after the portal's own redirect ("Your contact was added.", "The caller is verified."). The
 * redirect names it in the address ({@code ?done=added}, which a browser's history and the tests read) and sets a
 * short sealed cookie saying the same for the same page; the page shows the line only when both agree, and once. A
 * link to the address alone shows nothing, so that nobody can make a page claim something happened that did not (a
 * crafted "The caller is verified." before a helpdesk person's eyes); a reload afterwards shows the page as it is.
 */
@ApplicationScoped
public class DoneNotices {

    public static final String NAME = "done";
    /** From the redirect to the page it names: a minute is plenty, and a leftover cannot mark a later visit. */
    private static final Duration CARRIED_FOR = Duration.ofMinutes(1);

    /** What happened, and on which page it may be said. */
    @RegisterForReflection
    record Done(String path, String what) {
    }

    static final StateKind<Done> KIND = new StateKind<>(NAME, 1, Done.class);

    private final SealedCookie<Done> cookie;
    private final Clock clock;

    public DoneNotices(CookieSeal seal, Clock clock) {
        // Lax: the redirect after a step-up comes back from Auth0, a top-level navigation from another site
        this.cookie = seal.cookie(KIND, "/", NewCookie.SameSite.LAX);
        this.clock = clock;
    }

    /** The cookie for a redirect to {@code path?done=what}. */
    public NewCookie after(String path, String what) {
        return cookie.write(clock.instant().plus(CARRIED_FOR), new Done(path, what));
    }

    /**
     * What the page at {@code path} may say was done: the address's {@code done} when this browser's cookie says the
     * same for this page; empty otherwise.
     */
    public Optional<String> said(String cookieValue, String path, String done) {
        if (done == null || cookieValue == null) {
            return Optional.empty();
        }
        return cookie.openUnended(cookieValue).map(CookieSeal.Opened::state)
                .filter(d -> d.path().equals(path) && d.what().equals(done)).map(Done::what);
    }

    /** The page, with the cookie dropped once it was there: the line is said once. */
    public Response once(Response page, String cookieValue) {
        return cookieValue == null ? page : Response.fromResponse(page).cookie(cookie.clear()).build();
    }
}
