package dev.selfservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.selfservice.portal.web.Refusal.Reason;

/**
 * Whether a refusal keeps the employee on the step is declared once, on its reason: the recovery and enrolment pages
 * only ask it (their flows are proven in RecoveryTest, RecoveryLimitsTest, EnrolmentTest and the browser flows).
 */
class RefusalStepTest {

    @Test
    void aWrongOrExpiredCodeAWaitAndARuleOfTheNewPasswordKeepTheEmployeeOnTheStep() {
        assertThat(Arrays.stream(Reason.values()).filter(Reason::staysOnTheStep))
                .contains(Reason.WRONG_CODE, Reason.CODE_EXPIRED, Reason.RESEND_TOO_SOON, Reason.AUTH0_RATE_LIMITED, Reason.AUTH0_UNAVAILABLE,
                        Reason.BREACH_CHECK_UNAVAILABLE, Reason.CODE_NOT_CONFIRMED, Reason.PASSWORD_TOO_SHORT,
                        Reason.PASSWORD_BREACHED, Reason.DIRECTORY_REFUSED, Reason.PASSWORD_NOT_CONFIRMED,
                        Reason.TOO_MANY_PASSWORD_CHECKS);
    }

    @Test
    void whatEndsTheCodeOrTheProofStartsAgain() {
        assertThat(Arrays.stream(Reason.values()).filter(r -> !r.staysOnTheStep()))
                .contains(Reason.NO_PENDING, Reason.NO_RECOVERY_CODE_WAITING, Reason.TOO_MANY_WRONG_CODES, Reason.PROOF_INVALID,
                        Reason.PROOF_USED_BY_AN_UNCONFIRMED_RESET, Reason.HELPDESK_ONLY, Reason.PASSWORD_NOT_CHANGED,
                        Reason.TOO_MANY_RECOVERY_REQUESTS);
    }

    @Test
    void theResetPageSeenTooOftenIsAWaitWhileTooManyRecoveryStartsEndTheAttempt() {
        // one status and one text, but the proof still holds after the first and the attempt does not after the second
        assertThat(Reason.TOO_MANY_PROOF_VIEWS.staysOnTheStep()).isTrue();
        assertThat(Reason.TOO_MANY_RECOVERY_REQUESTS.staysOnTheStep()).isFalse();
        assertThat(Reason.TOO_MANY_PROOF_VIEWS.status()).isEqualTo(Reason.TOO_MANY_RECOVERY_REQUESTS.status());
    }
}
