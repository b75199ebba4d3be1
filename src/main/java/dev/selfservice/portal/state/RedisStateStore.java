package dev.selfservice.portal.state;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;

/**
 * The state store shared by every replica: Redis, through quarkus-redis-client. Each operation is one Lua script,
 * which Redis runs atomically, so a count and its check, or a claim and its test, cannot interleave with another
 * replica's. The scripts are written here because Redis has no single command for a sliding window with a ceiling,
 * and a fixed INCR window would let twice the limit through at its edge. Times come from the portal's clock (as in
 * the in-memory store); Redis's own expiry only removes keys that nothing reads any more.
 * <p>
 * A key reaches Redis as its purpose and an HMAC-SHA256 of the whole key under a key derived from the session secret:
 * {@link StateKeys} hashes usernames, addresses and IPs, but an unkeyed hash of a username or an IP is reversed by
 * hashing guesses, while this one cannot be computed without the secret.
 */
final class RedisStateStore implements StateStore {

    private static final String PREFIX = "ssp:";

    /** KEYS[1] window; ARGV now, window ms, max, a unique member. Returns 1 when counted. */
    private static final String ACQUIRE = """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;

    /** KEYS[1] window; ARGV now, window ms. Returns the count in the window. */
    private static final String COUNT = """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
            return redis.call('ZCARD', KEYS[1])
            """;

    /** KEYS[1] window; ARGV now, window ms. Returns the oldest event's time in the window, or -1. */
    private static final String OLDEST = """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
            local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            if #first == 0 then return -1 end
            return tonumber(first[2])
            """;

    /** KEYS[1] claim; ARGV now, until, ttl ms. Returns 1 when taken. */
    private static final String CLAIM = """
            local held = redis.call('GET', KEYS[1])
            if held and tonumber(string.match(held, '^[0-9]+')) > tonumber(ARGV[1]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """;

    /** KEYS[1] lock; ARGV now, until, ttl ms, holder. Returns 1 when taken. The value is "until:holder". */
    private static final String LOCK = """
            local held = redis.call('GET', KEYS[1])
            if held and tonumber(string.match(held, '^[0-9]+')) > tonumber(ARGV[1]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[2] .. ':' .. ARGV[4], 'PX', ARGV[3])
            return 1
            """;

    /** KEYS[1] lock; ARGV holder. Deletes the lock only when the holder holds it (as Redisson's unlock). */
    private static final String UNLOCK = """
            local held = redis.call('GET', KEYS[1])
            local at = held and string.find(held, ':', 1, true)
            if at and string.sub(held, at + 1) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    /** KEYS[1] lock; ARGV now, until, ttl ms, holder. Returns 1 when the holder held it and now holds it until then. */
    private static final String RENEW = """
            local held = redis.call('GET', KEYS[1])
            local at = held and string.find(held, ':', 1, true)
            if not at or string.sub(held, at + 1) ~= ARGV[4] then return 0 end
            if tonumber(string.sub(held, 1, at - 1)) <= tonumber(ARGV[1]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[2] .. ':' .. ARGV[4], 'PX', ARGV[3])
            return 1
            """;

    /** KEYS[1] list; ARGV entry ("added ms:entry"), max, keep ms. Newest first, trimmed, expiring with its newest. */
    private static final String PUSH = """
            redis.call('LPUSH', KEYS[1], ARGV[1])
            redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """;

    private final RedisDataSource redis;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final javax.crypto.spec.SecretKeySpec keyOfKeys;

    RedisStateStore(RedisDataSource redis, Clock clock, String secret) {
        this.redis = redis;
        this.clock = clock;
        // a key of its own, derived from the secret, so that it serves no other purpose of the secret
        this.keyOfKeys = new javax.crypto.spec.SecretKeySpec(
                hmac(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"),
                        "state store keys"), "HmacSHA256");
    }

    /** The key as Redis holds it: its purpose in the clear (for an operator's eye), the rest an HMAC. */
    String redisKey(String key) {
        int end = key.lastIndexOf(':');
        String purpose = end < 0 ? "" : key.substring(0, end + 1);
        return PREFIX + purpose + HexFormat.of().formatHex(hmac(keyOfKeys, key), 0, 16);
    }

    private static byte[] hmac(javax.crypto.spec.SecretKeySpec key, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean tryAcquire(String key, int max, Duration window) {
        byte[] id = new byte[8];
        random.nextBytes(id);
        long now = clock.millis();
        return eval(ACQUIRE, key, String.valueOf(now), String.valueOf(window.toMillis()), String.valueOf(max),
                now + ":" + HexFormat.of().formatHex(id)).toLong() == 1;
    }

    @Override
    public void giveBack(String key) {
        call("ZPOPMAX", redisKey(key));
    }

    @Override
    public int count(String key, Duration window) {
        return eval(COUNT, key, String.valueOf(clock.millis()), String.valueOf(window.toMillis())).toInteger();
    }

    @Override
    public java.util.Optional<java.time.Instant> oldest(String key, Duration window) {
        long oldest = eval(OLDEST, key, String.valueOf(clock.millis()), String.valueOf(window.toMillis())).toLong();
        return oldest < 0 ? java.util.Optional.empty() : java.util.Optional.of(java.time.Instant.ofEpochMilli(oldest));
    }

    @Override
    public boolean claim(String key, Duration ttl) {
        long now = clock.millis();
        long ttlMillis = Math.max(1, ttl.toMillis());
        return eval(CLAIM, key, String.valueOf(now), String.valueOf(now + ttlMillis), String.valueOf(ttlMillis)).toLong() == 1;
    }

    @Override
    public boolean claim(String key, String holder, Duration ttl) {
        return lockScript(LOCK, key, holder, ttl);
    }

    @Override
    public boolean release(String key, String holder) {
        return eval(UNLOCK, key, holder).toLong() == 1;
    }

    @Override
    public boolean renew(String key, String holder, Duration ttl) {
        return lockScript(RENEW, key, holder, ttl);
    }

    /** Runs a lock's script (ARGV now, until, ttl ms, holder): true when it answered 1. */
    private boolean lockScript(String script, String key, String holder, Duration ttl) {
        long now = clock.millis();
        long ttlMillis = Math.max(1, ttl.toMillis());
        return eval(script, key, String.valueOf(now), String.valueOf(now + ttlMillis), String.valueOf(ttlMillis), holder)
                .toLong() == 1;
    }

    @Override
    public boolean isClaimed(String key) {
        Response held = call("GET", redisKey(key));
        if (held == null) {
            return false;
        }
        String value = held.toString();
        int holder = value.indexOf(':');
        return Long.parseLong(holder < 0 ? value : value.substring(0, holder)) > clock.millis();
    }

    @Override
    public void release(String key) {
        call("DEL", redisKey(key));
    }

    @Override
    public void putInstant(String key, java.time.Instant value, Duration ttl) {
        // the value and its end, so that expiry follows the portal's clock as everything else here does
        call("SET", redisKey(key), value.toEpochMilli() + ":" + (clock.millis() + ttl.toMillis()), "PX",
                String.valueOf(Math.max(1, ttl.toMillis())));
    }

    @Override
    public java.util.Optional<java.time.Instant> instant(String key) {
        Response held = call("GET", redisKey(key));
        if (held == null) {
            return java.util.Optional.empty();
        }
        String[] parts = held.toString().split(":");
        return parts.length == 2 && Long.parseLong(parts[1]) > clock.millis()
                ? java.util.Optional.of(java.time.Instant.ofEpochMilli(Long.parseLong(parts[0])))
                : java.util.Optional.empty();
    }

    @Override
    public void schedule(String agenda, String member, java.time.Instant due) {
        call("ZADD", redisKey(agenda), String.valueOf(due.toEpochMilli()), member);
    }

    @Override
    public java.util.List<String> due(String agenda, java.time.Instant upTo, int max) {
        Response members = call("ZRANGEBYSCORE", redisKey(agenda), "-inf", String.valueOf(upTo.toEpochMilli()), "LIMIT", "0",
                String.valueOf(max));
        java.util.List<String> due = new java.util.ArrayList<>();
        if (members != null) {
            members.forEach(m -> due.add(m.toString()));
        }
        return due;
    }

    @Override
    public void unschedule(String agenda, String member) {
        call("ZREM", redisKey(agenda), member);
    }

    @Override
    public void push(String key, String entry, int max, Duration keep) {
        eval(PUSH, key, clock.millis() + ":" + entry, String.valueOf(max), String.valueOf(Math.max(1, keep.toMillis())));
    }

    @Override
    public java.util.List<Kept> recent(String key, Duration keep) {
        long since = clock.millis() - keep.toMillis();
        Response kept = call("LRANGE", redisKey(key), "0", "-1");
        java.util.List<Kept> recent = new java.util.ArrayList<>();
        if (kept != null) {
            kept.forEach(k -> {
                String value = k.toString();
                int at = value.indexOf(':');
                long added = Long.parseLong(value.substring(0, at));
                // Redis expires the list by its newest entry; older ones leave here, by the portal's clock
                if (added > since) {
                    recent.add(new Kept(java.time.Instant.ofEpochMilli(added), value.substring(at + 1)));
                }
            });
        }
        return recent;
    }

    @Override
    public Reachability ping() {
        try {
            Response pong = redis.execute("PING");
            return pong != null && "PONG".equalsIgnoreCase(pong.toString()) ? Reachability.ANSWERS : Reachability.SILENT;
        } catch (RuntimeException e) {
            return refusal(e) ? Reachability.REFUSES : Reachability.SILENT;
        }
    }

    /** Whether Redis answered with an authentication error: NOAUTH (no password sent), WRONGPASS, or an older ERR. */
    private static boolean refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("NOAUTH") || message.startsWith("WRONGPASS") || message.startsWith("ERR invalid password")
                    || message.contains("AUTH <password> called without any password configured")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String kind() {
        return "Redis (shared by every replica)";
    }

    private Response eval(String script, String key, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = script;
        command[1] = "1";
        command[2] = redisKey(key);
        System.arraycopy(args, 0, command, 3, args.length);
        return call("EVAL", command);
    }

    private Response call(String command, String... args) {
        try {
            return redis.execute(command, args);
        } catch (RuntimeException e) {
            throw new StateUnavailable(e);
        }
    }
}
