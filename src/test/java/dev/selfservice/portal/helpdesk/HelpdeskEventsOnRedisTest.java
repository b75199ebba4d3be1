package dev.selfservice.portal.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.selfservice.portal.audit.AuditAction;
import dev.selfservice.portal.audit.AuditOutcome;
import dev.selfservice.portal.audit.EmployeeEvents;
import dev.selfservice.portal.audit.EventsSettings;
import dev.selfservice.portal.state.PortalState;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.RedisServer;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The employee's recent events with the state store every replica shares (Redis). */
@QuarkusTest
@TestProfile(RedisServer.OnRedis.class)
@ExtendWith(RedisServer.class)
@CleanSlate
class HelpdeskEventsOnRedisTest {

    @Inject
    EventsSettings settings;

    @Test
    void bobsWrongRecoveryCodeKeptByOneReplicaIsSeenByAnother() {
        HelpdeskEventsTest.bobTypesAWrongRecoveryCode();

        assertThat(HelpdeskEventsTest.events(HelpdeskTest.find(HelpdeskTest.helen(), "bob")))
                .as("helen, on this replica").first().asString().contains("Recovery code entered (refused)");
        EmployeeEvents another = new EmployeeEvents(PortalState.anotherReplicasStore(), settings);
        assertThat(another.of(TenantApi.adUserId("bob"))).extracting(EmployeeEvents.Event::action, EmployeeEvents.Event::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.RECOVERY_CODE, AuditOutcome.REFUSED),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.RECOVERY_START, AuditOutcome.SUCCESS));
        assertThat(another.of(TenantApi.adUserId("erin"))).as("the control: erin did nothing").isEmpty();
    }
}
