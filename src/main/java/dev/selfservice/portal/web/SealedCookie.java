package dev.selfservice.portal.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.NewCookie;

import io.quarkus.runtime.LaunchMode;

/**
 * One kind of sealed cookie, made by {@link CookieSeal#cookie}: its name (also the seal's purpose, so a value sealed
 * for one cookie opens for no other), path and same-site rule, always HTTP-only and, in production, secure. Its value
 * holds fields and the instant it ends: the browser is asked to drop it then (Max-Age), and the portal's clock decides
 * whether it still counts, since a copied value would otherwise open for ever.
 */
public final class SealedCookie {

    /** The layout of the fields: fields, then the end; raise it when a cookie's fields change. */
    private static final int LAYOUT = 2;

    /** Secure everywhere but dev mode and tests, which run on plain http://localhost. */
    private static final boolean SECURE = LaunchMode.current() == LaunchMode.NORMAL;

    /** What a cookie held: its fields, and the instant it ends. */
    public record Opened(List<String> fields, Instant until) {

        public String get(int field) {
            return fields.get(field);
        }

        public Instant instant(int field) {
            return Instant.ofEpochSecond(Long.parseLong(fields.get(field)));
        }
    }

    private final CookieSeal seal;
    private final Clock clock;
    private final String name;
    private final String path;
    private final NewCookie.SameSite sameSite;

    SealedCookie(CookieSeal seal, Clock clock, String name, String path, NewCookie.SameSite sameSite) {
        this.seal = seal;
        this.clock = clock;
        this.name = name;
        this.path = path;
        this.sameSite = sameSite;
    }

    public String name() {
        return name;
    }

    /** The cookie holding these fields until {@code until}; no field may hold a line break, which separates them. */
    public NewCookie write(Instant until, String... fields) {
        return build(sealed(until, fields), maxAge(until));
    }

    /**
     * The same cookie for a response that JAX-RS does not build (a quarkus-oidc redirect filter writes to Vert.x's
     * response), with the same attributes.
     */
    public io.vertx.core.http.Cookie writeForVertx(Instant until, String... fields) {
        return io.vertx.core.http.Cookie.cookie(name, sealed(until, fields)).setPath(path).setMaxAge(maxAge(until))
                .setHttpOnly(true).setSecure(SECURE)
                .setSameSite(io.vertx.core.http.CookieSameSite.valueOf(sameSite.name()));
    }

    private String sealed(Instant until, String... fields) {
        List<String> all = new java.util.ArrayList<>(java.util.Arrays.asList(fields));
        all.add(String.valueOf(until.getEpochSecond()));
        return seal.sealFields(purpose(), all);
    }

    private int maxAge(Instant until) {
        long maxAge = Math.max(1, until.getEpochSecond() - clock.instant().getEpochSecond());
        return (int) Math.min(Integer.MAX_VALUE, maxAge);
    }

    /**
     * The seal's purpose: the cookie's name and the layout of its fields, so that during a rolling update a value
     * of the other layout opens as nothing (the step starts again) instead of as fields in the wrong places.
     */
    private String purpose() {
        return name + "/" + LAYOUT;
    }

    /** The cookie that makes the browser drop it. */
    public NewCookie clear() {
        return build("", 0);
    }

    /**
     * What a value sealed by this portal for this cookie held, ended or not (for state whose end the caller reports,
     * such as an expired code), read by {@code parse}; empty for anything else, including fields {@code parse} refuses
     * with an IllegalArgumentException.
     */
    public <T> Optional<T> open(String value, int fields, Function<Opened, T> parse) {
        return seal.openFields(purpose(), value, fields + 1).flatMap(f -> {
            try {
                Opened opened = new Opened(f.subList(0, fields), Instant.ofEpochSecond(Long.parseLong(f.get(fields))));
                return Optional.ofNullable(parse.apply(opened));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** The same, and only while it has not ended by the portal's clock. */
    public <T> Optional<T> openUnended(String value, int fields, Function<Opened, T> parse) {
        return open(value, fields, opened -> clock.instant().isBefore(opened.until()) ? parse.apply(opened) : null);
    }

    private NewCookie build(String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge(maxAge).httpOnly(true).secure(SECURE)
                .sameSite(sameSite).build();
    }
}
