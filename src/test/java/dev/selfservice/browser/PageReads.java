package dev.selfservice.browser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;

/**
 * The one place that knows a page can be replaced while it is read. A person who looks at a page while it changes
 * simply looks again; a WebDriver read made during a navigation instead fails, and not always in the same way: with
 * {@link StaleElementReferenceException}, or (Debian's Chromium) with a bare {@link WebDriverException} such as
 * "unhandled inspector error: ... Node with given id does not belong to the document". Every read and wait of the
 * browser suite goes through here, so such a moment is read again until a time limit instead of failing the walk,
 * and a final failure names the last state that was actually seen.
 */
final class PageReads {

    /** What the DevTools protocol says when the document it was asked about went away under the read. */
    private static final List<String> REPLACED_UNDER_THE_READ = List.of(
            "does not belong to the document",
            "No node with given id",
            "Cannot find context with specified id",
            "no such execution context",
            "Execution context was destroyed",
            "Inspected target navigated or closed",
            "target frame detached",
            "frame was detached",
            "unhandled inspector error",
            "Node is detached from document",
            "aborted by navigation",
            "loader has changed while resolving nodes",
            "stale element");

    private static final Duration POLL = Duration.ofMillis(100);

    private final Duration limit;
    private final Clock clock;

    PageReads(Duration limit) {
        this(limit, Clock.systemUTC());
    }

    PageReads(Duration limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Whether this failure means only that the page changed while it was read, so that reading again may succeed. */
    static boolean replacedUnderTheRead(Throwable failure) {
        if (failure instanceof StaleElementReferenceException) {
            return true;
        }
        if (failure instanceof NoSuchElementException || !(failure instanceof WebDriverException)) {
            return false; // an element that is not there is an answer, not a moment of change
        }
        String message = String.valueOf(failure.getMessage());
        return REPLACED_UNDER_THE_READ.stream().anyMatch(message::contains);
    }

    /** One read, repeated while the page is being replaced under it; any other failure is the answer. */
    <T> T read(Supplier<T> read) {
        Instant until = clock.instant().plus(limit);
        while (true) {
            try {
                return read.get();
            } catch (WebDriverException e) {
                if (!replacedUnderTheRead(e) || clock.instant().isAfter(until)) {
                    throw e;
                }
                pause();
            }
        }
    }

    /**
     * Reads until the page shows what is wanted: {@code state} reads what the page shows now (again when the page was
     * replaced under it), {@code wanted} says whether that is it. Fails after the time limit with {@code expected}
     * and the last state that was seen, never with a read made after giving up.
     */
    <T> T until(String expected, Supplier<T> state, java.util.function.Predicate<T> wanted) {
        Instant until = clock.instant().plus(limit);
        Optional<T> last = Optional.empty();
        WebDriverException lastFailure = null;
        while (true) {
            try {
                T now = state.get();
                last = Optional.ofNullable(now);
                if (wanted.test(now)) {
                    return now;
                }
            } catch (WebDriverException e) {
                if (!replacedUnderTheRead(e)) {
                    throw e;
                }
                lastFailure = e;
            }
            if (clock.instant().isAfter(until)) {
                AssertionError failure = new AssertionError("expected " + expected + " within " + limit.toSeconds()
                        + " s, but the last thing seen was " + last.map(String::valueOf).orElse("nothing readable"));
                if (lastFailure != null) {
                    failure.addSuppressed(lastFailure);
                }
                throw failure;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis()); // a poll interval between two reads, not a wait for something to happen
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a page", e);
        }
    }
}
