package dev.selfservice.portal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Auth0 words the same failure in several ways; each is read as the same reason. */
class SignInErrorTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "unauthorized, user is blocked, BLOCKED",
            "too_many_attempts, Your account has been blocked after multiple consecutive login attempts., TOO_MANY_ATTEMPTS",
            "access_denied, Password expired, PASSWORD_EXPIRED",
            "password_expired, null, PASSWORD_EXPIRED",
            "access_denied, Password change required, PASSWORD_CHANGE_REQUIRED",
            "password_change_required, null, PASSWORD_CHANGE_REQUIRED",
            "access_denied, Account locked, ACCOUNT_LOCKED",
            "access_denied, account_locked, ACCOUNT_LOCKED",
            "access_denied, Account disabled, ACCOUNT_DISABLED",
            "access_denied, Account expired, ACCOUNT_EXPIRED",
            "invalid_user_password, Wrong email or password., WRONG_CREDENTIALS",
            "access_denied, Wrong email or password., WRONG_CREDENTIALS",
            "access_denied, Service not found: urn:x, OTHER",
            "login_required, null, OTHER",
            "null, null, OTHER",
    })
    void readsTheReasonFromAuth0sErrorAndDescription(String error, String description, SignInError expected) {
        assertThat(SignInError.from(error, description)).isEqualTo(expected);
    }
}
