package dev.selfservice.localtenant;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.json.Json;

/**
 * Auth0's user export jobs ({@code users_export}): a job is {@code pending}, then {@code processing}, then
 * {@code completed} with a {@code location} (a download URL that expires, as Auth0's signed storage URL does) of a
 * gzipped NDJSON file, one user of the connection a line with only the requested fields. Here a job moves one state
 * on at each read of it, so that a client must poll as it must at Auth0; a test can hold jobs in {@code processing}
 * (a slow job on a large tenant) or let them end {@code failed}.
 */
@ApplicationScoped
class ExportJobs {

    /** How long a completed job's download URL works. Auth0 does not document it ("expires after a while"). */
    static final Duration DOWNLOAD_LIFETIME = Duration.ofSeconds(60);

    /** How jobs end: as at Auth0 normally, held in processing, or failed. */
    enum Outcome {
        NORMAL, SLOW, FAILED
    }

    record Field(String name, String exportAs) {
        String column() {
            return exportAs == null ? name : exportAs;
        }
    }

    static final class Job {
        final String id;
        final String connectionId;
        final String connection;
        final String format;
        final List<Field> fields;
        final Instant createdAt;
        String status = "pending";
        String fileToken;

        Job(String id, String connectionId, String connection, String format, List<Field> fields, Instant createdAt) {
            this.id = id;
            this.connectionId = connectionId;
            this.connection = connection;
            this.format = format;
            this.fields = fields;
            this.createdAt = createdAt;
        }
    }

    record File(byte[] gzipped, Instant expires) {
    }

    private final TenantUsers users;
    private final TenantClock clock;
    private final TenantIssuer issuer;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, File> files = new ConcurrentHashMap<>();
    private volatile Outcome outcome = Outcome.NORMAL;

    ExportJobs(TenantUsers users, TenantClock clock, TenantIssuer issuer) {
        this.users = users;
        this.clock = clock;
        this.issuer = issuer;
    }

    Job create(String connectionId, String connection, String format, List<Field> fields) {
        Job job = new Job("job_" + TenantUsers.newPasswordlessId().substring(0, 16), connectionId, connection, format,
                fields, clock.instant());
        jobs.put(job.id, job);
        return job;
    }

    /** The job as a read finds it, one state further on than the last read (or held by the outcome set for tests). */
    synchronized Optional<Map<String, Object>> read(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        switch (job.status) {
            case "pending" -> job.status = outcome == Outcome.FAILED ? "failed" : "processing";
            case "processing" -> {
                if (outcome == Outcome.NORMAL) {
                    complete(job);
                } else if (outcome == Outcome.FAILED) {
                    job.status = "failed";
                }
            }
            default -> {
            }
        }
        return Optional.of(describe(job));
    }

    private void complete(Job job) {
        String token = TenantUsers.newPasswordlessId();
        files.put(token, new File(gzip(lines(job)), clock.instant().plus(DOWNLOAD_LIFETIME)));
        job.fileToken = token;
        job.status = "completed";
    }

    private byte[] lines(Job job) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> user : users.all()) {
            if (!job.connection.equals(firstConnection(user))) {
                continue;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            for (Field f : job.fields) {
                Object value = valueAt(user, f.name());
                if (value != null) {
                    line.put(f.column(), value);
                }
            }
            out.append(Json.encode(line)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static String firstConnection(Map<String, Object> user) {
        Object identities = user.get("identities");
        if (identities instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            return String.valueOf(((Map<String, Object>) first).get("connection"));
        }
        return null;
    }

    /** A field as Auth0's export names it: {@code email}, {@code user_metadata.lang}, {@code identities[0].connection}. */
    static Object valueAt(Map<String, Object> user, String path) {
        Object current = user;
        for (String part : path.split("\\.")) {
            String key = part;
            Integer index = null;
            int bracket = part.indexOf('[');
            if (bracket > 0 && part.endsWith("]")) {
                key = part.substring(0, bracket);
                try {
                    index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
            if (index != null) {
                current = current instanceof List<?> list && index >= 0 && index < list.size() ? list.get(index) : null;
            }
        }
        return current;
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    Map<String, Object> describe(Job job) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("type", "users_export");
        j.put("status", job.status);
        j.put("connection_id", job.connectionId);
        j.put("connection", job.connection);
        j.put("format", job.format);
        j.put("fields", job.fields.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            if (f.exportAs() != null) {
                m.put("export_as", f.exportAs());
            }
            return m;
        }).toList());
        j.put("created_at", job.createdAt.toString());
        j.put("id", job.id);
        if ("completed".equals(job.status)) {
            j.put("location", issuer.url("export-files/" + job.fileToken + "/" + job.connection + ".json.gz"));
            j.put("percentage_done", 100);
            j.put("time_left_seconds", 0);
        } else if ("processing".equals(job.status)) {
            j.put("percentage_done", 0);
        }
        return j;
    }

    /** The file behind a download URL while it has not expired. */
    Optional<byte[]> download(String token) {
        File f = files.get(token);
        if (f == null || !clock.instant().isBefore(f.expires())) {
            return Optional.empty();
        }
        return Optional.of(f.gzipped());
    }

    void outcome(Outcome o) {
        this.outcome = o;
    }

    void reset() {
        jobs.clear();
        files.clear();
        outcome = Outcome.NORMAL;
    }
}
