package dev.selfservice.portal.password;

import java.time.Duration;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
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

    /**
     * Posts per address and page in {@link #WINDOW}: an employee fixing a refused password needs a handful; an office
     * behind one address has room for many.
     */
    static final int MAX_POSTS = 100;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final StateStore store;

    /** The share of one address on one page, for the tests of other packages. */
    public static int maxPosts() {
        return MAX_POSTS;
    }

    public PasswordPostLimit(StateStore store) {
        this.store = store;
    }

    /** Counts one post of {@code page} from the request's address, or refuses it when the address has had its share. */
    public void admit(String page, HttpServerRequest request) throws Refusal {
        if (!store.tryAcquire(StateKeys.of("password:posts", page, Objects.toString(ClientAddress.networkOf(request), "")),
                MAX_POSTS, WINDOW)) {
            throw new Refusal(Reason.TOO_MANY_PASSWORD_CHECKS);
        }
    }
}
