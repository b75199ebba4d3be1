package dev.selfservice.localtenant;

import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Auth0's user export job as the local tenant models it (issue 32): states, the expiring file, fields, faults. */
@QuarkusTest
class UserExportJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private String token;

    @BeforeEach
    void reset() {
        TenantApi.reset();
        token = TenantApi.managementToken();
    }

    private RequestSpecification api() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private String adConnectionId() {
        return api().queryParam("strategy", "ad").get(tenant() + "api/v2/connections").then().statusCode(200)
                .extract().path("[0].id");
    }

    private String startExport(List<String> fields) {
        return api().body(Map.of("connection_id", adConnectionId(), "format", "json",
                "fields", fields.stream().map(f -> Map.of("name", f)).toList()))
                .post(tenant() + "api/v2/jobs/users-exports").then().statusCode(201)
                .body("type", equalTo("users_export")).body("status", equalTo("pending")).extract().path("id");
    }

    private String status(String job) {
        return api().get(tenant() + "api/v2/jobs/" + job).then().statusCode(200).extract().path("status");
    }

    private static List<Map<String, Object>> ndjson(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank()).map(l -> {
                try {
                    return JSON.readValue(l, new TypeReference<Map<String, Object>>() {
                    });
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    @Test
    void anExportGoesPendingProcessingCompletedAndItsFileIsGzippedNdjsonOfTheConnectionsUsersWithOnlyTheAskedFields()
            throws IOException {
        given().contentType(ContentType.JSON).body(Map.of("count", 20, "withBoth", 2, "withEmail", 3, "withPhone", 4))
                .post(tenant() + "test-controls/employees").then().statusCode(204);
        String job = startExport(List.of("user_id", "nickname", "name", "email", "identities"));
        assertThat(status(job)).isEqualTo("processing");
        Map<String, Object> done = api().get(tenant() + "api/v2/jobs/" + job).then().statusCode(200).extract()
                .as(new io.restassured.common.mapper.TypeRef<Map<String, Object>>() {
                });
        assertThat(done).containsEntry("status", "completed");
        String location = (String) done.get("location");
        assertThat(location).doesNotContain("/api/v2/");

        byte[] file = given().get(location).then().statusCode(200).extract().asByteArray();
        List<Map<String, Object>> users = ndjson(file);
        // the nine demo users and the twenty generated; the linked contacts are not users of their own
        assertThat(users).hasSize(29);
        assertThat(users).allSatisfy(u -> assertThat(u.keySet()).isSubsetOf("user_id", "nickname", "name", "email", "identities"));
        Map<String, Object> bob = users.stream().filter(u -> "bob".equals(u.get("nickname"))).findFirst().orElseThrow();
        List<Map<String, Object>> identities = (List<Map<String, Object>>) bob.get("identities");
        assertThat(identities).extracting(i -> i.get("provider")).containsExactly("ad", "email");
        assertThat((Map<String, Object>) identities.get(1).get("profileData")).containsEntry("email", "bob.personal@example.com");
        long withContact = users.stream().filter(u -> ((List<?>) u.get("identities")).size() > 1).count();
        // bob and erin of the demo, and 2 + 3 + 4 generated
        assertThat(withContact).isEqualTo(11);
        Map<String, Object> first = users.stream().filter(u -> "gen00001".equals(u.get("nickname"))).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) first.get("identities")).extracting(i -> i.get("connection"))
                .containsExactly("corp-ad", "email", "sms");
        assertThat(TenantApi.callsTo("POST /api/v2/jobs/users-exports")).isEqualTo(1);
    }

    @Test
    void theDownloadUrlExpiresAfterAMinuteOfTheTenantsClock() {
        String job = startExport(List.of("user_id"));
        status(job);
        String location = api().get(tenant() + "api/v2/jobs/" + job).then().extract().path("location");
        given().get(location).then().statusCode(200);
        TenantApi.advanceClock(61);
        given().get(location).then().statusCode(403);
    }

    @Test
    void aSlowJobStaysProcessingAndAFailedOneEndsFailed() {
        given().contentType(ContentType.JSON).body(Map.of("outcome", "slow")).post(tenant() + "test-controls/export-jobs")
                .then().statusCode(204);
        String slow = startExport(List.of("user_id"));
        for (int i = 0; i < 5; i++) {
            assertThat(status(slow)).isEqualTo("processing");
        }
        given().contentType(ContentType.JSON).body(Map.of("outcome", "failed")).post(tenant() + "test-controls/export-jobs")
                .then().statusCode(204);
        assertThat(status(slow)).isEqualTo("failed");
        given().contentType(ContentType.JSON).body(Map.of("outcome", "normal")).post(tenant() + "test-controls/export-jobs")
                .then().statusCode(204);
        String normal = startExport(List.of("user_id"));
        status(normal);
        assertThat(status(normal)).as("the control: jobs complete again").isEqualTo("completed");
    }

    @Test
    void exportJobsAreUnderTheManagementRateLimitWithItsHeadersAndA429() {
        TenantApi.managementRateLimit(1);
        String id = adConnectionId();
        // the connections read is not under the limit; the first job call is, and announces the budget
        api().body(Map.of("connection_id", id, "fields", List.of(Map.of("name", "user_id"))))
                .post(tenant() + "api/v2/jobs/users-exports").then().statusCode(201)
                .header("x-ratelimit-limit", "1").header("x-ratelimit-remaining", "0");
        // within the same second the next is refused; across a second boundary the budget is new, so try a few
        boolean limited = false;
        for (int i = 0; i < 5 && !limited; i++) {
            limited = api().get(tenant() + "api/v2/jobs/job_unknown").then().extract().statusCode() == 429
                    || api().get(tenant() + "api/v2/jobs/job_unknown").then().extract().statusCode() == 429;
        }
        assertThat(limited).isTrue();
    }

    @Test
    void anUnknownConnectionOrFormatIsRefusedInAuth0sEnvelope() {
        api().body(Map.of("connection_id", "con_nope", "fields", List.of(Map.of("name", "user_id"))))
                .post(tenant() + "api/v2/jobs/users-exports").then().statusCode(400).body("errorCode", equalTo("invalid_body"));
        api().body(Map.of("connection_id", adConnectionId(), "format", "xml"))
                .post(tenant() + "api/v2/jobs/users-exports").then().statusCode(400).body("errorCode", equalTo("invalid_body"));
        given().get(tenant() + "api/v2/jobs/job_x").then().statusCode(401);
    }
}
