package dev.selfservice.portal.web;

import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.selfservice.portal.PortalConfig;

/**
 * Every redirect within the portal goes to the configured public URL ({@code PORTAL_BASE_URL}), never to the host the
 * request named: JAX-RS makes a relative {@code Location} absolute with the request's {@code Host} header, which a
 * client chooses, so such a Location is rebuilt on the public URL. Redirects to other sites (Auth0) are left alone.
 */
public class PublicUrlRedirects {

    private final URI publicUrl;

    public PublicUrlRedirects(PortalConfig config) {
        this.publicUrl = URI.create(config.publicUrl());
    }

    @ServerResponseFilter
    public void onThePublicUrl(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI target = URI.create(location.toString());
        URI requested = request.getUriInfo().getBaseUri();
        boolean madeFromTheRequest = target.getAuthority() == null
                || (target.getAuthority().equalsIgnoreCase(requested.getAuthority())
                        && !target.getAuthority().equalsIgnoreCase(publicUrl.getAuthority()));
        if (madeFromTheRequest || target.getAuthority().equalsIgnoreCase(publicUrl.getAuthority())) {
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            response.getHeaders().putSingle(HttpHeaders.LOCATION,
                    publicUrl.toString().replaceAll("/$", "") + path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        }
    }
}
