package dev.selfservice.portal.web;

import io.vertx.core.http.HttpServerRequest;

/**
 * The employee's IP address as this server sees it, forwarded to Auth0 for its brute-force protection and used by
 * the portal's own throttles. Behind a proxy it is the forwarded address only when Quarkus is told to trust the
 * proxy ({@code quarkus.http.proxy.*}); otherwise a client could choose its own.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
