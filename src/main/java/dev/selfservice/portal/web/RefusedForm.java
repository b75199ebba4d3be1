package dev.selfservice.portal.web;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.http.HttpServerRequest;

/**
 * Post/redirect/get for a refused form. A form that is refused answers 303 to the address that shows it (its GET
 * page), and the refusal travels there in a short-lived sealed cookie of its own kind: the refusal's reasons (words are
 * made on the GET, in whichever language the page is then shown), its tries left or wait, and what the page keeps of
 * what was typed (never a password, a code or a token: only values the page would echo anyway). So the refusal page
 * is a GET: a reload or Back shows it again and posts nothing, and the language switch shows it in another language.
 *
 * <p>The redirect names a random id ({@code ?refused=...}) that the cookie holds as well: the refusal is shown only at
 * that address, for that page and (where one is signed in) that employee, so that the form reached later by a link is
 * blank again, and a cookie copied to another page, another employee or another kind opens as nothing. It ends after
 * {@link #LIFETIME}, and any form of the portal that later succeeds (a POST answered with a redirect that is not a
 * refusal) drops it.
 */
@ApplicationScoped
public class RefusedForm {

    public static final String NAME = "form_refused";
    /** The query parameter of the refusal's address. */
    public static final String QUERY = "refused";
    /** Long enough to read the page, reload it and switch its language; short enough that it is gone by the next person. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** What the cookie holds. Instants in epoch seconds, reasons by name (an unknown one opens as nothing). */
    @RegisterForReflection(registerFullHierarchy = true)
    record Kept(String page, String userId, String id, List<String> reasons, Long until, Integer triesLeft,
            boolean triesOfTheCode, String usernameForms, String field, Map<String, String> values) {
    }

    static final StateKind<Kept> KIND = new StateKind<>(NAME, 2, Kept.class);

    /** A refusal to show on its page: the refusal, its words for the page's fields, and what the page keeps. */
    public record Shown(Refusal refusal, Problem problem, Map<String, String> values) {

        public int status() {
            return refusal.status();
        }

        /** What was typed into this field, or an empty string. */
        public String value(String field) {
            return values.getOrDefault(field, "");
        }
    }

    private final SealedCookie<Kept> cookie;
    private final Clock clock;
    private final Refusals refusals;
    private final io.quarkus.vertx.http.runtime.CurrentVertxRequest current;
    private final SecureRandom random = new SecureRandom();

    public RefusedForm(CookieSeal seal, Clock clock, Refusals refusals,
            io.quarkus.vertx.http.runtime.CurrentVertxRequest current) {
        // strict: it only ever follows a form of this portal, or the language switch, both same-site
        this.cookie = seal.cookie(KIND, "/", NewCookie.SameSite.STRICT);
        this.clock = clock;
        this.refusals = refusals;
        this.current = current;
    }

    /**
     * The answer to a refused form: 303 to {@code page} (a local GET address without a query), which shows the
     * refusal. {@code userId} binds it to the signed-in employee (null where no one is signed in); {@code values} are
     * what the page keeps of what was typed, by field name (never a secret). The builder takes further cookies.
     */
    public Response.ResponseBuilder redirect(String page, String userId, Refusal refusal, Map<String, String> values) {
        return redirect(page, userId, refusal, null, values);
    }

    /** The same, with every error shown about {@code field} (a refusal about what was typed in whichever field posted it). */
    public Response.ResponseBuilder redirect(String page, String userId, Refusal refusal, String field,
            Map<String, String> values) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((k, v) -> kept.put(k, Html.echo(v)));
        Kept state = new Kept(page, userId, id, refusal.reasons().stream().map(Enum::name).toList(),
                refusal.until().map(Instant::getEpochSecond).orElse(null),
                refusal.triesLeft().isPresent() ? refusal.triesLeft().getAsInt() : null, refusal.triesOfTheCode(),
                refusal.usernameForms(), field, kept);
        return Response.seeOther(URI.create(page + "?" + QUERY + "=" + id))
                .cookie(cookie.write(clock.instant().plus(LIFETIME), state));
    }

    /** The refusal this request's address and cookie hold for {@code page} and {@code userId}, if any. */
    public Optional<Shown> at(String page, String userId) {
        HttpServerRequest request = current.getCurrent() == null ? null : current.getCurrent().request();
        if (request == null) {
            return Optional.empty();
        }
        String id = request.getParam(QUERY);
        io.vertx.core.http.Cookie value = request.getCookie(NAME);
        if (id == null || value == null) {
            return Optional.empty();
        }
        return cookie.openUnended(value.getValue()).map(CookieSeal.Opened::state)
                .filter(k -> k.id().equals(id) && k.page().equals(page) && Objects.equals(k.userId(), userId))
                .flatMap(this::shown);
    }

    private Optional<Shown> shown(Kept kept) {
        List<Refusal.Reason> reasons = new ArrayList<>();
        for (String name : kept.reasons()) {
            try {
                reasons.add(Refusal.Reason.valueOf(name));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // a reason of another version of the portal: a blank form
            }
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        Refusal refusal = Refusal.restored(reasons,
                kept.until() == null ? null : Instant.ofEpochSecond(kept.until()), kept.triesLeft(), kept.triesOfTheCode(),
                kept.usernameForms());
        Problem problem = refusals.problem(refusal);
        return Optional.of(new Shown(refusal, kept.field() == null ? problem : problem.about(kept.field()),
                kept.values() == null ? Map.of() : Map.copyOf(kept.values())));
    }

    /** The cookie that drops it. */
    public NewCookie clear() {
        return cookie.clear();
    }

    /**
     * A form that succeeded (a POST answered with a redirect that is not itself a refusal) drops a refusal this browser
     * still holds: it is over.
     */
    @ServerResponseFilter
    public void dropAfterASuccess(ContainerRequestContext request, ContainerResponseContext response) {
        if ("POST".equals(request.getMethod()) && response.getStatus() / 100 == 3
                && request.getCookies().containsKey(NAME) && !response.getCookies().containsKey(NAME)) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, clear());
        }
    }
}
