package dev.selfservice.localtenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Have I Been Pwned's range API ({@code GET /range/{first 5 hex of the SHA-1}}), as api.pwnedpasswords.com answers it,
 * from a seeded list, so that dev mode and tests show a breached password refused with no internet: each line
 * {@code SUFFIX:COUNT} (the other 35 hex characters, upper case), and with {@code Add-Padding: true} enough entries of
 * count 0 to bring the answer to 800-1,000 lines, so that its size does not tell which prefix was asked. What it was
 * asked is kept for tests ({@code GET /test-controls/pwned-range}): the path and the padding header, nothing else.
 */
@ApplicationScoped
class PwnedPasswordsEndpoint implements TenantEndpoint {

    /**
     * The breached passwords the tenant knows. The first three pass every other rule of the portal's policy (long,
     * three kinds of characters, not in zxcvbn's dictionaries as a whole): only the breach screen refuses them.
     */
    static final List<String> BREACHED = List.of(
            "Nimbus-Quartz-Tangelo-83",
            "Granite!Falcon!Meadow!41",
            "Quokka-Basalt-Juniper-47",
            "P@ssw0rd",
            "Password123!",
            "Summer2024!");

    /** What the range API was asked: its path, and its {@code Add-Padding} header (null when absent). */
    record Asked(String path, String padding) {
    }

    private static final int MAX_ASKED = 1_000;

    /** SHA-1 prefix (5 hex) to its suffixes and counts, as the real list has them. */
    private final Map<String, Map<String, Integer>> ranges = new TreeMap<>();
    private final ConcurrentLinkedDeque<Asked> asked = new ConcurrentLinkedDeque<>();

    PwnedPasswordsEndpoint() {
        int count = 52_311;
        for (String password : BREACHED) {
            String hash = sha1(password);
            ranges.computeIfAbsent(hash.substring(0, 5), k -> new TreeMap<>()).put(hash.substring(5), count);
            count = count / 3 + 17;
        }
    }

    @Override
    public void register(Router router) {
        router.get("/range/:prefix").handler(this::range);
    }

    private void range(RoutingContext ctx) {
        String padding = ctx.request().getHeader("Add-Padding");
        if (asked.size() < MAX_ASKED) {
            asked.add(new Asked(ctx.request().uri(), padding));
        }
        String prefix = ctx.pathParam("prefix");
        if (prefix == null || !prefix.matches("[0-9A-Fa-f]{5}")) {
            // HIBP's own answer to anything but five hex characters
            ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain")
                    .end("The hash prefix was not in a valid format");
            return;
        }
        Map<String, Integer> known = ranges.getOrDefault(prefix.toUpperCase(java.util.Locale.ROOT), Map.of());
        Map<String, Integer> lines = new TreeMap<>(known);
        if ("true".equalsIgnoreCase(padding)) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int total = 800 + random.nextInt(201);
            while (lines.size() < total) {
                byte[] bytes = new byte[18];
                random.nextBytes(bytes);
                lines.putIfAbsent(HexFormat.of().withUpperCase().formatHex(bytes).substring(0, 35), 0);
            }
        }
        StringBuilder body = new StringBuilder(lines.size() * 40);
        lines.forEach((suffix, n) -> body.append(suffix).append(':').append(n).append("\r\n"));
        ctx.response().setStatusCode(200).putHeader("Content-Type", "text/plain")
                .putHeader("Cache-Control", "public, max-age=2678400").end(body.toString());
    }

    List<Asked> asked() {
        return List.copyOf(asked);
    }

    void reset() {
        asked.clear();
    }

    static String sha1(String password) {
        try {
            return HexFormat.of().withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }
}
