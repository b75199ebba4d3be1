package dev.selfservice.portal.password;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.portal.state.Limit;
import dev.selfservice.portal.state.Limits;
import dev.selfservice.portal.web.ClientAddress;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;
import io.vertx.core.http.HttpServerRequest;

/**
 * How often one address may post a new password to one page, counted before anything costly runs (the password
 * policy's estimate, the proof's account read, the directory): the pages where a stranger can post without signing in
 * are otherwise limited only per username or per proof, after that work is done.
 */
@ApplicationScoped
public class PasswordPostLimit {

    private final Limits limits;

    public PasswordPostLimit(Limits limits) {
        this.limits = limits;
    }

    /** Counts one post of {@code page} from the request's address, or refuses it when the address has had its share. */
    public void admit(String page, HttpServerRequest request) throws Refusal {
        if (!limits.take(Limit.PASSWORD_POSTS_PER_ADDRESS, page, Objects.toString(ClientAddress.networkOf(request), ""))) {
            throw new Refusal(Reason.TOO_MANY_PASSWORD_CHECKS);
        }
    }
}
