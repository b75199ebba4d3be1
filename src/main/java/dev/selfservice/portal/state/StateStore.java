package dev.selfservice.portal.state;

import java.time.Duration;

/**
 * What must hold across requests and replicas: counters in a sliding window, single-use claims, and per-employee
 * locks. Every operation is atomic across all replicas that share the store; a store that cannot answer throws
 * {@link StateUnavailable}, so that a caller fails closed instead of going on without its limit.
 * <p>
 * Time is the portal's injected {@link java.time.Clock}, passed with each operation, so that the in-memory and the
 * Redis store expire alike and tests move time instead of sleeping; each store also expires its keys by itself, so
 * that nothing is kept for ever.
 */
public interface StateStore {

    /**
     * Counts one event under the key if fewer than {@code max} were counted in the last {@code window}: true when it
     * was counted. The count is taken before the action it limits, so parallel requests cannot pass together.
     */
    boolean tryAcquire(String key, int max, Duration window);

    /**
     * Takes back the newest event counted under the key: for a try that was counted before an action that then never
     * happened (Auth0 refused it unanswered), so that an outage does not use up anyone's tries.
     */
    void giveBack(String key);

    /** How many events the key counted in the last {@code window}, without counting one. */
    int count(String key, Duration window);

    /**
     * The oldest event the key counted in the last {@code window}, if any: when it leaves the window, a full count has
     * room again (what a page says when a limit is met).
     */
    java.util.Optional<java.time.Instant> oldest(String key, Duration window);

    /** Takes the key for {@code ttl} if nobody holds it: true for exactly one caller, across replicas. */
    boolean claim(String key, Duration ttl);

    /** Whether the key is held now. */
    boolean isClaimed(String key);

    /** Gives a claim back before its time: a single-use step whose action did not happen. */
    void release(String key);

    /**
     * Takes the key for {@code ttl} if nobody holds it, in the name of {@code holder} (a random token): a lock, which
     * only {@link #release(String, String) its holder} gives back.
     */
    boolean claim(String key, String holder, Duration ttl);

    /**
     * Gives the key back if {@code holder} still holds it, in one atomic step: a lock that outlived its time and was
     * taken by another is left to that other. True when it was given back.
     */
    boolean release(String key, String holder);

    /**
     * Holds the key for {@code ttl} from now if {@code holder} holds it now, in one atomic step: a long task keeps its
     * lock without ever letting go of it (giving it back and taking it again left an instant in which another replica
     * could take it). A lock whose time has passed is not renewed, even if nobody took it: whoever saw it free in the
     * meantime may have acted on that. True when renewed. Each replica reads the lock's time by its own clock, so
     * replicas whose clocks differ by a good part of the hold can still disagree on whether it has passed: keep holds
     * long and renew well before they end.
     */
    boolean renew(String key, String holder, Duration ttl);

    /** Keeps an instant under the key for {@code ttl} (the last write wins): session ends and last activity. */
    void putInstant(String key, java.time.Instant value, Duration ttl);

    /** The instant kept under the key, if it has not expired. */
    java.util.Optional<java.time.Instant> instant(String key);

    /**
     * Puts a member on a named agenda, due at an instant (a member already there gets the new instant): work that must
     * be done later by whichever replica looks first, such as removing what a failed step left in Auth0.
     */
    void schedule(String agenda, String member, java.time.Instant due);

    /** Up to {@code max} members of the agenda that are due at {@code upTo}, soonest first. */
    java.util.List<String> due(String agenda, java.time.Instant upTo, int max);

    /** Takes a member off the agenda: its work is done, or no longer needed. */
    void unschedule(String agenda, String member);

    /**
     * Adds an entry in front of a named list (newest first) that keeps at most {@code max} entries, each for
     * {@code keep} at most: a bounded history, such as an employee's recent portal events, that every replica sees.
     */
    void push(String key, String entry, int max, Duration keep);

    /** The list's entries added within the last {@code keep}, newest first, each with the instant it was added. */
    java.util.List<Kept> recent(String key, Duration keep);

    /** An entry of a list, with the instant it was added (the portal's clock). */
    record Kept(java.time.Instant at, String entry) {
    }

    /** How the store answers a ping: readiness reports it (see {@link StateStoreHealth}). */
    Reachability ping();

    /** How a store answers. */
    enum Reachability {
        /** It answers. */
        ANSWERS,
        /** It does not answer: down, restarting, unreachable. */
        SILENT,
        /** It answers, but refuses this replica (a missing or wrong password): this replica's setup, not an outage. */
        REFUSES
    }

    /** Where the state lives, for the logs and the health report. */
    String kind();
}
