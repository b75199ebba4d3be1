package dev.selfservice.portal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LandingPageTest {

    @Test
    void landingPageOffersSignInAndTheWaysBackIn() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("href=\"/signin\""))
                .body(containsString("href=\"/recovery\""))
                .body(containsString("href=\"/password/expired\""));
    }
}
