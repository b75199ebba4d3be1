package dev.selfservice.portal.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.auth0.RemoteWait;
import dev.selfservice.portal.auth0.UsersExportJob;

/**
 * Reads every user of the AD connection through Auth0's user export job (user search stops at 1,000 results):
 * starts the job, asks after it until it is done, downloads its gzipped JSON lines and counts them as it reads, one
 * line at a time. Only what the report shows is asked for: the username, name and work address, and the connection
 * of each linked identity, never a contact's address. Blocks its thread throughout: run it off the event loop.
 */
@ApplicationScoped
class ExportReading {

    /** An employee has at most three contacts (the enrolment's limit); a few more are read in case. */
    private static final int LINKED_READ = 6;

    /** Why a reading ended without figures: a word for the page and the log. */
    static final class Failed extends RuntimeException {
        Failed(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Auth0Management management;
    private final ReportSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final String adConnection;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ExportReading(Auth0Management management, ReportSettings settings, ObjectMapper json, Clock clock,
            PortalConfig config) {
        this.management = management;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.adConnection = config.auth0().adConnection();
    }

    record Result(CoverageFigures figures, WithoutContact without) {
    }

    static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user_id", "user_id");
        fields.put("nickname", "username");
        fields.put("name", "name");
        fields.put("email", "email");
        fields.put("blocked", "blocked");
        for (int i = 1; i <= LINKED_READ; i++) {
            fields.put("identities[" + i + "].connection", "linked" + i);
        }
        return fields;
    }

    Result read() {
        String connectionId = management.adConnectionId(adConnection)
                .orElseThrow(() -> new Failed("no_ad_connection"));
        Instant giveUp = Instant.now().plus(settings.longestRun());
        UsersExportJob job = management.startUsersExport(connectionId, fields());
        while (!job.completed()) {
            if (job.failed()) {
                throw new Failed("export_failed");
            }
            left(Instant.now(), giveUp);
            RemoteWait.pause(settings.pollEvery(), () -> new Failed("interrupted"));
            job = management.usersExportJob(job.id());
        }
        if (job.location() == null || !job.location().startsWith("http")) {
            throw new Failed("export_without_file");
        }
        return count(download(job.location(), giveUp));
    }

    /**
     * What is left of the reading until its deadline, for the polls and the download alike: a reading that reaches
     * the file only after the deadline is too slow, not owed a fresh wait (nor a zero one, which the HTTP client
     * refuses).
     */
    static Duration left(Instant now, Instant giveUp) {
        if (!now.isBefore(giveUp)) {
            throw new Failed("export_too_slow");
        }
        return Duration.between(now, giveUp);
    }

    private InputStream download(String location, Instant giveUp) {
        try {
            HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(location))
                    .timeout(left(Instant.now(), giveUp)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (answer.statusCode() != 200) {
                answer.body().close();
                // an expired link answers 403: the next reading starts a new job
                throw new Failed("export_download_" + answer.statusCode());
            }
            return new GZIPInputStream(answer.body());
        } catch (IOException e) {
            throw new Failed("export_download_failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        }
    }

    private Result count(InputStream gzipped) {
        int total = 0;
        int withContact = 0;
        int withEmail = 0;
        int withPhone = 0;
        int blocked = 0;
        List<WithoutContact.Employee> without = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(gzipped, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode user = json.readTree(line);
                if (user.path("blocked").asBoolean(false)) {
                    blocked++;
                    continue;
                }
                total++;
                boolean email = false;
                boolean phone = false;
                for (int i = 1; i <= LINKED_READ; i++) {
                    String linked = user.path("linked" + i).asText("");
                    email |= linked.equals(PasswordlessChannel.EMAIL.connection());
                    phone |= linked.equals(PasswordlessChannel.SMS.connection());
                }
                if (email || phone) {
                    withContact++;
                } else {
                    without.add(new WithoutContact.Employee(user.path("user_id").asText(""), user.path("username").asText(""),
                            user.path("name").asText(""), user.path("email").asText("")));
                }
                withEmail += email ? 1 : 0;
                withPhone += phone ? 1 : 0;
            }
        } catch (IOException e) {
            throw new Failed("export_file_unreadable");
        }
        Instant readAt = clock.instant();
        return new Result(new CoverageFigures(readAt, total, withContact, withEmail, withPhone, blocked),
                new WithoutContact(readAt, List.copyOf(without)));
    }
}
