package dev.selfservice.portal.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.web.CookieSeal;
import io.quarkus.runtime.LaunchMode;

/**
 * The pending enrolment as a sealed cookie (it holds the address, so it is encrypted), scoped to
 * {@code /enrolment}, strict same-site, living no longer than the code.
 */
@ApplicationScoped
public class PendingEnrolmentCookie {

    public static final String NAME = "enrolment_pending";
    private static final String PATH = "/enrolment";

    private final CookieSeal seal;
    private final boolean secure = LaunchMode.current() == LaunchMode.NORMAL;
    private final Clock clock;

    public PendingEnrolmentCookie(CookieSeal seal, Clock clock) {
        this.seal = seal;
        this.clock = clock;
    }

    public NewCookie write(PendingEnrolment p) {
        String plain = String.join("\n", p.userId(), p.sessionBinding(), p.channel().name(), p.address(),
                String.valueOf(p.expiresAt().getEpochSecond()), String.valueOf(p.lastSentAt().getEpochSecond()));
        int maxAge = (int) Math.max(1, p.expiresAt().getEpochSecond() - clock.instant().getEpochSecond());
        return cookie(seal.seal(NAME, plain), maxAge);
    }

    public NewCookie clear() {
        return cookie("", 0);
    }

    public Optional<PendingEnrolment> read(String value) {
        return seal.open(NAME, value).flatMap(plain -> {
            String[] f = plain.split("\n", -1);
            try {
                return f.length != 6 ? Optional.empty() : Optional.of(new PendingEnrolment(f[0], f[1],
                        PasswordlessChannel.valueOf(f[2]), f[3], Instant.ofEpochSecond(Long.parseLong(f[4])),
                        Instant.ofEpochSecond(Long.parseLong(f[5]))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(NAME).value(value).path(PATH).maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
