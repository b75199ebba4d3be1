package dev.selfservice.portal.state;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * The state store of one replica (dev mode, tests, a single instance): Caffeine caches whose entries expire with their
 * window, claim or instant, so that every username, contact and address ever tried does not stay in the heap. Each
 * operation is one atomic {@code compute} on its key.
 * <p>
 * Nothing is ever evicted to make room. An evicted claim would let a spent proof act again, an evicted
 * {@code session:ended} mark or {@code sessions:valid-after} time would let an ended session back in, and an evicted
 * counter would give an attacker fresh tries; and anyone can make new keys (a recovery start under a made-up name). So
 * claims and instants are kept for their whole lifetime, whatever comes, and it is the new counters that are refused
 * once {@code maxEntries} keys are held: the request that wanted one gets the "try again" page ({@link StateUnavailable})
 * and {@code portal.state.refused} counts it. Claims need no bound of their own: each is made behind a counter, a
 * verified code or a signed-in session. The bound is soft by a few keys under parallel requests, never by more.
 */
final class InMemoryStateStore implements StateStore {

    /** An entry: the times of counted events (a window) or the end of a claim. */
    private sealed interface Entry permits Window, Claim, Value, History {
        long keepNanos(long nowMillis);
    }

    private record Window(Deque<Long> times, long windowMillis) implements Entry {
        @Override
        public long keepNanos(long nowMillis) {
            long newest = times.isEmpty() ? nowMillis : times.peekLast();
            return Math.max(0, newest + windowMillis - nowMillis) * 1_000_000L;
        }
    }

    /** A claim; a lock's claim names its holder, so that only the holder can give it back. */
    private record Claim(long untilMillis, String holder) implements Entry {
        @Override
        public long keepNanos(long nowMillis) {
            return Math.max(0, untilMillis - nowMillis) * 1_000_000L;
        }
    }

    private record Value(long epochMillis, long untilMillis) implements Entry {
        @Override
        public long keepNanos(long nowMillis) {
            return Math.max(0, untilMillis - nowMillis) * 1_000_000L;
        }
    }

    /** A bounded list, newest first: it goes when its newest entry is older than it keeps entries for. */
    private record History(Deque<Kept> kept, long keepMillis) implements Entry {
        @Override
        public long keepNanos(long nowMillis) {
            long newest = kept.isEmpty() ? nowMillis : kept.peekFirst().at().toEpochMilli();
            return Math.max(0, newest + keepMillis - nowMillis) * 1_000_000L;
        }
    }

    /** Members per agenda at most: an agenda is work for later, and a replica's heap is not a queue without end. */
    static final int MAX_AGENDA = 10_000;

