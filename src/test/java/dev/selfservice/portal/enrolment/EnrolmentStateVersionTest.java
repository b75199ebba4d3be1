package dev.selfservice.portal.enrolment;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.StateKind;
import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rolling update that changed the pending enrolment (its kind's version raised): a cookie sealed by the release
 * before opens as no cookie at all, so the code page is the step's "start again", with the status a missing cookie
 * gets, and nothing is linked.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class EnrolmentStateVersionTest {

    /** The pending enrolment's kind as the release before sealed it: the same name and fields, its version before. */
    private static final StateKind<PendingEnrolmentCookie.PendingCode> PENDING_BEFORE = new StateKind<>(
            PendingEnrolmentCookie.NAME, PendingEnrolmentCookie.KIND.version() - 1, PendingEnrolmentCookie.PendingCode.class);

    @Inject
    CookieSeal seal;

    private String sealedByTheReleaseBefore(String value) {
        CookieSeal.Opened<PendingEnrolmentCookie.PendingCode> opened = seal.open(PendingEnrolmentCookie.KIND, value)
                .orElseThrow();
        return seal.seal(PENDING_BEFORE, opened.state(), opened.until());
    }

    private static int identities(String user) {
        List<?> identities = given().auth().oauth2(TenantApi.managementToken())
                .get(tenant() + "api/v2/users/" + TenantApi.adUserId(user)).then().statusCode(200).extract().path("identities");
        return identities.size();
    }

    @Test
    void aPendingEnrolmentOfTheVersionBeforeGivesTheStartAgainPageAsAMissingOneDoes() {
        Browser alice = EnrolmentTest.signIn("alice");
        Page verify = EnrolmentTest.add(alice, "add-email", "email", "pat@example.com");
        assertThat(verify.path()).isEqualTo("/enrolment/verify");
        String code = TenantApi.latestCode("pat@example.com");

        List<Browser> copies = alice.copies(3);
        Browser current = copies.get(0);
        Browser older = copies.get(1);
        Browser missing = copies.get(2);
        older.replaceCookie(PendingEnrolmentCookie.NAME, sealedByTheReleaseBefore(alice.cookie(PendingEnrolmentCookie.NAME)));
        missing.dropCookie(PendingEnrolmentCookie.NAME);

        assertThat(missing.get(portal() + "/enrolment/verify").path()).as("no pending enrolment: the contacts").isEqualTo("/enrolment");
        assertThat(older.get(portal() + "/enrolment/verify").path()).as("one of the version before: the same").isEqualTo("/enrolment");
        assertThat(current.get(portal() + "/enrolment/verify").path()).as("control: this version's").isEqualTo("/enrolment/verify");

        Page withoutCookie = EnrolmentTest.enterCode(missing, verify, code);
        Page withOlder = EnrolmentTest.enterCode(older, verify, code);
        assertThat(withoutCookie.status()).isEqualTo(400);
        assertThat(withOlder.status()).as("the status a missing cookie gets").isEqualTo(withoutCookie.status());
        assertThat(withOlder.text("#problem")).contains("Start again").isEqualTo(withoutCookie.text("#problem"));
        assertThat(identities("alice")).as("nothing linked").isEqualTo(1);

        assertThat(EnrolmentTest.enterCode(current, verify, code).path()).as("control: this version's cookie goes on")
                .isEqualTo("/enrolment");
        assertThat(identities("alice")).isEqualTo(2);
    }
}
