package dev.selfservice.portal.report;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.PortalSteps;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The coverage report (issue 32): every AD user read through Auth0's user export job, whatever the size, the share
 * with a contact right, the CSV of those without one, the last good figures kept while a reading is slow or failed,
 * and one reading at a time.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class CoverageReportTest {

    private static Browser rita() {
        return PortalSteps.signIn("rita", DEMO_PASSWORD);
    }

    private static void generate(int count, int withBoth, int withEmail, int withPhone) {
        given().contentType(ContentType.JSON)
                .body(Map.of("count", count, "withBoth", withBoth, "withEmail", withEmail, "withPhone", withPhone))
                .post(tenant() + "test-controls/employees").then().statusCode(204);
    }

    private static void exportJobs(String outcome) {
        given().contentType(ContentType.JSON).body(Map.of("outcome", outcome)).post(tenant() + "test-controls/export-jobs")
                .then().statusCode(204);
    }

    private static Page run(Browser rita) {
        return rita.submit(rita.get(portal() + "/reports"), "#run", Map.of());
    }

    /** Opens the page until it shows what is awaited: a reading ends on a worker thread, in its own time. */
    private static Page awaitPage(Browser rita, Predicate<Page> shown) throws InterruptedException {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        Page page = rita.get(portal() + "/reports");
        while (!shown.test(page) && System.nanoTime() < giveUp) {
            Thread.sleep(200);
            page = rita.get(portal() + "/reports");
        }
        assertThat(shown).as("the page came to show what was awaited").accepts(page);
        return page;
    }

    private static boolean idle(Page p) {
        return p.document().select("#running").isEmpty();
    }

    @Test
    void theReportIsRightForFiveThousandEmployeesReadThroughTheExportJobAndNoUserSearch() throws Exception {
        // 5,000 more employees: 1,000 with an email and a phone, 1,500 with an email, 500 with a phone, 2,000 none;
        // of the nine demo users bob has an email and erin a phone
        generate(5000, 1000, 1500, 500);
        Browser rita = rita();
        int searches = TenantApi.callsTo("GET /api/v2/users");
        assertThat(rita.get(portal() + "/reports").text("#no-reading")).startsWith("No reading yet");

        Page started = run(rita);
        assertThat(started.text("#notice")).startsWith("The reading was started");
        Page done = awaitPage(rita, p -> !p.document().select("#total").isEmpty() && idle(p));

        assertThat(done.text("#total")).isEqualTo("5008");
        assertThat(done.text("#with-contact")).isEqualTo("3002");
        assertThat(done.text("#with-email")).isEqualTo("2501");
        assertThat(done.text("#with-phone")).isEqualTo("1501");
        assertThat(done.text("#without-contact")).isEqualTo("2006");
        // 3,002 of 5,009 is 59.93 %: rounded down
        assertThat(done.text("#share")).isEqualTo("59 %");
        assertThat(done.text("#read-at")).startsWith("Read from Auth0 at");
        assertThat(done.document().select("#trend tbody tr")).hasSize(1);
        assertThat(done.document().select("#failed")).isEmpty();

        assertThat(TenantApi.callsTo("POST /api/v2/jobs/users-exports")).as("one export job").isEqualTo(1);
        assertThat(TenantApi.callsTo("GET /api/v2/jobs/:id")).as("asked after until done").isGreaterThanOrEqualTo(2);
        assertThat(TenantApi.callsTo("GET /api/v2/users") - searches).as("no user search (it stops at 1,000)").isZero();

        Page csv = rita.get(portal() + "/reports/without-contact.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("content-disposition").get(0)).contains("attachment").contains(".csv");
        assertThat(csv.body()).as("a byte-order mark, for Excel to read UTF-8").startsWith("\uFEFF");
        List<String> lines = csv.body().substring(1).lines().toList();
        assertThat(lines).hasSize(1 + 2006);
        assertThat(lines.get(0)).isEqualTo("\"username\",\"name\",\"work_email\"");
        assertThat(lines).contains("\"gen05000\",\"Employee GEN 05000\",\"gen05000@corp.example\"")
                .contains("\"alice\",\"Alice Adams\",\"alice@corp.example\"");
        assertThat(csv.body()).as("those with a contact are not listed").doesNotContain("\"gen00001\"")
                .doesNotContain("\"bob\"");
        assertThat(csv.body()).as("nor grace, blocked in Auth0 (left out, counted apart)").doesNotContain("\"grace\"");
        assertThat(done.text("#blocked")).isEqualTo("1");
        assertThat(csv.body()).as("nothing of anyone's contacts").doesNotContain("example.net").doesNotContain("+1415")
                .doesNotContain("bob.personal");

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("portal_report_enrolled_share 0\\.599\\d*");
    }

    @Test
    void aSlowReadingAndAFailedOneSaySoAndShowTheLastGoodFigures() throws Exception {
        Browser rita = rita();
        run(rita);
        Page good = awaitPage(rita, p -> !p.document().select("#total").isEmpty() && idle(p));
        assertThat(good.text("#total")).isEqualTo("8");
        String readAt = good.text("#read-at");

        exportJobs("slow");
        generate(10, 0, 0, 0);
        run(rita);
        Page slow = awaitPage(rita, p -> !p.document().select("#running").isEmpty());
        assertThat(slow.text("#running")).startsWith("A reading is running now");
        assertThat(slow.text("#total")).as("the last good figures").isEqualTo("8");
        assertThat(slow.text("#read-at")).isEqualTo(readAt);
        assertThat(run(rita).text("#notice")).as("one reading at a time").startsWith("A reading is already running");

        exportJobs("failed");
        Page failed = awaitPage(rita, p -> idle(p) && !p.document().select("#failed").isEmpty());
        assertThat(failed.text("#failed")).startsWith("The last reading, at").contains("failed or took too long");
        assertThat(failed.text("#total")).as("still the last good figures").isEqualTo("8");
        assertThat(failed.text("#read-at")).isEqualTo(readAt);

        // the control: a reading that completes again shows the new figures, and no failure
        exportJobs("normal");
        run(rita);
        Page again = awaitPage(rita, p -> idle(p) && "18".equals(p.text("#total")));
        assertThat(again.document().select("#failed")).isEmpty();
    }

    @Test
    void twoStartsAtOnceMakeOneReadingWithOneExportJob() throws Exception {
        Browser first = rita();
        Browser second = rita();
        Page one = first.get(portal() + "/reports");
        Page two = second.get(portal() + "/reports");
        exportJobs("slow");
        List<Page> answers = Parallel.run(List.<Callable<Page>>of(
                () -> first.submit(one, "#run", Map.of()), () -> second.submit(two, "#run", Map.of())));
        assertThat(answers).extracting(p -> p.text("#notice")).filteredOn(t -> t.startsWith("The reading was started"))
                .hasSize(1);
        assertThat(answers).extracting(p -> p.text("#notice"))
                .filteredOn(t -> t.startsWith("A reading is already running")).hasSize(1);
        assertThat(TenantApi.callsTo("POST /api/v2/jobs/users-exports")).isEqualTo(1);
        exportJobs("failed");
        awaitPage(first, CoverageReportTest::idle);
    }

    @Test
    void underATightRateLimitTheReadingWaitsForTheNextWindowAndCompletes() throws Exception {
        Browser rita = rita();
        Page page = rita.get(portal() + "/reports");
        // one Management call a second for the whole tenant: the reading's polls meet the limit unless paced
        TenantApi.managementRateLimit(1);
        rita.submit(page, "#run", Map.of());
        Page done = awaitPage(rita, p -> !p.document().select("#total").isEmpty() && idle(p));
        assertThat(done.text("#total")).isEqualTo("8");
        assertThat(done.document().select("#failed")).isEmpty();
    }

    @Test
    void aReadingThatMeets429sWaitsForTheWindowAuth0NamesAndCompletes() throws Exception {
        Browser rita = rita();
        Page page = rita.get(portal() + "/reports");
        // the start refused once, and the job's read three times: more than the idempotent retry's own two retries
        TenantApi.fault(Map.of("method", "POST", "path", "/api/v2/jobs/users-exports", "status", 429, "times", 1));
        TenantApi.fault(Map.of("method", "GET", "path", "/api/v2/jobs/", "status", 429, "times", 3));
        rita.submit(page, "#run", Map.of());
        Page done = awaitPage(rita, p -> idle(p) && (!p.document().select("#total").isEmpty()
                || !p.document().select("#failed").isEmpty()));
        assertThat(done.document().select("#failed")).as("not given up on a 429").isEmpty();
        assertThat(done.text("#total")).isEqualTo("8");
        assertThat(TenantApi.callsTo("POST /api/v2/jobs/users-exports")).as("the refused start, then the one that went")
                .isEqualTo(2);
    }

    @Test
    void thePageIsInGerman() throws Exception {
        Browser rita = rita();
        java.net.HttpCookie lang = new java.net.HttpCookie("lang", "de");
        lang.setPath("/");
        rita.cookies().getCookieStore().add(java.net.URI.create(portal()), lang);
        assertThat(rita.get(portal() + "/reports").text("h1")).isEqualTo("Abdeckung der Wiederherstellung");
        run(rita);
        Page done = awaitPage(rita, p -> !p.document().select("#total").isEmpty() && idle(p));
        assertThat(done.text("#share")).isEqualTo("25 %");
        assertThat(done.text("#read-at")).startsWith("Aus Auth0 gelesen am");
        assertThat(done.text("#run button")).isEqualTo("Verzeichnis jetzt lesen");
    }
}