    private final Clock clock;
    private final long maxEntries;
    private final Cache<String, Entry> entries;
    private final io.micrometer.core.instrument.Counter refusedCounters;
    private final io.micrometer.core.instrument.Counter refusedAgenda;
    /** Agendas are kept apart from the cache: nothing may evict work still to do. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.ConcurrentHashMap<String, Long>> agendas =
            new java.util.concurrent.ConcurrentHashMap<>();

    InMemoryStateStore(Clock clock, long maxEntries, io.micrometer.core.instrument.MeterRegistry metrics) {
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.refusedCounters = metrics.counter("portal.state.refused", "what", "counter");
        this.refusedAgenda = metrics.counter("portal.state.refused", "what", "agenda");
        // no maximumSize: Caffeine would evict claims and revocations to make room (see above)
        // Caffeine's time is the portal's clock: an entry goes when the portal thinks it has expired, not earlier or
        // later, so that a full store frees the places of windows that have passed (and tests move it instead of waiting)
        this.entries = Caffeine.newBuilder().ticker(() -> clock.millis() * 1_000_000L).expireAfter(new Expiry<String, Entry>() {
            @Override
            public long expireAfterCreate(String key, Entry value, long currentTime) {
                return value.keepNanos(clock.millis());
            }

            @Override
            public long expireAfterUpdate(String key, Entry value, long currentTime, long currentDuration) {
                return value.keepNanos(clock.millis());
            }

            @Override
            public long expireAfterRead(String key, Entry value, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    @Override
    public boolean tryAcquire(String key, int max, Duration window) {
        if (full() && entries.getIfPresent(key) == null) {
            refusedCounters.increment();
            throw new StateUnavailable(new IllegalStateException("the in-memory state store is full"));
        }
        long now = clock.millis();
        long windowMillis = window.toMillis();
        boolean[] counted = {false};
        entries.asMap().compute(key, (k, old) -> {
            Deque<Long> times = old instanceof Window w ? w.times() : new ArrayDeque<>();
            prune(times, now - windowMillis);
            if (times.size() < max) {
                times.addLast(now);
                counted[0] = true;
            }
            return new Window(times, windowMillis);
        });
        return counted[0];
    }

    @Override
    public void giveBack(String key) {
        entries.asMap().computeIfPresent(key, (k, old) -> {
            if (old instanceof Window w && !w.times().isEmpty()) {
                w.times().removeLast();
            }
            return old;
        });
    }

    @Override
    public int count(String key, Duration window) {
        long since = clock.millis() - window.toMillis();
        int[] count = {0};
        entries.asMap().computeIfPresent(key, (k, old) -> {
            if (old instanceof Window w) {
                prune(w.times(), since);
                count[0] = w.times().size();
            }
            return old;
        });
        return count[0];
    }

    @Override
    public java.util.Optional<java.time.Instant> oldest(String key, Duration window) {
        long since = clock.millis() - window.toMillis();
        Long[] oldest = {null};
        entries.asMap().computeIfPresent(key, (k, old) -> {
            if (old instanceof Window w) {
                prune(w.times(), since);
                oldest[0] = w.times().peekFirst();
            }
            return old;
        });
        return java.util.Optional.ofNullable(oldest[0]).map(java.time.Instant::ofEpochMilli);
    }

    @Override
    public boolean claim(String key, Duration ttl) {
        return claim(key, null, ttl); // a claim nobody gives back: it ends with its time
    }

    @Override
    public boolean claim(String key, String holder, Duration ttl) {
        long now = clock.millis();
        boolean[] taken = {false};
        entries.asMap().compute(key, (k, old) -> {
            if (old instanceof Claim c && c.untilMillis() > now) {
                return old;
            }
            taken[0] = true;
            return new Claim(now + ttl.toMillis(), holder);
        });
        return taken[0];
    }

    @Override
    public boolean release(String key, String holder) {
        boolean[] released = {false};
        entries.asMap().computeIfPresent(key, (k, old) -> {
            if (old instanceof Claim c && holder.equals(c.holder())) {
                released[0] = true;
                return null;
            }
            return old;
        });
        return released[0];
    }

    @Override
    public boolean renew(String key, String holder, Duration ttl) {
        long now = clock.millis();
        boolean[] renewed = {false};
        entries.asMap().computeIfPresent(key, (k, old) -> {
            if (old instanceof Claim c && c.untilMillis() > now && holder.equals(c.holder())) {
                renewed[0] = true;
                return new Claim(now + ttl.toMillis(), holder);
            }
            return old;
        });
        return renewed[0];
    }

    @Override
    public boolean isClaimed(String key) {
        return entries.getIfPresent(key) instanceof Claim c && c.untilMillis() > clock.millis();
    }

    @Override
    public void release(String key) {
        entries.invalidate(key);
    }

    @Override
    public void putInstant(String key, java.time.Instant value, Duration ttl) {
        entries.put(key, new Value(value.toEpochMilli(), clock.millis() + ttl.toMillis()));
    }

    @Override
    public java.util.Optional<java.time.Instant> instant(String key) {
        return entries.getIfPresent(key) instanceof Value v && v.untilMillis() > clock.millis()
                ? java.util.Optional.of(java.time.Instant.ofEpochMilli(v.epochMillis()))
                : java.util.Optional.empty();
    }

    @Override
    public void schedule(String agenda, String member, java.time.Instant due) {
        var members = agendas.computeIfAbsent(agenda, a -> new java.util.concurrent.ConcurrentHashMap<>());
        if (members.size() >= MAX_AGENDA && !members.containsKey(member)) {
            // refused aloud: the caller keeps the work in hand (a notice is sent now) or refuses its step
            refusedAgenda.increment();
            throw new StateUnavailable(new IllegalStateException("the agenda is full"));
        }
        members.put(member, due.toEpochMilli());
    }

    @Override
    public java.util.List<String> due(String agenda, java.time.Instant upTo, int max) {
        var members = agendas.getOrDefault(agenda, new java.util.concurrent.ConcurrentHashMap<>());
        return members.entrySet().stream().filter(e -> e.getValue() <= upTo.toEpochMilli())
                .sorted(java.util.Map.Entry.comparingByValue()).limit(max).map(java.util.Map.Entry::getKey).toList();
    }

    @Override
    public void unschedule(String agenda, String member) {
        agendas.computeIfPresent(agenda, (a, members) -> {
            members.remove(member);
            return members.isEmpty() ? null : members;
        });
    }

    @Override
    public void push(String key, String entry, int max, Duration keep) {
        if (full() && entries.getIfPresent(key) == null) {
            refusedCounters.increment();
            throw new StateUnavailable(new IllegalStateException("the in-memory state store is full"));
        }
        long now = clock.millis();
        entries.asMap().compute(key, (k, old) -> {
            Deque<Kept> kept = old instanceof History h ? h.kept() : new ArrayDeque<>();
            kept.addFirst(new Kept(java.time.Instant.ofEpochMilli(now), entry));
            while (kept.size() > max) {
                kept.removeLast();
            }
            return new History(kept, keep.toMillis());
        });
    }

    @Override
    public java.util.List<Kept> recent(String key, Duration keep) {
        long since = clock.millis() - keep.toMillis();
        java.util.List<Kept> recent = new java.util.ArrayList<>();
        entries.asMap().computeIfPresent(key, (k, old) -> {
            if (old instanceof History h) {
                h.kept().stream().filter(e -> e.at().toEpochMilli() > since).forEach(recent::add);
            }
            return old;
        });
        return recent;
    }

    @Override
    public Reachability ping() {
        return Reachability.ANSWERS;
    }

    @Override
    public String kind() {
        return "in memory (this replica only)";
    }

    /** Forgets everything: for tests, which start each case from a clean slate. */
    void clear() {
        entries.invalidateAll();
        agendas.clear();
    }

    /** How many keys the store holds now, for the test that it stays bounded. */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Whether the store holds its most keys; expired ones are cleaned out first, so that only live ones count. */
    private boolean full() {
        if (entries.estimatedSize() < maxEntries) {
            return false;
        }
        entries.cleanUp();
        return entries.estimatedSize() >= maxEntries;
    }

    private static void prune(Deque<Long> times, long oldestKept) {
        while (!times.isEmpty() && times.peekFirst() <= oldestKept) {
            times.removeFirst();
        }
    }
}
