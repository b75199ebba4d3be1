package dev.selfservice.portal.password;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import dev.selfservice.portal.breach.BreachScreen;
import dev.selfservice.portal.state.Limit;
import dev.selfservice.portal.state.Limits;
import dev.selfservice.portal.web.ClientAddress;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code POST /password/rules}: the password pages' live checklist and strength, answered by the server's own
 * {@link PasswordPolicy}, so that what the page ticks is what the server will accept (the server still judges the
 * form). A form post with the page's CSRF token, like the form itself; the candidate is never logged or kept; the
 * answer is not cached. The names it checks against come from the page, which is only advice: the change itself
 * checks the account's real names.
 * <p>
 * It also says whether the candidate is known from a breach ({@code breach}), asked of {@link BreachScreen} in this
 * same request: one request per typing pause (the page's debounce), counted by the one limit below. Why here and not
 * in the browser (WebCrypto's SHA-1 prefix sent from the page, its suffixes compared by the script): the candidate
 * already reaches the portal in this very post for the policy, over the same TLS, and the portal must see it anyway to
 * set it, so a browser-side k-anonymity would hide it from no one who could not see it already; it would need a second
 * copy of the lookup in JavaScript (the offline file has no range to hand to the page), which could disagree with the
 * refusal; and {@code crypto.subtle} exists only in a secure context, so a page served over plain HTTP (a proxy that
 * ends TLS in front of a misconfigured host) would silently lose the check. Here the answer is the refusal's own
 * lookup, range API or file alike, and only the hash's first 5 hex characters leave the portal, as on a change.
 */
@Path("/password/rules")
public class PasswordRulesResource {

    private final PasswordPolicy policy;
    private final Limits limits;
    private final HttpServerRequest request;
    private final BreachScreen breaches;

    public PasswordRulesResource(PasswordPolicy policy, Limits limits, HttpServerRequest request,
            BreachScreen breaches) {
        this.breaches = breaches;
        this.policy = policy;
        this.limits = limits;
        this.request = request;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response rules(@RestForm String password, @RestForm String words) {
        if (!limits.take(Limit.PASSWORD_RULES_CHECKS_PER_ADDRESS, Objects.toString(ClientAddress.networkOf(request), ""))) {
            return Response.status(429).header("Cache-Control", "no-store").build();
        }
        String candidate = password == null ? "" : password.length() > 4 * policy.maxLength()
                ? password.substring(0, 4 * policy.maxLength()) : password;
        PasswordPolicy.Checklist c = policy.checklist(candidate,
                Arrays.asList(Objects.toString(words, "").split("\\s+")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("length", c.longEnough() && c.notTooLong());
        answer.put("complex", c.complex());
        answer.put("guessable", c.notGuessable() && c.noName());
        // screened only once it is long enough (the server refuses shorter ones anyway): the first characters typed
        // before a pause never cost a call to the breach list
        boolean screened = c.longEnough() && c.notTooLong();
        BreachScreen.Verdict breach = screened ? breaches.verdict(candidate) : null;
        answer.put("breach", breach == null ? "unchecked" : switch (breach) {
            case NOT_LISTED -> "clean";
            case LISTED -> "breached";
            case UNAVAILABLE -> "unavailable"; // never shown as clean: nothing is known
            case OFF -> "off";
        });
        // what the server would accept as the new password (the confirmation and current password aside)
        answer.put("acceptable", c.longEnough() && c.notTooLong() && c.complex() && c.notGuessable() && c.noName()
                && (breach == null || !breaches.refuses(breach)));
        answer.put("score", c.score());
        return Response.ok(answer).header("Cache-Control", "no-store").build();
    }
}
