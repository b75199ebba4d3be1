package dev.selfservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.PortalTestClock;
import io.quarkus.test.junit.QuarkusTest;

/** The one sealed-cookie type every step's state travels in: what it keeps, for how long, and for which cookie. */
@QuarkusTest
class SealedCookieTest {

    @Inject
    CookieSeal seal;

    @Inject
    PortalTestClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    private SealedCookie cookie(String name) {
        return seal.cookie(name, "/somewhere", NewCookie.SameSite.STRICT);
    }

    @Test
    void itKeepsItsFieldsAndEndUntilThePortalsClockPassesIt() {
        Instant until = clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        NewCookie written = cookie("a").write(until, "bob", "", "EMAIL");
        assertThat(written.getName()).isEqualTo("a");
        assertThat(written.getPath()).isEqualTo("/somewhere");
        assertThat(written.isHttpOnly()).isTrue();
        assertThat(written.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
        assertThat(written.getMaxAge()).isBetween(599, 600);
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(written.getValue()),
                java.nio.charset.StandardCharsets.ISO_8859_1)).as("sealed, not only encoded").doesNotContain("bob", "EMAIL");

        assertThat(cookie("a").openUnended(written.getValue(), 3, SealedCookie.Opened::fields)).contains(List.of("bob", "", "EMAIL"));
        assertThat(cookie("a").open(written.getValue(), 3, SealedCookie.Opened::until)).contains(until);

        clock.advance(Duration.ofMinutes(10));
        assertThat(cookie("a").openUnended(written.getValue(), 3, SealedCookie.Opened::fields)).as("ended").isEmpty();
        assertThat(cookie("a").open(written.getValue(), 3, SealedCookie.Opened::fields))
                .as("still read where the caller reports the end itself").contains(List.of("bob", "", "EMAIL"));
        assertThat(cookie("a").write(until, "x").getMaxAge()).as("never a cookie for the browser to keep forever").isEqualTo(1);
    }

    @Test
    void itOpensForItsOwnCookieOnlyWithItsFieldsAndWhatItsReaderAccepts() {
        String value = cookie("a").write(clock.instant().plusSeconds(60), "1", "2").getValue();
        assertThat(cookie("a").open(value, 2, SealedCookie.Opened::fields)).isPresent();
        assertThat(cookie("b").open(value, 2, SealedCookie.Opened::fields)).as("another cookie's value").isEmpty();
        assertThat(cookie("a").open(value, 3, SealedCookie.Opened::fields)).as("another number of fields").isEmpty();
        assertThat(cookie("a").open(value, 2, f -> f.instant(0))).contains(Instant.ofEpochSecond(1));
        assertThat(cookie("a").open(value, 2, f -> Enum.valueOf(NewCookie.SameSite.class, f.get(0))))
                .as("fields its reader refuses").isEmpty();
        char[] altered = value.toCharArray();
        int middle = altered.length / 2;
        altered[middle] = altered[middle] == 'A' ? 'B' : 'A';
        assertThat(cookie("a").open(new String(altered), 2, SealedCookie.Opened::fields)).as("altered").isEmpty();
        assertThat(cookie("a").open("", 2, SealedCookie.Opened::fields)).isEmpty();
        assertThat(cookie("a").open(null, 2, SealedCookie.Opened::fields)).isEmpty();
    }

    @Test
    void aFieldCannotStartAnother() {
        assertThatThrownBy(() -> cookie("a").write(clock.instant().plusSeconds(60), "bob\nADMIN", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("bob");
    }

    @Test
    void clearingAsksTheBrowserToDropIt() {
        NewCookie cleared = cookie("a").clear();
        assertThat(cleared.getMaxAge()).isZero();
        assertThat(cleared.getValue()).isEmpty();
        assertThat(cleared.getPath()).isEqualTo("/somewhere");
    }

    @Test
    void anAbsentFieldOpensEmpty() {
        String value = cookie("a").write(clock.instant().plusSeconds(60), "bob", null).getValue();
        assertThat(cookie("a").open(value, 2, SealedCookie.Opened::fields)).contains(List.of("bob", ""));
    }
}
