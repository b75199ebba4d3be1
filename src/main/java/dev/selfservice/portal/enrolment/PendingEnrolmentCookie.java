package dev.selfservice.portal.enrolment;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.SealedCookie;

/**
 * The pending enrolment as a sealed cookie (it holds the address, so it is encrypted), scoped to
 * {@code /enrolment}, strict same-site, living no longer than the code.
 */
@ApplicationScoped
public class PendingEnrolmentCookie {

    public static final String NAME = "enrolment_pending";

    private final SealedCookie cookie;

    public PendingEnrolmentCookie(CookieSeal seal) {
        this.cookie = seal.cookie(NAME, "/enrolment", NewCookie.SameSite.STRICT);
    }

    public NewCookie write(PendingEnrolment p) {
        return cookie.write(p.expiresAt(), p.userId(), p.sessionBinding(), p.channel().name(), p.address(),
                String.valueOf(p.lastSentAt().getEpochSecond()));
    }

    public NewCookie clear() {
        return cookie.clear();
    }

    /** The pending enrolment, also when its code has expired: the confirmation says so. */
    public Optional<PendingEnrolment> read(String value) {
        return cookie.open(value, 5, f -> new PendingEnrolment(f.get(0), f.get(1), PasswordlessChannel.valueOf(f.get(2)),
                f.get(3), f.until(), f.instant(4)));
    }
}
