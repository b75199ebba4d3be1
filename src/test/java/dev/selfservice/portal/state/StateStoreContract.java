package dev.selfservice.portal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** What every state store does, the in-memory one and Redis alike: the same tests run against both. */
abstract class StateStoreContract {

    abstract StateStore store();

    /** Moves the store's clock forward. */
    abstract void advance(Duration d);

    private static String key() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void aWindowCountsUpToItsMaximumThenRefusesUntilTheWindowHasPassed() {
        String key = key();
        for (int i = 0; i < 3; i++) {
            assertThat(store().tryAcquire(key, 3, Duration.ofMinutes(15))).as("event %d", i + 1).isTrue();
        }
        assertThat(store().tryAcquire(key, 3, Duration.ofMinutes(15))).isFalse();
        assertThat(store().count(key, Duration.ofMinutes(15))).isEqualTo(3);
        advance(Duration.ofMinutes(14));
        assertThat(store().tryAcquire(key, 3, Duration.ofMinutes(15))).isFalse();
        advance(Duration.ofMinutes(2));
        assertThat(store().count(key, Duration.ofMinutes(15))).isZero();
        assertThat(store().tryAcquire(key, 3, Duration.ofMinutes(15))).isTrue();
    }

    @Test
    void theWindowSlidesEachEventLeavesItOnItsOwnTime() {
        String key = key();
        assertThat(store().tryAcquire(key, 2, Duration.ofMinutes(10))).isTrue();
        advance(Duration.ofMinutes(6));
        assertThat(store().tryAcquire(key, 2, Duration.ofMinutes(10))).isTrue();
        assertThat(store().tryAcquire(key, 2, Duration.ofMinutes(10))).isFalse();
        advance(Duration.ofMinutes(5)); // the first event is out, the second still in
        assertThat(store().tryAcquire(key, 2, Duration.ofMinutes(10))).isTrue();
        assertThat(store().tryAcquire(key, 2, Duration.ofMinutes(10))).isFalse();
    }

    @Test
    void theOldestEventInTheWindowSaysWhenAFullCountHasRoomAgain() {
        String key = key();
        Duration window = Duration.ofMinutes(10);
        assertThat(store().oldest(key, window)).as("nothing counted").isEmpty();
        assertThat(store().tryAcquire(key, 2, window)).isTrue();
        java.time.Instant first = store().oldest(key, window).orElseThrow();
        advance(Duration.ofMinutes(6));
        assertThat(store().tryAcquire(key, 2, window)).isTrue();
        assertThat(store().oldest(key, window)).as("the first is still the oldest").contains(first);
        advance(Duration.ofMinutes(5)); // the first event has left the window: the second is the oldest now
        assertThat(store().oldest(key, window).orElseThrow()).isBetween(first.plus(Duration.ofMinutes(6)),
                first.plus(Duration.ofMinutes(7)));
        advance(Duration.ofMinutes(10));
        assertThat(store().oldest(key, window)).as("all have left").isEmpty();
    }

    @Test
    void aCountGivenBackFreesItsPlace() {
        String key = key();
        Duration window = Duration.ofMinutes(10);
        assertThat(store().tryAcquire(key, 2, window)).isTrue();
        assertThat(store().tryAcquire(key, 2, window)).isTrue();
        assertThat(store().tryAcquire(key, 2, window)).isFalse();
        store().giveBack(key);
        assertThat(store().count(key, window)).isEqualTo(1);
        assertThat(store().tryAcquire(key, 2, window)).isTrue();
        store().giveBack(key());
        assertThat(store().count(key, window)).as("another key given back changes nothing").isEqualTo(2);
    }

