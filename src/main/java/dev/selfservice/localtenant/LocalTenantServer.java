package dev.selfservice.localtenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Starts the local tenant on its own port, on the loopback address only, with Auth0's paths at its root. A production
 * build has none of these classes: the build deletes the package before packaging ({@code take-local-tenant-out} in
 * the pom), and {@code ProductionBuildIT} checks every packaged jar for them.
 */
@ApplicationScoped
class LocalTenantServer {

    private static final Logger LOG = Logger.getLogger(LocalTenantServer.class);

    private final Vertx vertx;
    private final LocalTenantConfig config;
    private final TenantIssuer issuer;
    private final Instance<TenantEndpoint> endpoints;
    private final FaultInjector faults;
    private final ManagementRateLimit rateLimit;
    private final TenantCalls calls;
    private HttpServer server;

    LocalTenantServer(Vertx vertx, LocalTenantConfig config, TenantIssuer issuer, Instance<TenantEndpoint> endpoints,
            FaultInjector faults, ManagementRateLimit rateLimit, TenantCalls calls) {
        this.calls = calls;
        this.vertx = vertx;
        this.config = config;
        this.issuer = issuer;
        this.endpoints = endpoints;
        this.faults = faults;
        this.rateLimit = rateLimit;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        Router router = Router.router(vertx);
        // the body first, so that a delayed (fault-injected) request still has it
        router.route().handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
        router.route().handler(calls::handle);
        router.route().handler(faults::handle);
        router.route("/api/v2/users*").handler(rateLimit::handle);
        router.route("/api/v2/user-blocks*").handler(rateLimit::handle);
        router.route("/api/v2/jobs*").handler(rateLimit::handle);
        endpoints.forEach(endpoint -> endpoint.register(router));
        router.route().last().handler(ctx -> ctx.response().setStatusCode(404).end("Not Found"));
        server = vertx.createHttpServer().requestHandler(router).listen(config.port(), "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        LOG.infof("Local tenant (Auth0-compatible, AD connection '%s') listening on %s", config.adConnection(),
                issuer.url());
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
            server = null;
        }
    }
}
