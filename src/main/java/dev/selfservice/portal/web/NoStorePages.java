package dev.selfservice.portal.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every page the portal renders may hold personal data or a form with a CSRF token, so none is kept by the browser or
 * a proxy: {@code Cache-Control: no-store}. Static files (styles, scripts, the icon) are served apart, cacheable.
 */
public class NoStorePages {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
