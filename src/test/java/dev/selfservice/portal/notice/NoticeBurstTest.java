package dev.selfservice.portal.notice;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.selfservice.portal.state.PortalState;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.LogCapture;
import dev.selfservice.support.PortalSteps;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Bursts of notices, more at once than the mailer has connections (as on the morning the domain's passwords expire):
 * each goes out on its first try, once. The try's time limit is a minute here, longer than notices are awaited, so a
 * send that the mail client dropped shows as a notice that never came rather than as a late retry. Before the sends
 * were started from one context (NoticeMailer), each of two runs had a notice of its first or second round that never
 * came.
 */
@QuarkusTest
@TestProfile(NoticeBurstTest.TwoConnections.class)
@CleanSlate
class NoticeBurstTest {

    static final int ROUNDS = 4;

    /** Two connections, so that eight notices are a burst; a minute per try, so no retry hides a lost send. */
    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.max-pool-size", "2", "%test.portal.notices.timeout", "60S");
        }
    }

    @Inject
    Notices notices;

    @Inject
    Auth0Management management;

    @Test
    void moreNoticesAtOnceThanConnectionsGoOutOnTheirFirstTryOnceEach() {
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
            for (int round = 1; round <= ROUNDS; round++) {
                employees.forEach(e -> notices.tell(NoticeKind.PASSWORD_CHANGED, e));
                for (String address : addresses) {
                    assertThat(PortalSteps.awaitNotices(address, round)).as(address).hasSize(round);
                }
            }
            PortalState.awaitQuiet();
            assertThat(notices.inFlight()).as("notices still being sent").isZero();
            assertThat(log.lines().stream().filter(l -> l.contains("\"event\":\"notice\"")
                    && l.contains("\"outcome\":\"success\""))).as("each recorded as sent").hasSize(8 * ROUNDS);
        }
    }
}
