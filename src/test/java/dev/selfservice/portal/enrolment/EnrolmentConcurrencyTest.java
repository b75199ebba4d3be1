package dev.selfservice.portal.enrolment;

import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/** Enrolment under parallel confirmations: the contact limit holds and no enrolment date is lost. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class EnrolmentConcurrencyTest {

    @Test
    void fourParallelConfirmationsLinkExactlyTheThreeAllowedAndKeepEveryDate() {
        List<Callable<Page>> confirms = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String address = "alice.extra" + i + "@example.net";
            Browser alice = EnrolmentTest.signIn("alice");
            Page verify = EnrolmentTest.add(alice, "add-email", "email", address);
            assertThat(verify.path()).isEqualTo("/enrolment/verify");
            String code = TenantApi.latestCode(address);
            confirms.add(() -> EnrolmentTest.enterCode(alice, verify, code));
        }

        List<Page> answers = Parallel.run(confirms);

        assertThat(answers).filteredOn(p -> p.path().equals("/enrolment") && p.status() == 200).hasSize(3);
        assertThat(answers).filteredOn(p -> p.status() >= 400)
                .allSatisfy(p -> assertThat(p.text("#problem")).contains("most recovery contacts allowed")).hasSize(1);
        String aliceId = TenantApi.adUserId("alice");
        Map<String, Object> user = given().auth().oauth2(TenantApi.managementToken()).get(tenant() + "api/v2/users/" + aliceId)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> identities = (List<Map<String, Object>>) user.get("identities");
        List<String> linked = identities.stream().filter(i -> "email".equals(i.get("provider")))
                .map(i -> i.get("provider") + "|" + i.get("user_id")).toList();
        assertThat(linked).hasSize(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> dates = (Map<String, Object>) ((Map<String, Object>) user.get("app_metadata")).get("enrolled_at");
        assertThat(dates.keySet()).containsExactlyInAnyOrderElementsOf(linked);
    }
}
