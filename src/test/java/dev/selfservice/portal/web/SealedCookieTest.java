package dev.selfservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.support.PortalTestClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The one sealed-cookie type every step's state travels in: what it keeps (a record of its kind, by field name), for
 * how long, for which cookie, and which values of a changed kind still open.
 */
@QuarkusTest
class SealedCookieTest {

    /** A kind's fields, as a step declares them. */
    record Held(String username, String note, String channel) {
    }

    /** The same kind after a field was renamed ({@code note} to {@code remark}). */
    record HeldRenamed(String username, String remark, String channel) {
    }

    /** The same kind after a field was added. */
    record HeldGrown(String username, String note, String channel, String attempt) {
    }

    /** The same kind with a field that only takes some values. */
    record HeldStrict(String username, String note, NewCookie.SameSite channel) {
    }

    /** Another kind, which has nothing to do with the first. */
    record Other(String subject, long startedAt) {
    }

    static final StateKind<Held> A = new StateKind<>("a", 1, Held.class);

    @Inject
    CookieSeal seal;

    @Inject
    PortalConfig config;

    @Inject
    PortalTestClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    private <T extends Record> SealedCookie<T> cookie(StateKind<T> kind) {
        return seal.cookie(kind, "/somewhere", NewCookie.SameSite.STRICT);
    }

    private SealedCookie<Held> cookie(String name) {
        return cookie(new StateKind<>(name, 1, Held.class));
    }

