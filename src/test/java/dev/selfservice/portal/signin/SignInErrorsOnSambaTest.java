package dev.selfservice.portal.signin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.selfservice.support.OnSambaDc;
import dev.selfservice.support.SambaDc;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every refused sign-in, with the local tenant's AD connection on a real AD: carol's aged password, dave's
 * must-change, erin's lockout and frank's disabled account are Samba's own answers.
 */
@QuarkusTest
@TestProfile(OnSambaDc.class)
@ExtendWith(SambaDc.class)
class SignInErrorsOnSambaTest extends SignInErrorsTest {

    @BeforeEach
    void setUpTheDomain() {
        // the DC's lockout lasts five minutes: lock erin again, as a user who keeps mistyping would
        TenantApi.directoryState("erin", "locked");
        // and forget bob's bad passwords of earlier runs, so that his wrong passwords here stay below the threshold
        TenantApi.directoryState("bob", "unlocked");
    }
}
