package dev.selfservice.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;

/** The browser suite's one rule for pages replaced under a read, without a browser: what is read again, what is not. */
class PageReadsTest {

    /** The error Debian's Chromium gave in CI for a heading read while the next page replaced the old one. */
    static WebDriverException inspectorError() {
        return new WebDriverException("unknown error: unhandled inspector error: {\"code\":-32000,"
                + "\"message\":\"Node with given id does not belong to the document\"}");
    }

    @Test
    void aReadThatMeetsAPageBeingReplacedIsMadeAgainUntilItSucceeds() {
        AtomicInteger tries = new AtomicInteger();
        String read = new PageReads(Duration.ofSeconds(10)).read(() -> {
            if (tries.incrementAndGet() <= 2) {
                throw inspectorError();
            }
            if (tries.get() == 3) {
                throw new StaleElementReferenceException("stale element reference: element is not attached");
            }
            return "Ihr Konto";
        });
        assertThat(read).isEqualTo("Ihr Konto");
        assertThat(tries).hasValue(4);
    }

    @Test
    void anyOtherFailureIsTheAnswerAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        PageReads reads = new PageReads(Duration.ofSeconds(10));
        assertThatThrownBy(() -> reads.read(() -> {
            tries.incrementAndGet();
            throw new WebDriverException("unknown error: cannot determine loading status");
        })).isInstanceOf(WebDriverException.class);
        assertThat(tries).as("not read again").hasValue(1);
        assertThatThrownBy(() -> reads.read(() -> {
            throw new NoSuchElementException("no such element: #strength-label");
        })).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void theClassifierKnowsTheReplacedPageErrorsAndOnlyThose() {
        assertThat(PageReads.replacedUnderTheRead(inspectorError())).isTrue();
        assertThat(PageReads.replacedUnderTheRead(new StaleElementReferenceException("gone"))).isTrue();
        // what the same Chromium answered a read of the URL during a navigation, in a repeated run of PageReplacedTest
        assertThat(PageReads.replacedUnderTheRead(new org.openqa.selenium.TimeoutException(
                "timeout\nfrom aborted by navigation: loader has changed while resolving nodes"))).isTrue();
        assertThat(PageReads.replacedUnderTheRead(new org.openqa.selenium.TimeoutException(
                "timeout\nfrom no such execution context"))).isTrue();
        assertThat(PageReads.replacedUnderTheRead(new org.openqa.selenium.TimeoutException("timeout: Timed out receiving"
                + " message from renderer: 20.000"))).as("a page that does not load is no moment of change").isFalse();
        assertThat(PageReads.replacedUnderTheRead(new WebDriverException("chrome not reachable"))).isFalse();
        assertThat(PageReads.replacedUnderTheRead(new NoSuchElementException("does not belong to the document")))
                .as("an element that is not there is an answer, whatever its message").isFalse();
        assertThat(PageReads.replacedUnderTheRead(new IllegalStateException("does not belong to the document"))).isFalse();
    }

    @Test
    void aWaitThatEndsWithoutItsPageNamesTheLastStateItSawNotAReadAfterGivingUp() {
        AtomicInteger reads = new AtomicInteger();
        PageReads page = new PageReads(Duration.ofMillis(400));
        assertThatThrownBy(() -> page.until("the page \"Your account\"", () -> {
            int n = reads.incrementAndGet();
            if (n % 2 == 0) {
                throw inspectorError();
            }
            return "/account showing \"Log in\" (read " + n + ")";
        }, shown -> shown.contains("Your account"))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected the page \"Your account\"")
                .hasMessageContaining("the last thing seen was /account showing \"Log in\"");
        int made = reads.get();
        assertThat(made).as("read again until the limit, through the replaced-page errors").isGreaterThan(2);
    }

    @Test
    void aWaitReturnsWhatItWaitedFor() {
        AtomicInteger reads = new AtomicInteger();
        String seen = new PageReads(Duration.ofSeconds(10)).until("the third state", () -> {
            int n = reads.incrementAndGet();
            if (n == 2) {
                throw inspectorError();
            }
            return "state " + n;
        }, "state 3"::equals);
        assertThat(seen).isEqualTo("state 3");
    }
}
