package dev.selfservice.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.audit.AuditLog;
import dev.selfservice.portal.notice.Notices;
import dev.selfservice.portal.state.PortalState;
import dev.selfservice.support.Browser;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.RedisServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The invitation run with the state store every replica shares (Redis): two replicas starting it at once make one
 * run, and each employee without a contact gets one invitation.
 */
@QuarkusTest
@TestProfile(RedisServer.OnRedis.class)
@ExtendWith(RedisServer.class)
@CleanSlate
class InvitationRunOnRedisTest {

    @Inject
    InvitationRun runs;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    Notices notices;
    @Inject
    dev.selfservice.portal.auth0.Auth0Management management;
    @Inject
    ReportSettings settings;
    @Inject
    AuditLog audit;
    @Inject
    ManagedExecutor executor;
    @Inject
    PortalConfig config;

    @Test
    void twoReplicasStartingTheInvitationsAtOnceMakeOneRunAndInviteEachEmployeeOnce() throws Exception {
        Browser rita = InvitationRunTest.rita();
        InvitationRunTest.read(rita);
        InvitationRun anotherReplica = new InvitationRun(new CoverageStore(PortalState.anotherReplicasStore(), json, clock),
                notices, management, settings, audit, clock, executor, config);

        List<InvitationRun.Started> both = Parallel.run(List.<Callable<InvitationRun.Started>>of(
                () -> runs.start("ad|rita", "rita"), () -> anotherReplica.start("ad|rita", "rita")));

        assertThat(both).containsExactlyInAnyOrder(InvitationRun.Started.STARTED, InvitationRun.Started.ALREADY_RUNNING);
        InvitationProgress ended = InvitationRunTest.driveToItsEnd(runs);
        assertThat(anotherReplica.progress()).as("every replica sees where it stands").contains(ended);
        assertThat(ended.sent()).isEqualTo(6);
        PortalState.awaitQuiet();
        for (String user : InvitationRunTest.WITHOUT) {
            assertThat(InvitationRunTest.invitations(user)).as(user).isEqualTo(1);
        }
        // and the other replica, started now, passes everyone over: what was sent is noted for all replicas
        assertThat(anotherReplica.start("ad|rita", "rita")).isEqualTo(InvitationRun.Started.STARTED);
        InvitationProgress again = InvitationRunTest.driveToItsEnd(anotherReplica);
        assertThat(again.sent()).isZero();
        assertThat(again.passedOver()).isEqualTo(6);
    }
}
