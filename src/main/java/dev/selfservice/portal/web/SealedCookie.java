package dev.selfservice.portal.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.NewCookie;

import io.quarkus.runtime.LaunchMode;

/**
 * One kind of sealed cookie, made by {@link CookieSeal#cookie}: named as its {@link StateKind} (whose name also chooses
 * the key, so a value sealed for one cookie opens for no other), with its path and same-site rule, always HTTP-only
 * and, in production, secure. Its value holds the kind's record, the kind's version and the instant it ends: the
 * browser is asked to drop it then (Max-Age), and the portal's clock decides whether it still counts, since a copied
 * value would otherwise open for ever. A value of another version of the kind (a rolling update) opens as nothing, as
 * a missing cookie does: the step starts again.
 */
public final class SealedCookie<T extends Record> {

    /**
     * How long a step waiting for a one-time code is kept after its code ended: a browser that dropped it with the code
     * would answer the right code typed a minute late with a blank first page; kept, the code page says the code
     * expired and sends a new one for what was typed. An hour, the window of the wrong-code limits.
     */
    public static final java.time.Duration KEPT_AFTER_ITS_CODE = java.time.Duration.ofHours(1);

    /** Secure everywhere but dev mode and tests, which run on plain http://localhost. */
    private static final boolean SECURE = LaunchMode.current() == LaunchMode.NORMAL;

    private final CookieSeal seal;
    private final Clock clock;
    private final StateKind<T> kind;
    private final String path;
    private final NewCookie.SameSite sameSite;

    SealedCookie(CookieSeal seal, Clock clock, StateKind<T> kind, String path, NewCookie.SameSite sameSite) {
        this.seal = seal;
        this.clock = clock;
        this.kind = kind;
        this.path = path;
        this.sameSite = sameSite;
    }

    public String name() {
        return kind.name();
    }

    /** The cookie holding {@code state} until {@code until}. */
    public NewCookie write(Instant until, T state) {
        return build(seal.seal(kind, state, until), maxAge(until));
    }

    /**
     * The same cookie for a response that JAX-RS does not build (a quarkus-oidc redirect filter writes to Vert.x's
     * response), with the same attributes.
     */
    public io.vertx.core.http.Cookie writeForVertx(Instant until, T state) {
        return io.vertx.core.http.Cookie.cookie(name(), seal.seal(kind, state, until)).setPath(path)
                .setMaxAge(maxAge(until)).setHttpOnly(true).setSecure(SECURE)
                .setSameSite(io.vertx.core.http.CookieSameSite.valueOf(sameSite.name()));
    }

    private int maxAge(Instant until) {
        long maxAge = Math.max(1, until.getEpochSecond() - clock.instant().getEpochSecond());
        return (int) Math.min(Integer.MAX_VALUE, maxAge);
    }

    /** The cookie that makes the browser drop it. */
    public NewCookie clear() {
        return build("", 0);
    }

    /**
     * What a value sealed by this portal for this cookie, in this version of its kind, held, ended or not (for state
     * whose end the caller reports, such as an expired code); empty for anything else.
     */
    public Optional<CookieSeal.Opened<T>> open(String value) {
        return seal.open(kind, value).filter(opened -> opened.until() != null);
    }

    /** The same, and only while it has not ended by the portal's clock. */
    public Optional<CookieSeal.Opened<T>> openUnended(String value) {
        return open(value).filter(opened -> clock.instant().isBefore(opened.until()));
    }

    private NewCookie build(String value, int maxAge) {
        return new NewCookie.Builder(name()).value(value).path(path).maxAge(maxAge).httpOnly(true).secure(SECURE)
                .sameSite(sameSite).build();
    }
}
