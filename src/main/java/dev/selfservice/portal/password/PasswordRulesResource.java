package dev.selfservice.portal.password;

import java.time.Duration;
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

import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.portal.web.ClientAddress;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code POST /password/rules}: the password pages' live checklist and strength, answered by the server's own
 * {@link PasswordPolicy}, so that what the page ticks is what the server will accept (the server still judges the
 * form). A form post with the page's CSRF token, like the form itself; the candidate is never logged or kept; the
 * answer is not cached. The names it checks against come from the page, which is only advice: the change itself
 * checks the account's real names.
 */
@Path("/password/rules")
public class PasswordRulesResource {

    /** Checks per address in ten minutes: a person typing, debounced, never needs more. */
    static final int MAX_CHECKS = 300;

    private final PasswordPolicy policy;
    private final StateStore store;
    private final HttpServerRequest request;

    public PasswordRulesResource(PasswordPolicy policy, StateStore store, HttpServerRequest request) {
        this.policy = policy;
        this.store = store;
        this.request = request;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response rules(@RestForm String password, @RestForm String words) {
        if (!store.tryAcquire(StateKeys.of("password:rules", Objects.toString(ClientAddress.of(request), "")),
                MAX_CHECKS, Duration.ofMinutes(10))) {
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
        // what the server would accept as the new password (the confirmation and current password aside)
        answer.put("acceptable", c.longEnough() && c.notTooLong() && c.complex() && c.notGuessable() && c.noName());
        answer.put("score", c.score());
        return Response.ok(answer).header("Cache-Control", "no-store").build();
    }
}
