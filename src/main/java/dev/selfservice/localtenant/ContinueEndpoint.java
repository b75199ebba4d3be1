package dev.selfservice.localtenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /continue}, where a site a post-login Action sent the browser to resumes the login (GET, or a form POST as
 * Auth0 also takes), and the test control that binds Actions: {@code POST /test-controls/actions}
 * {@code {"postLogin":["deploy/auth0/actions/enrolment-nudge.js"],"secrets":{"NAME":"value"}}} (204; 400 with the
 * reason when a file cannot be read or does not parse), until the tenant's reset.
 */
@ApplicationScoped
class ContinueEndpoint implements TenantEndpoint {

    private final PostLoginFlow flow;
    private final PostLoginActions actions;

    ContinueEndpoint(PostLoginFlow flow, PostLoginActions actions) {
        this.flow = flow;
        this.actions = actions;
    }

    @Override
    public void register(Router router) {
        // blocking: the Action's onContinuePostLogin runs here
        router.get("/continue").blockingHandler(flow::resume, false);
        router.post("/continue").blockingHandler(flow::resume, false);
        router.post("/test-controls/actions").blockingHandler(this::bind, false);
    }

    private void bind(RoutingContext ctx) {
        JsonObject body = TenantHttp.bodyObject(ctx);
        List<String> files = new ArrayList<>();
        if (body.getValue("postLogin") instanceof JsonArray a) {
            a.forEach(f -> files.add(String.valueOf(f)));
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        if (body.getValue("secrets") instanceof JsonObject s) {
            s.forEach(e -> secrets.put(e.getKey(), String.valueOf(e.getValue())));
        }
        try {
            actions.bind(files, secrets);
            ctx.response().setStatusCode(204).end();
        } catch (ActionRuntime.LoadError e) {
            TenantHttp.json(ctx, 400, Map.of("error", e.getMessage()));
        }
    }
}
