package dev.selfservice.portal.nudge;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.enrolment.PendingEnrolment;
import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.SealedCookie;
import dev.selfservice.portal.web.StateKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The nudge between its steps, as a sealed cookie of its own kind: the verified token's subject and the login's state
 * (so nothing in a later request names the employee or the login), what the token said about the password, the
 * snoozes, and the enrolment waiting for its code, if any. Scoped to {@code /nudge}; Lax, not Strict, because the
 * first page is reached by a redirect from the tenant, another site.
 */
@ApplicationScoped
public class NudgeCookie {

    public static final String NAME = "nudge";

    /**
     * What the cookie holds; instants in seconds, but the token's {@code iat} (the tenant's clock) and when the portal
     * took the token (its own clock) in milliseconds; the channel is null until a code was sent.
     */
    @RegisterForReflection(registerFullHierarchy = true)
    record Step(String subject, String state, long authTime, boolean passwordEntered, int snoozes, long issuedAt,
            long arrivedAt, PasswordlessChannel channel, String address, long codeExpiresAt, long lastSentAt) {
    }

    static final StateKind<Step> KIND = new StateKind<>(NAME, 1, Step.class);

    /** One nudge: who, which login, and the enrolment waiting for its code. */
    public record Nudged(String subject, String state, Instant authTime, boolean passwordEntered, int snoozes,
            Instant issuedAt, Instant arrivedAt, Optional<PendingEnrolment> pending, Instant until) {

        /** The binding the enrolment service keeps a pending enrolment to: this nudge of this login. */
        public String binding() {
            return "nudge:" + state;
        }
    }

    private final SealedCookie<Step> cookie;

    public NudgeCookie(CookieSeal seal) {
        this.cookie = seal.cookie(KIND, "/nudge", NewCookie.SameSite.LAX);
    }

    public NewCookie write(NudgeTokens.Nudge nudge, Instant arrivedAt, Instant until) {
        return cookie.write(until, new Step(nudge.subject(), nudge.state(), nudge.authTime().getEpochSecond(),
                nudge.passwordEntered(), nudge.snoozes(), nudge.issuedAt().toEpochMilli(), arrivedAt.toEpochMilli(),
                null, null, 0, 0));
    }

    /** The same nudge with the enrolment that now waits for its code. */
    public NewCookie write(Nudged nudged, PendingEnrolment pending) {
        return cookie.write(nudged.until(), new Step(nudged.subject(), nudged.state(), nudged.authTime().getEpochSecond(),
                nudged.passwordEntered(), nudged.snoozes(), nudged.issuedAt().toEpochMilli(),
                nudged.arrivedAt().toEpochMilli(), pending.channel(), pending.address(),
                pending.expiresAt().getEpochSecond(), pending.lastSentAt().getEpochSecond()));
    }

    public NewCookie clear() {
        return cookie.clear();
    }

    public Optional<Nudged> read(String value) {
        return cookie.openUnended(value).map(o -> {
            Step s = o.state();
            Optional<PendingEnrolment> pending = s.channel() == null ? Optional.empty()
                    : Optional.of(new PendingEnrolment(s.subject(), "nudge:" + s.state(), s.channel(), s.address(),
                            Instant.ofEpochSecond(s.codeExpiresAt()), Instant.ofEpochSecond(s.lastSentAt())));
            return new Nudged(s.subject(), s.state(), Instant.ofEpochSecond(s.authTime()), s.passwordEntered(),
                    s.snoozes(), Instant.ofEpochMilli(s.issuedAt()), Instant.ofEpochMilli(s.arrivedAt()), pending, o.until());
        });
    }
}
