package dev.selfservice.portal.web;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.FailingResource;
import dev.selfservice.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An unexpected failure gets a clear 500 page whose reference is the request's id: the same as its X-Request-Id and
 * as the log line that records the failure, so the helpdesk can find it; never the exception's message or trace.
 */
@QuarkusTest
class UnexpectedFailureTest {

    @Test
    void theErrorPagesReferenceIsTheRequestsIdAndFindsTheLogLine() {
        try (LogCapture log = LogCapture.start()) {
            Page failed = new Browser().get(portal() + "/test-only/fails");
            assertThat(failed.status()).isEqualTo(500);
            String id = failed.headers().get("x-request-id").get(0);
            assertThat(id).matches("[0-9a-f]{16}");
            assertThat(failed.body()).contains(id).doesNotContain(FailingResource.MESSAGE, "hunter2", "\tat ",
                    "IllegalStateException");
            assertThat(log.await(l -> l.contains("Request failed (reference " + id + ")")))
                    .contains("IllegalStateException").doesNotContain("hunter2");
        }
    }
}
