package dev.selfservice.portal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.selfservice.portal.auth0.TenantSetupCheck;

import io.quarkus.test.junit.QuarkusTest;

/** Pages carry the headers that keep them out of frames and other sites, and failures are pages, not traces. */
@QuarkusTest
class WebSafetyTest {

    @Inject
    TenantSetupCheck tenantCheck;

    @Test
    void pagesSendSecurityHeaders() {
        given().get("/").then().statusCode(200)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void anUnknownAddressIsAPortalPageWith404() {
        given().get("/no/such/page").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Page not found")).body(containsString("/css/portal.css"));
    }

    @Test
    void signOutWithoutItsCsrfTokenIsRefused() {
        given().formParam("nothing", "here").post("/signout").then().statusCode(400)
                .header("Location", (String) null).contentType(containsString("text/html"))
                .body(containsString("The form was not valid or has expired"));
    }

    @Test
    void theStylesheetIsServedByThePortalItself() {
        given().get("/css/portal.css").then().statusCode(200).body(containsString(".card"))
                .body(not(containsString("@import url(http")));
    }

    @Test
    void kubernetesProbesAnswer() {
        given().get("/q/health/live").then().statusCode(200).body(containsString("UP"));
        tenantCheck.check(); // readiness waits for the self-check's first look, which runs beside the start
        given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200).body(containsString("UP"));
    }
}
