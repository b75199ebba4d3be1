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

    private final URI publicUrl;
    private final String authority;

    private final boolean behindProxy;

    @jakarta.inject.Inject
    public PublicHost(PortalConfig config, @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean behindProxy) {
        this(URI.create(config.publicUrl()), behindProxy);
    }

    PublicHost(URI publicUrl, boolean behindProxy) {
        this.publicUrl = publicUrl;
        this.authority = publicUrl.getRawAuthority();
        this.behindProxy = behindProxy;
    }

    /**
     * Whether the URI names the public URL's host and port. A default port (80, 443) counts as none written: behind a
     * TLS-terminating ingress the request's own scheme is http while the public URL's is https.
     */
    boolean isPublic(String absoluteUri) {
        try {
            URI uri = URI.create(absoluteUri);
            // a user part is no part of a host a browser sends, but would be of the redirect_uri built from it
            return uri.getRawUserInfo() == null && publicUrl.getHost().equalsIgnoreCase(uri.getHost())
                    && port(publicUrl) == port(uri);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false; // not a URI with a host: refused
        }
    }

    private static int port(URI uri) {
        return uri.getPort() == 80 || uri.getPort() == 443 ? -1 : uri.getPort();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> {
            if (!authority.equalsIgnoreCase(ctx.request().headers().get("Host"))) {
                ctx.request().headers().set("Host", authority);
            }
            // Behind a proxy (quarkus.http.proxy.*), Quarkus works out the request's absolute URI once, before any
            // route, and keeps it: the header set above no longer reaches quarkus-oidc, which builds the redirect_uri
            // from that URI. A request whose URI still names a foreign host is then refused, since the ingress routes
            // no other host here and its redirect_uri would be the client's choice. (Without a proxy the rewrite
            // reaches it over HTTP/1.1; an HTTP/2 client that connects to the pod itself names its own :authority,
            // and only ever redirects itself.)
            if (behindProxy && !isPublic(ctx.request().absoluteURI())) {
                ctx.response().setStatusCode(421).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .putHeader("Cache-Control", "no-store")
                        .end("This portal answers only at its own address: " + authority + "\n");
                return;
            }
            ctx.next();
        });
    }
}
