package dev.selfservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which absolute URIs of a request name the public URL, behind an ingress that terminates TLS or not. */
class PublicHostTest {

    private static PublicHost at(String publicUrl) {
        return new PublicHost(java.net.URI.create(publicUrl), true);
    }

    @ParameterizedTest
    @CsvSource({
            "https://password.corp.example, http://password.corp.example/signin, true",
            "https://password.corp.example, https://password.corp.example:443/signin, true",
            "https://password.corp.example, http://Password.Corp.Example:80/, true",
            "http://localhost:8080, http://localhost:8080/account, true",
            "https://password.corp.example, http://evil.example/signin, false",
            "https://password.corp.example, http://password.corp.example:8443/signin, false",
            "http://localhost:8080, http://localhost:8081/account, false",
            "http://localhost:8080, http://localhost/account, false",
            "https://password.corp.example, http://evil.example@password.corp.example/signin, false",
            "https://password.corp.example, not a uri, false" })
    void aRequestIsPublicOnlyAtThePublicUrlsHostAndPort(String publicUrl, String requested, boolean isPublic) {
        assertThat(at(publicUrl).isPublic(requested)).isEqualTo(isPublic);
    }
}
