package dev.selfservice.portal.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The plain HTTP port declines cleartext HTTP/2 (a request with {@code Upgrade: h2c}), which Vert.x would otherwise
 * accept. No legitimate client sends it: browsers speak HTTP/2 only over TLS, which ends at the ingress, and ingress
 * controllers and load balancers speak HTTP/1.1 to the pod. A client that does send it through an ingress that passes
 * {@code Upgrade} on (as ingress-nginx does, for WebSockets) turns its connection into a tunnel the ingress relays
 * blind ("h2c smuggling"): the ingress no longer adds the client's address to {@code X-Forwarded-For}, so behind a
 * trusted proxy the client would name its own address to every per-address limit ({@link ClientAddress}). Declined,
 * the request is answered in HTTP/1.1 like any other. It also spares each such connection HTTP/2's header tables and
 * stream state (about 30 KB, for as long as the connection stays open). HTTP/2 over TLS, chosen by ALPN when the
 * portal serves TLS itself, stays as Quarkus sets it.
 */
@ApplicationScoped
public class NoCleartextHttp2 implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
