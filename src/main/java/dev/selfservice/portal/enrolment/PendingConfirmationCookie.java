package dev.selfservice.portal.enrolment;

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
 * The pending confirmation as a sealed cookie of its own kind (it holds the address, so it is encrypted; a pending
 * enrolment cannot be passed off as one), scoped to {@code /enrolment}, kept after its code ended as the enrolment's is.
 */
@ApplicationScoped
public class PendingConfirmationCookie {

    public static final String NAME = "enrolment_confirm";

    @RegisterForReflection(registerFullHierarchy = true)
    record PendingCode(String userId, String sessionBinding, String contactId, PasswordlessChannel channel,
            String address, long expiresAt, long lastSentAt) {
    }

    static final StateKind<PendingCode> KIND = new StateKind<>(NAME, 1, PendingCode.class);

    private final SealedCookie<PendingCode> cookie;

    public PendingConfirmationCookie(CookieSeal seal) {
        this.cookie = seal.cookie(KIND, "/enrolment", NewCookie.SameSite.STRICT);
    }

    public NewCookie write(PendingConfirmation p) {
        return cookie.write(p.expiresAt().plus(SealedCookie.KEPT_AFTER_ITS_CODE), new PendingCode(p.userId(),
                p.sessionBinding(), p.contactId(), p.channel(), p.address(), p.expiresAt().getEpochSecond(),
                p.lastSentAt().getEpochSecond()));
    }

    public NewCookie clear() {
        return cookie.clear();
    }

    public Optional<PendingConfirmation> read(String value) {
        return cookie.openUnended(value).map(o -> new PendingConfirmation(o.state().userId(),
                o.state().sessionBinding(), o.state().contactId(), o.state().channel(), o.state().address(),
                Instant.ofEpochSecond(o.state().expiresAt()), Instant.ofEpochSecond(o.state().lastSentAt())));
    }
}
