package dev.selfservice.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

/**
 * The browser helper against pages that replace themselves while it reads them, in Chromium: a page that navigates to
 * itself several times and rewrites its own body before the awaited heading appears is still seen; a page whose
 * heading never comes fails with the last state that was seen.
 */
@ExtendWith(Chromium.class)
class PageReplacedTest {

    /** How many times the page replaces itself by navigation before the awaited heading. */
    private static final int LAST = 30;
    private static HttpServer server;
    private static final AtomicInteger SERVED = new AtomicInteger();

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/replacing", exchange -> {
            SERVED.incrementAndGet();
            int n = Integer.parseInt(exchange.getRequestURI().getQuery() == null ? "0"
                    : exchange.getRequestURI().getQuery().replace("n=", ""));
            // each page rewrites its body a few times, then replaces itself with the next; the last is the one awaited
            String script = n < LAST
                    ? "let i=0;const t=setInterval(()=>{document.body.innerHTML='<main><h1>Loading "
                            + n + ".'+i+'</h1></main>';if(++i>2){clearInterval(t);location.replace('/replacing?n=" + (n + 1)
                            + "');}},5);"
                    : "";
            String heading = n < LAST ? "Loading " + n : "Arrived";
            page(exchange, heading, script);
        });
        server.createContext("/never", exchange -> page(exchange, "Still loading",
                "let i=0;setInterval(()=>{document.body.innerHTML='<main><h1>Still loading '+(i++)+'</h1></main>';},250);"));
        server.start();
    }

    private static void page(com.sun.net.httpserver.HttpExchange exchange, String heading, String script) throws IOException {
        byte[] body = ("<!doctype html><html lang=en><head><title>" + heading + "</title></head><body><main><h1>"
                + heading + "</h1></main><script>" + script + "</script></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path).toString();
    }

    @Test
    void aPageThatReplacesItselfSeveralTimesBeforeItsHeadingIsSeenOnceTheHeadingComes() {
        int before = SERVED.get();
        try (Employee employee = new Employee(Walk.DESKTOP)) {
            employee.open(url("/replacing"));
            employee.sees("Arrived");
            assertThat(employee.bodyText()).isEqualTo("Arrived");
        }
        assertThat(SERVED.get() - before).as("the page replaced itself by navigation " + LAST + " times on the way").isEqualTo(LAST + 1);
    }

    @Test
    void aPageWhoseHeadingNeverComesFailsNamingWhatItLastShowed() {
        try (Employee employee = new Employee(Walk.DESKTOP, Duration.ofSeconds(5))) {
            employee.open(url("/never"));
            assertThatThrownBy(() -> employee.sees("Arrived")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected the page \"Arrived\"")
                    .hasMessageContaining("/never showing \"Still loading");
        }
    }
}