    @Test
    void itKeepsItsFieldsAndEndUntilThePortalsClockPassesIt() {
        Instant until = clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Held held = new Held("bob", "", "EMAIL");
        NewCookie written = cookie("a").write(until, held);
        assertThat(written.getName()).isEqualTo("a");
        assertThat(written.getPath()).isEqualTo("/somewhere");
        assertThat(written.isHttpOnly()).isTrue();
        assertThat(written.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
        assertThat(written.getMaxAge()).isBetween(599, 600);
        assertThat(new String(Base64.getUrlDecoder().decode(written.getValue()), StandardCharsets.ISO_8859_1))
                .as("sealed, not only encoded").doesNotContain("bob", "EMAIL", "username", "\"a\"");

        assertThat(cookie("a").openUnended(written.getValue()).map(CookieSeal.Opened::state)).contains(held);
        assertThat(cookie("a").open(written.getValue()).map(CookieSeal.Opened::until)).contains(until);

        clock.advance(Duration.ofMinutes(10));
        assertThat(cookie("a").openUnended(written.getValue())).as("ended").isEmpty();
        assertThat(cookie("a").open(written.getValue()).map(CookieSeal.Opened::state))
                .as("still read where the caller reports the end itself").contains(held);
        assertThat(cookie("a").write(until, held).getMaxAge()).as("never a cookie for the browser to keep forever").isEqualTo(1);
    }

    @Test
    void itOpensForItsOwnCookieOnlyAsItsOwnRecord() {
        String value = cookie("a").write(clock.instant().plusSeconds(60), new Held("1", "2", "LAX")).getValue();
        assertThat(cookie("a").open(value)).isPresent();
        assertThat(cookie("b").open(value)).as("another cookie's value").isEmpty();
        assertThat(cookie(new StateKind<>("a", 1, HeldGrown.class)).open(value)).as("a record with another field").isEmpty();
        assertThat(cookie(new StateKind<>("a", 1, HeldStrict.class)).open(value).map(o -> o.state().channel()))
                .as("a field its record takes").contains(NewCookie.SameSite.LAX);
        String refused = cookie("a").write(clock.instant().plusSeconds(60), new Held("1", "2", "EMAIL")).getValue();
        assertThat(cookie(new StateKind<>("a", 1, HeldStrict.class)).open(refused)).as("a field its record refuses").isEmpty();
        char[] altered = value.toCharArray();
        int middle = altered.length / 2;
        altered[middle] = altered[middle] == 'A' ? 'B' : 'A';
        assertThat(cookie("a").open(new String(altered))).as("altered").isEmpty();
        assertThat(cookie("a").open("")).isEmpty();
        assertThat(cookie("a").open(null)).isEmpty();
    }

    @Test
    void aFieldHoldingALineBreakOrAQuoteStaysOneField() {
        // the fields used to be lines, so a line break in one was refused; by name, no value can start another field
        Held held = new Held("bob\nADMIN", "x\",\"channel\":\"SMS", "EMAIL");
        String value = cookie("a").write(clock.instant().plusSeconds(60), held).getValue();
        assertThat(cookie("a").open(value).map(CookieSeal.Opened::state)).contains(held);
    }

    @Test
    void clearingAsksTheBrowserToDropIt() {
        NewCookie cleared = cookie("a").clear();
        assertThat(cleared.getMaxAge()).isZero();
        assertThat(cleared.getValue()).isEmpty();
        assertThat(cleared.getPath()).isEqualTo("/somewhere");
    }

    @Test
    void anAbsentFieldOpensAbsent() {
        String value = cookie("a").write(clock.instant().plusSeconds(60), new Held("bob", null, "EMAIL")).getValue();
        assertThat(cookie("a").open(value).map(CookieSeal.Opened::state)).contains(new Held("bob", null, "EMAIL"));
    }

    @Test
    void theSealedValueNamesItsKindItsVersionAndItsFieldsByName() {
        Instant until = clock.instant().plusSeconds(60);
        String value = cookie(A).write(until, new Held("bob", null, "EMAIL")).getValue();
        assertThat(seal.decrypt("a", value)).contains("{\"kind\":\"a\",\"version\":1,\"until\":" + until.getEpochSecond()
                + ",\"state\":{\"username\":\"bob\",\"note\":null,\"channel\":\"EMAIL\"}}");
    }

    @Test
    void eachKindIsSealedUnderItsOwnKeyDerivedWithHkdfFromTheSessionSecret() throws Exception {
        String value = cookie(A).write(clock.instant().plusSeconds(60), new Held("bob", null, "EMAIL")).getValue();
        byte[] all = Base64.getUrlDecoder().decode(value);
        byte[] key = Hkdf.derive(config.sessionSecret().getBytes(StandardCharsets.UTF_8),
                "dev.selfservice.portal/sealed-state".getBytes(StandardCharsets.UTF_8), "a".getBytes(StandardCharsets.UTF_8), 32);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, all, 0, 12));
        assertThat(new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8)).contains("\"username\":\"bob\"");
        assertThat(seal.decrypt("b", value)).as("another kind's key").isEmpty();
    }

    @Test
    void aNewVersionOfOneKindLeavesTheValuesOfEveryOtherKindGood() {
        Instant until = clock.instant().plusSeconds(60);
        StateKind<Other> b = new StateKind<>("b", 1, Other.class);
        String aValue = cookie(A).write(until, new Held("bob", "", "EMAIL")).getValue();
        String bValue = cookie(b).write(until, new Other("auth0|bob", 1_700_000_000L)).getValue();

        // the next release changes kind a: a field renamed, so its version is raised
        StateKind<HeldRenamed> aChanged = new StateKind<>("a", 2, HeldRenamed.class);
        assertThat(cookie(aChanged).open(aValue)).as("a's value of the version before: start again").isEmpty();
        assertThat(cookie(b).open(bValue).map(CookieSeal.Opened::state)).as("b's value, untouched by a's change")
                .contains(new Other("auth0|bob", 1_700_000_000L));
        String aNew = cookie(aChanged).write(until, new HeldRenamed("bob", "", "EMAIL")).getValue();
        assertThat(cookie(aChanged).open(aNew)).as("a's value of its new version").isPresent();
        assertThat(cookie(A).open(aNew)).as("nor does a replica of the version before read the new version").isEmpty();
    }

    @Test
    void aValueOfAnotherVersionOfItsKindOpensAsNothingNotAsFieldsInTheWrongPlaces() {
        Instant until = clock.instant().plusSeconds(60);
        String older = cookie(new StateKind<>("a", 0, Held.class)).write(until, new Held("bob", "", "EMAIL")).getValue();
        String newer = cookie(new StateKind<>("a", 2, Held.class)).write(until, new Held("bob", "", "EMAIL")).getValue();
        String current = cookie(A).write(until, new Held("bob", "", "EMAIL")).getValue();
        assertThat(cookie(A).open(current)).as("control: this version").isPresent();
        assertThat(cookie(A).open(older)).as("the version before, with the very same fields").isEmpty();
        assertThat(cookie(A).open(newer)).as("the version after").isEmpty();
    }

    @Test
    void aRecordChangedWithoutANewVersionStillOpensAsNothingRatherThanWithAFieldMissing() {
        // a forgotten version raise is caught too: fields are matched by name, and all of them must be there
        String value = cookie(A).write(clock.instant().plusSeconds(60), new Held("bob", "note", "EMAIL")).getValue();
        assertThat(cookie(new StateKind<>("a", 1, HeldRenamed.class)).open(value)).as("a renamed field").isEmpty();
        assertThat(cookie(new StateKind<>("a", 1, HeldGrown.class)).open(value)).as("an added field").isEmpty();
        assertThat(cookie(new StateKind<>("a", 1, Other.class)).open(value)).as("other fields altogether").isEmpty();
        assertThat(cookie(A).open(value)).as("control: the same record").isPresent();
    }
}
