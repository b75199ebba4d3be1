package dev.selfservice.localtenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The Management API's user export: {@code POST /api/v2/jobs/users-exports} creates a job for one connection and
 * the fields asked for, {@code GET /api/v2/jobs/:id} reads it, and its {@code location} (outside the API, no token,
 * as Auth0's signed storage URL) downloads the gzipped file until it expires; an expired or unknown one answers 403,
 * as signed storage does.
 */
@ApplicationScoped
class ManagementJobsEndpoint implements TenantEndpoint {

    private static final Set<String> FORMATS = Set.of("json", "csv");

    private final ManagementAuth auth;
    private final ExportJobs jobs;
    private final TenantConnections connections;

    ManagementJobsEndpoint(ManagementAuth auth, ExportJobs jobs, TenantConnections connections) {
        this.auth = auth;
        this.jobs = jobs;
        this.connections = connections;
    }

    @Override
    public void register(Router router) {
        router.post("/api/v2/jobs/users-exports").handler(ManagementUsersEndpoint.guard(this::create));
        router.get("/api/v2/jobs/:id").blockingHandler(ManagementUsersEndpoint.guard(this::read), false);
        router.get("/export-files/:token/:name").handler(this::download);
    }

    private void create(RoutingContext ctx) {
        auth.require(ctx, "read:users");
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw ManagementError.badRequest("Invalid request payload JSON format", "invalid_body");
        }
        if (body == null) {
            body = new JsonObject();
        }
        String connectionId = TenantHttp.str(body, "connection_id");
        // Auth0 exports every connection without a connection_id; the tenant asks for one, as the portal always sends it
        TenantConnections.Connection connection = connectionId == null ? null
                : connections.byId(connectionId).orElse(null);
        if (connection == null) {
            throw ManagementError.badRequest("Payload validation error: the connection does not exist.", "invalid_body");
        }
        String format = body.getString("format", "json");
        if (!FORMATS.contains(format)) {
            throw ManagementError.badRequest("Payload validation error: 'No enum match for: \"" + format
                    + "\"' on property format.", "invalid_body");
        }
        List<ExportJobs.Field> fields = new ArrayList<>();
        Object raw = body.getValue("fields");
        if (raw instanceof JsonArray array) {
            for (Object f : array) {
                if (!(f instanceof JsonObject field) || TenantHttp.str(field, "name") == null) {
                    throw ManagementError.badRequest("Payload validation error: 'Missing required property: name' on property fields.",
                            "invalid_body");
                }
                fields.add(new ExportJobs.Field(TenantHttp.str(field, "name"), TenantHttp.str(field, "export_as")));
            }
        }
        if (fields.isEmpty()) {
            // Auth0 exports a default set without fields; the tenant keeps to what a caller names
            fields.add(new ExportJobs.Field("user_id", null));
        }
        ExportJobs.Job job = jobs.create(connection.id(), connection.name(), format, fields);
        TenantLog.management("users_export", job.id, "export of " + connection.name());
        TenantHttp.json(ctx, 201, jobs.describe(job));
    }

    private void read(RoutingContext ctx) {
        auth.require(ctx, "read:users");
        TenantHttp.json(ctx, 200, jobs.read(ctx.pathParam("id"))
                .orElseThrow(() -> new ManagementError(404, "The job does not exist.", "inexistent_job")));
    }

    private void download(RoutingContext ctx) {
        jobs.download(ctx.pathParam("token")).ifPresentOrElse(
                file -> ctx.response().setStatusCode(200).putHeader("content-type", "application/gzip")
                        .end(io.vertx.core.buffer.Buffer.buffer(file)),
                () -> ctx.response().setStatusCode(403).putHeader("content-type", "application/xml")
                        .end("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                                + "<Message>Request has expired</Message></Error>"));
    }
}
