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
 * The pending enrolment as a sealed cookie (it holds the address, so it is encrypted), scoped to
 * {@code /enrolment}, strict same-site, kept {@link SealedCookie#KEPT_AFTER_ITS_CODE} after its code ended, so that
 * a code typed late is answered on the code page with a new one at hand.
 */
@ApplicationScoped
public class PendingEnrolmentCookie {

    public static final String NAME = "enrolment_pending";

    /** What the cookie holds: {@link PendingEnrolment}, instants in seconds. */
    @RegisterForReflection(registerFullHierarchy = true)
    record PendingCode(String userId, String sessionBinding, PasswordlessChannel channel, String address,
            long expiresAt, long lastSentAt) {
    }

    static final StateKind<PendingCode> KIND = new StateKind<>(NAME, 2, PendingCode.class);

    private final SealedCookie<PendingCode> cookie;

    public PendingEnrolmentCookie(CookieSeal seal) {
        this.cookie = seal.cookie(KIND, "/enrolment", NewCookie.SameSite.STRICT);
    }

    public NewCookie write(PendingEnrolment p) {
        return cookie.write(p.expiresAt().plus(SealedCookie.KEPT_AFTER_ITS_CODE), new PendingCode(p.userId(),
                p.sessionBinding(), p.channel(), p.address(), p.expiresAt().getEpochSecond(),
                p.lastSentAt().getEpochSecond()));
    }

    public NewCookie clear() {
        return cookie.clear();
    }

    /** The pending enrolment, also when its code has expired (the code page says so), until the cookie itself ends. */
    public Optional<PendingEnrolment> read(String value) {
        return cookie.openUnended(value).map(o -> new PendingEnrolment(o.state().userId(), o.state().sessionBinding(),
                o.state().channel(), o.state().address(), Instant.ofEpochSecond(o.state().expiresAt()),
                Instant.ofEpochSecond(o.state().lastSentAt())));
    }
}
