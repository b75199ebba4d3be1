package dev.selfservice.portal.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.PortalSteps;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A burst of notices, more at once than the mailer has connections (as when many employees change their passwords on
 * the morning the domain's passwords expire): each goes out on its first try, once. With a new connection per notice
 * the mail client served the sends one at a time and left some waiting for good, until a try's time limit gave up
 * on them (1 to 12 retries in 8 notices, one run with 3 still unsent after 20 s).
 */
@QuarkusTest
@TestProfile(NoticeBurstTest.TwoConnections.class)
@CleanSlate
class NoticeBurstTest {

    /** Two connections, so that eight notices are a burst. */
    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.max-pool-size", "2");
        }
    }

    @Inject
    Notices notices;

    @Inject
    Auth0Management management;

    @Test
    void moreNoticesAtOnceThanConnectionsGoOutOnTheirFirstTryOnceEach() throws Exception {
        List<Auth0User> employees = new ArrayList<>();
        for (String name : List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace")) {
            employees.add(management.adUser("corp-ad", name).orElseThrow());
        }
        List<String> addresses = new ArrayList<>();
        for (Auth0User employee : employees) {
            addresses.addAll(Notices.recipients(new Notices.Notice(NoticeKind.PASSWORD_CHANGED, employee.userId(),
                    Instant.now(), null, Optional.empty(), Locale.ENGLISH, Optional.empty(), null), employee));
        }
        assertThat(addresses).as("more notices than connections").hasSize(8);
        try (LogCapture log = LogCapture.start()) {
            employees.forEach(e -> notices.tell(NoticeKind.PASSWORD_CHANGED, e));
            for (String address : addresses) {
                assertThat(PortalSteps.awaitNotices(address, 1)).as(address).hasSize(1);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (notices.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(notices.inFlight()).as("notices still being sent").isZero();
            assertThat(log.lines().stream().filter(l -> l.contains("\"event\":\"notice\"")
                    && l.contains("\"outcome\":\"success\""))).as("each recorded as sent").hasSize(8);
            assertThat(log.lines()).as("none waited for a try's time limit").noneMatch(l -> l.contains("not delivered yet"));
        }
        for (String address : addresses) {
            assertThat(PortalSteps.awaitNotices(address, 1)).as("still one, not a retry's second copy").hasSize(1);
        }
    }
}
