package dev.selfservice.portal.password;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.portal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A portal whose setting says the domain has no composition rule, on a domain that has one: the page lists no such
 * rule, the portal passes the password on, and AD's refusal reaches the employee in plain words, changing nothing.
 * (The portal mirrors the rule when the setting is right: {@link PasswordChangeTest}.)
 */
@QuarkusTest
@TestProfile(DirectoryRefusalTest.WithoutTheCompositionRule.class)
@dev.selfservice.support.CleanSlate
class DirectoryRefusalTest {

    public static class WithoutTheCompositionRule implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.password.directory-complexity", "false");
        }
    }


    @Test
    void aPasswordTheDirectoryRefusesIsExplainedInPlainWords() {
        Browser alice = PortalSteps.signIn("alice", DEMO_PASSWORD);
        Page form = alice.get(portal() + "/password/change");
        assertThat(form.document().select("#policy li[data-rule]").eachAttr("data-rule"))
                .as("no composition rule listed").containsExactly("length", "guessable", "breach", "different");
        // long and unusual enough for the portal so configured, but AD's complexity wants three kinds of characters
        String phrase = "quiet harbour lanterns drift at dusk";
        Page refused = alice.submit(form, "#change-password", Map.of("current", DEMO_PASSWORD, "password", phrase,
                "confirm", phrase));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#problem")).contains("directory did not accept").contains("capital letters");
        assertThat(PortalSteps.signsIn("alice", DEMO_PASSWORD)).isTrue();
    }
}
