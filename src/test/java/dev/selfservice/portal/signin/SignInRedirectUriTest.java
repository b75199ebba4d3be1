package dev.selfservice.portal.signin;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The sign-in's redirect_uri is the configured public URL's, whatever Host header the request came with. */
@QuarkusTest
class SignInRedirectUriTest {

    private static Map<String, String> query(String location) {
        return Arrays.stream(URI.create(location).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8),
                        (a, b) -> a));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/signin", "/account", "/signin/fresh" })
    void aForeignHostHeaderDoesNotBecomeTheRedirectUri(String path) {
        Response foreign = given().redirects().follow(false).header("Host", "evil.example").get(portal() + path);
        assertThat(foreign.statusCode()).isBetween(300, 399);
        String location = foreign.header("Location");
        assertThat(location).as("the tenant's authorize endpoint").contains("/authorize?");
        assertThat(query(location)).containsEntry("redirect_uri", portal() + "/callback");
        assertThat(location).doesNotContain("evil.example");
        // the control: the configured host gives the same redirect_uri
        Response own = given().redirects().follow(false).get(portal() + path);
        assertThat(query(own.header("Location"))).containsEntry("redirect_uri", portal() + "/callback");
    }
}
