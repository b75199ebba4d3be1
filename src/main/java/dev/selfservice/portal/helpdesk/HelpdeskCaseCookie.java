package dev.selfservice.portal.helpdesk;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.SealedCookie;
import dev.selfservice.portal.web.StateKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The helpdesk case as a sealed cookie of its own kind (encrypted: it holds a contact's address), scoped to
 * {@code /helpdesk}, strict same-site, bound to the helpdesk person and sign-in session by its fields.
 */
@ApplicationScoped
public class HelpdeskCaseCookie {

    public static final String NAME = "helpdesk_case";

    @RegisterForReflection(registerFullHierarchy = true)
    record Held(String staffUserId, String sessionBinding, String employeeUserId, String employeeUsername,
            String codeContactId, PasswordlessChannel codeChannel, String codeAddress, long codeExpiresAt,
            long verifiedUntil) {
    }

    static final StateKind<Held> KIND = new StateKind<>(NAME, 1, Held.class);

    private final SealedCookie<Held> cookie;

    public HelpdeskCaseCookie(CookieSeal seal) {
        this.cookie = seal.cookie(KIND, "/helpdesk", NewCookie.SameSite.STRICT);
    }

    /** Kept for the working hour of a call; the verification inside ends much sooner, by its own field. */
    public NewCookie write(HelpdeskCase c, Instant now) {
        return cookie.write(now.plus(java.time.Duration.ofHours(1)), new Held(c.staffUserId(), c.sessionBinding(),
                c.employeeUserId(), c.employeeUsername(), c.codeContactId(), c.codeChannel(), c.codeAddress(),
                c.codeExpiresAt() == null ? 0 : c.codeExpiresAt().getEpochSecond(),
                c.verifiedUntil() == null ? 0 : c.verifiedUntil().getEpochSecond()));
    }

    public NewCookie clear() {
        return cookie.clear();
    }

    public Optional<HelpdeskCase> read(String value) {
        return cookie.openUnended(value).map(o -> o.state()).map(h -> new HelpdeskCase(h.staffUserId(),
                h.sessionBinding(), h.employeeUserId(), h.employeeUsername(), h.codeContactId(), h.codeChannel(),
                h.codeAddress(), h.codeExpiresAt() == 0 ? null : Instant.ofEpochSecond(h.codeExpiresAt()),
                h.verifiedUntil() == 0 ? null : Instant.ofEpochSecond(h.verifiedUntil())));
    }
}
