package dev.selfservice.portal.nudge;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.enrolment.PendingConfirmation;
import dev.selfservice.portal.enrolment.PendingEnrolment;
import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.SealedCookie;
import dev.selfservice.portal.web.StateKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The nudge between its steps, as a sealed cookie of its own kind: the verified token's subject and the login's state
 * (so nothing in a later request names the employee or the login), what the token said about the password, the
 * snoozes, whether the Action sent the employee to re-confirm a contact, and the enrolment or confirmation waiting for
 * its code, if any. Scoped to {@code /nudge}; Lax, not Strict, because the
 * first page is reached by a redirect from the tenant, another site.
 */
@ApplicationScoped
public class NudgeCookie {

    public static final String NAME = "nudge";

    /**
     * What the cookie holds; instants in seconds, but the token's {@code iat} (the tenant's clock) and when the portal
     * took the token (its own clock) in milliseconds; the channel is null until a code was sent; the contact id is
     * null unless that code confirms an existing contact ("is this still yours?") rather than adding one.
     */
    @RegisterForReflection(registerFullHierarchy = true)
    record Step(String subject, String state, long authTime, boolean passwordEntered, int snoozes, long issuedAt,
            long arrivedAt, boolean reconfirm, PasswordlessChannel channel, String address, String contactId,
            long codeExpiresAt, long lastSentAt) {
    }

    /** Version 2: {@code reconfirm} and {@code contactId} came. */
    static final StateKind<Step> KIND = new StateKind<>(NAME, 2, Step.class);

    /** One nudge: who, which login, and the enrolment or the confirmation waiting for its code. */
    public record Nudged(String subject, String state, Instant authTime, boolean passwordEntered, int snoozes,
            Instant issuedAt, Instant arrivedAt, boolean reconfirm, Optional<PendingEnrolment> pending,
            Optional<PendingConfirmation> confirming, Instant until) {

        /** The binding the enrolment service keeps a pending enrolment to: this nudge of this login. */
        public String binding() {
            return "nudge:" + state;
        }
    }

    /** The signed answer's way back to the tenant's {@code /continue}, between the last post and {@code /nudge/back}. */
    @RegisterForReflection(registerFullHierarchy = true)
    record Back(String url) {
    }

    static final StateKind<Back> BACK_KIND = new StateKind<>("nudge_back", 1, Back.class);

    private final SealedCookie<Step> cookie;
    private final SealedCookie<Back> back;

    public NudgeCookie(CookieSeal seal) {
        this.cookie = seal.cookie(KIND, "/nudge", NewCookie.SameSite.LAX);
        this.back = seal.cookie(BACK_KIND, "/nudge", NewCookie.SameSite.STRICT);
    }

    /** The way back to the tenant, sealed (it holds the signed answer), until the answer expires. */
    public NewCookie writeBack(java.net.URI continueUrl, Instant until) {
        return back.write(until, new Back(continueUrl.toString()));
    }

    public Optional<java.net.URI> readBack(String value) {
        return back.openUnended(value).map(o -> java.net.URI.create(o.state().url()));
    }

    public NewCookie write(NudgeTokens.Nudge nudge, Instant arrivedAt, Instant until) {
        return cookie.write(until, new Step(nudge.subject(), nudge.state(), nudge.authTime().getEpochSecond(),
                nudge.passwordEntered(), nudge.snoozes(), nudge.issuedAt().toEpochMilli(), arrivedAt.toEpochMilli(),
                nudge.reconfirm(), null, null, null, 0, 0));
    }

    /** The same nudge with the enrolment that now waits for its code. */
    public NewCookie write(Nudged nudged, PendingEnrolment pending) {
        return write(nudged, pending.channel(), pending.address(), null, pending.expiresAt(), pending.lastSentAt());
    }

    /** The same nudge with the confirmation of an existing contact that now waits for its code. */
    public NewCookie write(Nudged nudged, PendingConfirmation confirming) {
        return write(nudged, confirming.channel(), confirming.address(), confirming.contactId(),
                confirming.expiresAt(), confirming.lastSentAt());
    }

    private NewCookie write(Nudged nudged, PasswordlessChannel channel, String address, String contactId,
            Instant codeExpiresAt, Instant lastSentAt) {
        return cookie.write(nudged.until(), new Step(nudged.subject(), nudged.state(), nudged.authTime().getEpochSecond(),
                nudged.passwordEntered(), nudged.snoozes(), nudged.issuedAt().toEpochMilli(),
                nudged.arrivedAt().toEpochMilli(), nudged.reconfirm(), channel, address, contactId,
                codeExpiresAt.getEpochSecond(), lastSentAt.getEpochSecond()));
    }

    public NewCookie clear() {
        return cookie.clear();
    }

    public Optional<Nudged> read(String value) {
        return cookie.openUnended(value).map(o -> {
            Step s = o.state();
            String binding = "nudge:" + s.state();
            Instant expires = Instant.ofEpochSecond(s.codeExpiresAt());
            Instant sent = Instant.ofEpochSecond(s.lastSentAt());
            Optional<PendingEnrolment> pending = s.channel() == null || s.contactId() != null ? Optional.empty()
                    : Optional.of(new PendingEnrolment(s.subject(), binding, s.channel(), s.address(), expires, sent));
            Optional<PendingConfirmation> confirming = s.channel() == null || s.contactId() == null ? Optional.empty()
                    : Optional.of(new PendingConfirmation(s.subject(), binding, s.contactId(), s.channel(), s.address(),
                            expires, sent));
            return new Nudged(s.subject(), s.state(), Instant.ofEpochSecond(s.authTime()), s.passwordEntered(),
                    s.snoozes(), Instant.ofEpochMilli(s.issuedAt()), Instant.ofEpochMilli(s.arrivedAt()),
                    s.reconfirm(), pending, confirming, o.until());
        });
    }
}
