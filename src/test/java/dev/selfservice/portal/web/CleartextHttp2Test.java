package dev.selfservice.portal.web;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The plain port answers a request to upgrade to cleartext HTTP/2 in HTTP/1.1, as if the header were not there: a
 * client tunnelling h2c through an ingress could otherwise talk to the portal past it, with an
 * {@code X-Forwarded-For} of its own choosing.
 */
@QuarkusTest
class CleartextHttp2Test {

    /** Read at each use: the test port is known once the portal has started. */
    private static URI landing() {
        return URI.create(portal() + "/");
    }

    /** A connection to the plain port that has sent these bytes, the portal's answer still to be read. */
    private static Socket sent(byte[]... parts) throws Exception {
        Socket socket = new Socket(landing().getHost(), landing().getPort());
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        out.flush();
        return socket;
    }

    private static String line(InputStream in) throws Exception {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
    }

    @Test
    void anUpgradeToCleartextHttp2IsAnsweredInHttp1AsAnyRequest() throws Exception {
        // the upgrade as RFC 7540 section 3.2 has a client ask for it (SETTINGS_MAX_CONCURRENT_STREAMS = 100)
        try (Socket socket = sent(("GET / HTTP/1.1\r\nHost: " + landing().getAuthority() + "\r\n"
                + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABk\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII))) {
            // a switch would be "HTTP/1.1 101 Switching Protocols", then HTTP/2 frames
            assertThat(line(socket.getInputStream())).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    @Test
    void http2SentWithoutAskingIsRefusedAsAnHttp1RequestWouldBe() throws Exception {
        // the client connection preface of RFC 9113 section 3.4, then an empty SETTINGS frame
        try (Socket socket = sent("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                new byte[] { 0, 0, 0, 4, 0, 0, 0, 0, 0 })) {
            // an HTTP/2 server's first bytes would be its own SETTINGS frame (type 4), in binary
            InputStream in = socket.getInputStream();
            assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("HTTP/");
            // read as an HTTP/1 request with an unknown method, it is refused with a status line of text
            assertThat("HTTP/" + line(in)).matches("HTTP/[0-9.]+ [45][0-9]{2} .*");
        }
    }

    @Test
    void aClientThatPrefersHttp2IsServedInHttp1() throws Exception {
        // Java's client asks every new plain connection to upgrade to h2c, as the benchmark's employees do
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(landing()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<html");
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }
}
