package dev.selfservice.portal.web;

import static dev.selfservice.support.LocalTenantUrls.portal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Caching, redirects, CSRF cookies and odd input, as a browser and an attacker meet them. */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class PageRulesTest {

    private static Response startRecovery(String host) {
        Response form = given().get("/recovery");
        org.jsoup.nodes.Element csrf = org.jsoup.Jsoup.parse(form.asString()).selectFirst("#recovery-start input[type=hidden]");
        return given().redirects().follow(false).header("Host", host).cookies(form.cookies())
                .formParam(csrf.attr("name"), csrf.attr("value")).formParam("username", "nobody")
                .formParam("contact", "someone@example.com").post("/recovery/start");
    }

    @Test
    void redirectsGoToThePublicUrlWhateverHostTheRequestNames() {
        Response evil = startRecovery("evil.example");
        assertThat(evil.statusCode()).isEqualTo(303);
        assertThat(evil.header("Location")).isEqualTo(portal() + "/recovery/code");
        // the positive control: with the portal's own host, the same redirect
        assertThat(startRecovery(java.net.URI.create(portal()).getAuthority()).header("Location"))
                .isEqualTo(portal() + "/recovery/code");
    }

    @Test
    void pagesAreNotStoredAndStaticFilesAre() {
        for (String page : new String[] { "/", "/recovery", "/password/expired", "/no/such/page" }) {
            given().get(page).then().header("Cache-Control", containsString("no-store"));
        }
        given().get("/css/portal.css").then().statusCode(200).header("Cache-Control", not(containsString("no-store")))
                .header("Cache-Control", containsString("max-age"));
        given().get("/favicon.svg").then().statusCode(200).contentType(containsString("svg"));
        given().get("/").then().body(containsString("rel=\"icon\""));
    }

    @Test
    void theCsrfCookieIsStrictSameSiteAndAnEarlierTabStillWorks() {
        Browser browser = new Browser();
        Page firstTab = browser.get(portal() + "/recovery");
        Response raw = given().get("/recovery");
        assertThat(raw.getHeaders().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("csrf-token=")
                && c.contains("SameSite=Strict") && c.toLowerCase(java.util.Locale.ROOT).contains("httponly"));
        Page secondTab = browser.get(portal() + "/recovery");
        assertThat(secondTab.status()).isEqualTo(200);

        Page fromFirstTab = browser.submit(firstTab, "#recovery-start", Map.of("username", "nobody", "contact",
                "someone@example.com"));
        assertThat(fromFirstTab.path()).as("the form of the tab opened first still posts").isEqualTo("/recovery/code");
    }

    @Test
    void aSignedInFormIsBoundToItsSession() {
        Browser first = dev.selfservice.support.PortalSteps.signIn("alice", dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD);
        Browser second = dev.selfservice.support.PortalSteps.signIn("alice", dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD);
        String fromTheFirst = first.get(portal() + "/account").document().selectFirst("form.signout input[name=session_form]")
                .attr("value");
        Page account = second.get(portal() + "/account");
        assertThat(account.document().selectFirst("form.signout input[name=session_form]").attr("value"))
                .isNotBlank().isNotEqualTo(fromTheFirst);

        Page refused = second.submit(account, "form.signout", Map.of("session_form", fromTheFirst));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(dev.selfservice.support.PortalSteps.opensAccount(second)).as("still signed in").isTrue();

        Page account2 = second.get(portal() + "/account");
        Page signedOut = second.submit(account2, "form.signout", Map.of());
        assertThat(signedOut.path()).as("its own session's form works").isEqualTo("/");
        assertThat(anonymousFormsCarryNoSessionValue()).isTrue();
    }

    private static boolean anonymousFormsCarryNoSessionValue() {
        Page form = new Browser().get(portal() + "/recovery");
        return form.document().selectFirst("#recovery-start input[name=session_form]").attr("value").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "%09", "/account%20x", "/acc%0d%0aSet-Cookie:x=y", "//evil.example", "https://evil.example/",
            "/a%5Cb", "/%E2%80%A8" })
    void aFreshSignInWithAnOddPlaceToGoIsABadRequestPage(String then) {
        Browser alice = dev.selfservice.support.PortalSteps.signIn("alice", dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD);
        Page odd = alice.get(portal() + "/signin/fresh?then=" + then);
        assertThat(odd.status()).isEqualTo(400);
        assertThat(odd.text("h1")).isEqualTo("This request cannot be processed");
        assertThat(odd.headers()).doesNotContainKey("location");
        // the positive control: a path of the portal is where a fresh sign-in goes on to
        assertThat(alice.get(portal() + "/signin/fresh?then=/enrolment").path()).isEqualTo("/enrolment");
    }

    @ParameterizedTest
    @ValueSource(strings = { "x=%", "csrf-token=%zz", "username=%E2%28", "a=%2" })
    void aFormWithBrokenPercentEncodingIsABadRequestPage(String body) throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(portal() + "/recovery/start"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("This request cannot be processed").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/recovery/start", "/recovery/code", "/password/expired", "/signout" })
    void aPostWithoutAContentTypeIsABadRequestPage(String path) throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(portal() + path))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=x")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        assertThat(answer.body()).contains("This request cannot be processed").doesNotContain("Exception");

        // and with the header there but empty, which no HTTP client library sends: over a socket
        java.net.URI uri = java.net.URI.create(portal());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: " + uri.getAuthority()
                    + "\r\nContent-Type: \r\nContent-Length: 10\r\nConnection: close\r\n\r\nusername=x")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(raw).startsWith("HTTP/1.1 400").contains("This request cannot be processed").doesNotContain("Exception");
        }
    }
}
