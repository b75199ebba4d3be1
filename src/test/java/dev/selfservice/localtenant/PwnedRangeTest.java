package dev.selfservice.localtenant;

import static dev.selfservice.support.LocalTenantUrls.tenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.CleanSlate;
import io.quarkus.test.junit.QuarkusTest;

/** The local tenant answers Have I Been Pwned's range API as api.pwnedpasswords.com does, from its seeded list. */
@QuarkusTest
@CleanSlate
class PwnedRangeTest {

    private static List<String> range(String prefix, boolean padding) {
        var request = given();
        if (padding) {
            request.header("Add-Padding", "true");
        }
        String body = request.get(tenant() + "range/" + prefix).then().statusCode(200).contentType("text/plain")
                .extract().asString();
        return Arrays.asList(body.split("\r\n"));
    }

    @Test
    void aSeededPasswordsSuffixIsAnsweredWithItsCountUnderItsPrefix() {
        String hash = PwnedPasswordsEndpoint.sha1("Nimbus-Quartz-Tangelo-83");
        List<String> lines = range(hash.substring(0, 5), false);
        assertThat(lines).anyMatch(l -> l.startsWith(hash.substring(5) + ":") && !l.endsWith(":0"));
        assertThat(lines).allMatch(l -> l.matches("[0-9A-F]{35}:[1-9][0-9]*"));
    }

    @Test
    void withPaddingTheAnswerHasEightHundredToAThousandLinesAndThePaddingCountsZero() {
        String hash = PwnedPasswordsEndpoint.sha1("Granite!Falcon!Meadow!41");
        List<String> lines = range(hash.substring(0, 5), true);
        assertThat(lines).hasSizeBetween(800, 1000).allMatch(l -> l.matches("[0-9A-F]{35}:[0-9]+"));
        assertThat(lines).filteredOn(l -> !l.endsWith(":0")).as("only the seeded entry counts")
                .containsExactly(lines.stream().filter(l -> l.startsWith(hash.substring(5))).findFirst().orElseThrow());
        List<String> unknownPrefix = range("00000", true);
        assertThat(unknownPrefix).hasSizeBetween(800, 1000).allMatch(l -> l.endsWith(":0"));
    }

    @Test
    void anythingButFiveHexCharactersIsRefusedAsHibpDoes() {
        given().get(tenant() + "range/ABCDEF").then().statusCode(400);
        given().get(tenant() + "range/XYZ12").then().statusCode(400);
    }

    @Test
    void whatTheRangeApiWasAskedIsRecordedWithItsPaddingHeader() {
        range("ABCDE", true);
        range("12345", false);
        List<Map<String, Object>> asked = given().get(tenant() + "test-controls/pwned-range").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(asked).extracting(a -> a.get("path")).containsExactly("/range/ABCDE", "/range/12345");
        assertThat(asked).extracting(a -> a.get("padding")).containsExactly("true", null);
    }
}
