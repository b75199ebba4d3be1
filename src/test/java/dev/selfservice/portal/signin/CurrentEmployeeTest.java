package dev.selfservice.portal.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Only an identity of the configured AD connection is an employee of the portal. */
class CurrentEmployeeTest {

    private static final String PREFIX = CurrentEmployee.adUserPrefix("corp-ad");

    @Test
    void anAdIdentityIsTheEmployee() {
        SignedInEmployee e = CurrentEmployee.fromClaims(PREFIX, "ad|corp-ad|1234", "alice", "Alice Adams",
                "alice@corp.example");
        assertThat(e).isEqualTo(new SignedInEmployee("ad|corp-ad|1234", "alice", "Alice Adams", "alice@corp.example"));
    }

    @Test
    void aPasswordlessIdentityIsNotAnEmployee() {
        assertThatThrownBy(() -> CurrentEmployee.fromClaims(PREFIX, "email|5f85d07a", "x@example.com", "x", "x@example.com"))
                .isInstanceOf(NotAnEmployeeException.class);
    }

    @Test
    void anIdentityOfAnotherAdConnectionIsNotAnEmployee() {
        assertThatThrownBy(() -> CurrentEmployee.fromClaims(PREFIX, "ad|other-ad|1234", "alice", "A", "a@b"))
                .isInstanceOf(NotAnEmployeeException.class);
    }

    @Test
    void anAdIdentityWithoutAUsernameIsRefused() {
        assertThatThrownBy(() -> CurrentEmployee.fromClaims(PREFIX, "ad|corp-ad|1234", null, "A", "a@b"))
                .isInstanceOf(NotAnEmployeeException.class);
    }
}
