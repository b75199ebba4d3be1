package dev.selfservice.portal.signin;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.selfservice.support.OnSambaDc;
import dev.selfservice.support.SambaDc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The portal's sign-in tests, with the local tenant's AD connection on a real AD (the test Samba DC). */
@QuarkusTest
@TestProfile(OnSambaDc.class)
@ExtendWith(SambaDc.class)
class SignInOnSambaTest extends SignInTest {
}
