package dev.selfservice.portal.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.selfservice.portal.PortalConfig;
import io.vertx.ext.web.Router;

/**
 * Every request is served as addressed to the configured public URL ({@code PORTAL_BASE_URL}): its {@code Host}
 * header is set to the public URL's authority before any handler reads it. quarkus-oidc builds the sign-in's
 * {@code redirect_uri} from the request's host, which a client chooses, so a foreign {@code Host} sent the
 * authorization code elsewhere, or made the tenant refuse the sign-in; {@link PublicUrlRedirects} does the same for
 * the portal's own redirects.
 */
@ApplicationScoped
public class PublicHost {

    private final String authority;

    public PublicHost(PortalConfig config) {
        this.authority = URI.create(config.publicUrl()).getRawAuthority();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> {
            if (!authority.equalsIgnoreCase(ctx.request().headers().get("Host"))) {
                ctx.request().headers().set("Host", authority);
            }
            // Behind a proxy (quarkus.http.proxy.*), Quarkus reads the host once, before any route, and keeps it: the
            // header set above no longer reaches quarkus-oidc. A request whose host is still foreign is then refused,
            // since no ingress routes another host here and its redirect_uri would be the client's choice.
            if (!authority.equalsIgnoreCase(ctx.request().host())) {
                ctx.response().setStatusCode(421).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .putHeader("Cache-Control", "no-store")
                        .end("This portal answers only at its own address: " + authority + "\n");
                return;
            }
            ctx.next();
        });
    }
}
