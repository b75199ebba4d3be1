package dev.selfservice.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.selfservice.localtenant.AppSignIn;
import dev.selfservice.support.Jwts;
import dev.selfservice.support.TenantApi;

/**
 * A second application of the company, registered on the local tenant, for walks that sign in somewhere other than
 * the portal: its callback exchanges the code as a real web application does and shows whom the ID token names, so
 * that a walk sees the employee land back in it signed in. A page of its own server, not the portal's.
 */
final class Intranet implements AutoCloseable {

    static final String CLIENT = "intranet";
    private static final String SECRET = "intranet-secret";

    private final HttpServer server;

    private Intranet(HttpServer server) {
        this.server = server;
    }

    /** Starts it on a free port of this machine and registers it with the tenant (until the tenant's next reset). */
    static Intranet start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            Intranet intranet = new Intranet(server);
            server.createContext("/callback", intranet::callback);
            server.start();
            TenantApi.registerApplication(CLIENT, SECRET, intranet.callbackUrl());
            return intranet;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String callbackUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/callback";
    }

    /** Where its "Sign in" goes: the tenant's authorize for this application, with the AD connection. */
    String signInUrl() {
        return AppSignIn.authorizeUrl(CLIENT, callbackUrl(), "");
    }

    private void callback(HttpExchange exchange) throws IOException {
        String heading;
        String text;
        try {
            String code = AppSignIn.query(exchange.getRequestURI()).get("code");
            io.restassured.response.Response token = AppSignIn.exchange(CLIENT, SECRET, callbackUrl(), code);
            if (code == null || token.statusCode() != 200) {
                heading = "Intranet: sign-in failed";
                text = "The tenant answered " + token.statusCode();
            } else {
                Map<String, Object> claims = Jwts.claims(token.path("id_token"));
                heading = CLIENT.equals(claims.get("aud")) ? "Intranet" : "Intranet: a token for another application";
                text = "Signed in as " + claims.get("name") + " (" + Jwts.subject(token.path("id_token")) + ")";
            }
        } catch (RuntimeException e) {
            heading = "Intranet: sign-in failed";
            text = e.getClass().getSimpleName();
        }
        byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + heading
                + "</title></head><body><main><h1>" + heading + "</h1><p id=\"signed-in\">" + text
                + "</p></main></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, page.length);
        try (var out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