    @Test
    void keysCountApart() {
        String a = key();
        String b = key();
        assertThat(store().tryAcquire(a, 1, Duration.ofMinutes(1))).isTrue();
        assertThat(store().tryAcquire(a, 1, Duration.ofMinutes(1))).isFalse();
        assertThat(store().tryAcquire(b, 1, Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void aClaimIsTakenOnceUntilItExpiresOrIsReleased() {
        String key = key();
        assertThat(store().isClaimed(key)).isFalse();
        assertThat(store().claim(key, Duration.ofMinutes(10))).isTrue();
        assertThat(store().isClaimed(key)).isTrue();
        assertThat(store().claim(key, Duration.ofMinutes(10))).isFalse();
        advance(Duration.ofMinutes(11));
        assertThat(store().isClaimed(key)).isFalse();
        assertThat(store().claim(key, Duration.ofMinutes(10))).isTrue();
        store().release(key);
        assertThat(store().isClaimed(key)).isFalse();
        assertThat(store().claim(key, Duration.ofMinutes(10))).isTrue();
    }

    @Test
    void aLockIsGivenBackOnlyByItsHolder() {
        String key = key();
        assertThat(store().claim(key, "holder-a", Duration.ofMinutes(2))).isTrue();
        assertThat(store().claim(key, "holder-b", Duration.ofMinutes(2))).as("held").isFalse();
        assertThat(store().release(key, "holder-b")).as("a non-holder gives it back").isFalse();
        assertThat(store().isClaimed(key)).isTrue();
        assertThat(store().claim(key, "holder-b", Duration.ofMinutes(2))).isFalse();
        // the holder's step outlived the hold; another took the lock, and the first's late release leaves it alone
        advance(Duration.ofMinutes(3));
        assertThat(store().claim(key, "holder-b", Duration.ofMinutes(2))).isTrue();
        assertThat(store().release(key, "holder-a")).as("a former holder gives it back").isFalse();
        assertThat(store().claim(key, "holder-c", Duration.ofMinutes(2))).isFalse();
        assertThat(store().release(key, "holder-b")).as("the holder gives it back").isTrue();
        assertThat(store().claim(key, "holder-c", Duration.ofMinutes(2))).isTrue();
    }

    @Test
    void aLockIsRenewedOnlyByItsHolderAndOnlyWhileItHoldsIt() {
        String key = key();
        assertThat(store().claim(key, "holder-a", Duration.ofMinutes(2))).isTrue();
        advance(Duration.ofSeconds(90));
        assertThat(store().renew(key, "holder-b", Duration.ofMinutes(2))).as("a non-holder renews it").isFalse();
        assertThat(store().renew(key, "holder-a", Duration.ofMinutes(2))).as("the holder renews it").isTrue();
        // past the first hold, within the renewed one: still held, and by the holder alone
        advance(Duration.ofSeconds(90));
        assertThat(store().isClaimed(key)).isTrue();
        assertThat(store().claim(key, "holder-b", Duration.ofMinutes(2))).isFalse();
        assertThat(store().release(key, "holder-a")).isTrue();
        assertThat(store().renew(key, "holder-a", Duration.ofMinutes(2))).as("given back, not taken again").isFalse();
        assertThat(store().isClaimed(key)).isFalse();

        // a hold that passed is lost, even though nobody took it in the meantime
        assertThat(store().claim(key, "holder-c", Duration.ofMinutes(2))).isTrue();
        advance(Duration.ofMinutes(3));
        assertThat(store().renew(key, "holder-c", Duration.ofMinutes(2))).isFalse();
        assertThat(store().isClaimed(key)).isFalse();
        assertThat(store().claim(key, "holder-d", Duration.ofMinutes(2))).as("free for the next").isTrue();
    }

    @Test
    void whileItsHolderRenewsALockNoneOfSevenRivalsEverTakesItAndOnceGivenBackOneDoes() throws Exception {
        String key = key();
        assertThat(store().claim(key, "holder", Duration.ofMinutes(2))).isTrue();
        java.util.concurrent.atomic.AtomicInteger roles = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger renewed = new java.util.concurrent.atomic.AtomicInteger();
        int rivalsThatTookIt = parallel(8, () -> {
            boolean holder = roles.getAndIncrement() == 0;
            String rival = UUID.randomUUID().toString();
            for (int i = 0; i < 200; i++) {
                if (holder && store().renew(key, "holder", Duration.ofMinutes(2))) {
                    renewed.incrementAndGet();
                } else if (!holder && store().claim(key, rival, Duration.ofMinutes(2))) {
                    return true;
                }
            }
            return false;
        });
        assertThat(renewed.get()).as("every renewal held").isEqualTo(200);
        assertThat(rivalsThatTookIt).isZero();
        // the positive control: the same rivals, once the holder has given it back
        assertThat(store().release(key, "holder")).isTrue();
        assertThat(parallel(7, () -> store().claim(key, UUID.randomUUID().toString(), Duration.ofMinutes(2)))).isEqualTo(1);
    }

    @Test
    void ofTwentyParallelLockAttemptsExactlyOneHolds() throws Exception {
        String key = key();
        assertThat(parallel(20, () -> store().claim(key, UUID.randomUUID().toString(), Duration.ofMinutes(2)))).isEqualTo(1);
    }

    @Test
    void ofFiftyParallelAcquiresExactlyTheMaximumPass() throws Exception {
        String key = key();
        assertThat(parallel(50, () -> store().tryAcquire(key, 7, Duration.ofMinutes(5)))).isEqualTo(7);
        assertThat(store().count(key, Duration.ofMinutes(5))).isEqualTo(7);
    }

    @Test
    void ofTwentyParallelClaimsExactlyOneWins() throws Exception {
        String key = key();
        assertThat(parallel(20, () -> store().claim(key, Duration.ofMinutes(5)))).isEqualTo(1);
    }

    @Test
    void anInstantIsKeptUntilItsTimeAndTheLastWriteWins() {
        String key = key();
        java.time.Instant first = java.time.Instant.parse("2026-12-01T09:00:00Z");
        assertThat(store().instant(key)).isEmpty();
        store().putInstant(key, first, Duration.ofMinutes(15));
        assertThat(store().instant(key)).contains(first);
        store().putInstant(key, first.plusSeconds(60), Duration.ofMinutes(15));
        assertThat(store().instant(key)).contains(first.plusSeconds(60));
        advance(Duration.ofMinutes(16));
        assertThat(store().instant(key)).isEmpty();
    }

    @Test
    void anAgendaGivesWhatIsDueSoonestFirstUntilItIsTakenOff() {
        String agenda = key();
        java.time.Instant nine = java.time.Instant.parse("2026-12-01T09:00:00Z");
        store().schedule(agenda, "later", nine.plusSeconds(600));
        store().schedule(agenda, "sooner", nine.plusSeconds(60));
        store().schedule(agenda, "first", nine);
        assertThat(store().due(agenda, nine.minusSeconds(1), 10)).isEmpty();
        assertThat(store().due(agenda, nine.plusSeconds(60), 10)).containsExactly("first", "sooner");
        assertThat(store().due(agenda, nine.plusSeconds(600), 2)).containsExactly("first", "sooner");
        // scheduled again: the new time counts
        store().schedule(agenda, "first", nine.plusSeconds(900));
        store().unschedule(agenda, "sooner");
        assertThat(store().due(agenda, nine.plusSeconds(600), 10)).containsExactly("later");
        assertThat(store().due(key(), nine.plusSeconds(6000), 10)).as("another agenda").isEmpty();
    }

    @Test
    void aListKeepsItsNewestEntriesFirstUpToItsMaximumAndEachForItsTime() {
        String list = key();
        assertThat(store().recent(list, Duration.ofDays(30))).isEmpty();
        store().push(list, "first", 3, Duration.ofDays(30));
        advance(Duration.ofDays(10));
        store().push(list, "second", 3, Duration.ofDays(30));
        store().push(list, "third: with a colon", 3, Duration.ofDays(30));
        assertThat(store().recent(list, Duration.ofDays(30))).extracting(StateStore.Kept::entry)
                .containsExactly("third: with a colon", "second", "first");
        store().push(list, "fourth", 3, Duration.ofDays(30));
        assertThat(store().recent(list, Duration.ofDays(30))).as("at most three").extracting(StateStore.Kept::entry)
                .containsExactly("fourth", "third: with a colon", "second");
        advance(Duration.ofDays(21)); // "second" and later are 21 days old, the list keeps 30
        store().push(list, "fifth", 3, Duration.ofDays(30));
        assertThat(store().recent(list, Duration.ofDays(30))).extracting(StateStore.Kept::entry)
                .containsExactly("fifth", "fourth", "third: with a colon");
        advance(Duration.ofDays(10)); // 31 days after "second", "third" and "fourth"
        assertThat(store().recent(list, Duration.ofDays(30))).extracting(StateStore.Kept::entry).containsExactly("fifth");
        assertThat(store().recent(key(), Duration.ofDays(30))).as("another list").isEmpty();
    }

    @Test
    void itAnswersPing() {
        assertThat(store().ping()).isEqualTo(StateStore.Reachability.ANSWERS);
    }

    /** Runs the call on n threads released together; answers how many returned true. */
    static int parallel(int n, Callable<Boolean> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            int passed = 0;
            for (Future<Boolean> r : results) {
                passed += r.get() ? 1 : 0;
            }
            return passed;
        } finally {
            pool.shutdownNow();
        }
    }
}
