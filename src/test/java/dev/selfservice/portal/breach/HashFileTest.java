package dev.selfservice.portal.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline breach list: a binary search over a sorted HASH:COUNT file, as Have I Been Pwned's downloader writes it. */
class HashFileTest {

    static final Path SAMPLE = Path.of("src/test/resources/breach/pwned-passwords-sample.txt");

    @TempDir
    Path dir;

    private static List<String> sampleHashes() throws IOException {
        return Files.readAllLines(SAMPLE).stream().map(l -> l.substring(0, 40)).toList();
    }

    /** A hash next to {@code hex} (its last digit changed), in the file's order between it and its neighbour. */
    private static String beside(String hex) {
        char last = hex.charAt(39);
        return hex.substring(0, 39) + (last == 'F' ? 'E' : Character.toUpperCase(Character.forDigit(Character.digit(last, 16) + 1, 16)));
    }

    @Test
    void everyHashOfTheSampleIsFoundFromTheFirstLineToTheLast() throws Exception {
        List<String> hashes = sampleHashes();
        try (HashFile file = new HashFile(SAMPLE)) {
            for (String hex : hashes) {
                assertThat(file.contains(new Sha1(hex))).as(hex).isTrue();
            }
            assertThat(file.contains(new Sha1(hashes.get(0).toLowerCase()))).as("whatever the case").isTrue();
        }
    }

    @Test
    void aHashNotInTheFileIsNotFoundBeforeBetweenOrAfterItsLines() throws Exception {
        List<String> hashes = sampleHashes();
        try (HashFile file = new HashFile(SAMPLE)) {
            int absent = 0;
            for (String hex : hashes) {
                String near = beside(hex);
                if (!hashes.contains(near)) {
                    absent++;
                    assertThat(file.contains(new Sha1(near))).as(near).isFalse();
                }
            }
            assertThat(absent).as("the check above ran").isGreaterThan(1900);
            assertThat(file.contains(new Sha1("0".repeat(40)))).isFalse();
            assertThat(file.contains(new Sha1("F".repeat(40)))).isFalse();
        }
    }

    @Test
    void aSeededPasswordIsFoundByItsSha1AndAStrongUnlistedOneIsNot() throws Exception {
        try (HashFile file = new HashFile(SAMPLE)) {
            assertThat(file.contains(Sha1.of("Granite!Falcon!Meadow!41"))).isTrue();
            assertThat(file.contains(Sha1.of("Violet-Harbor-Lamp-73"))).isFalse();
        }
    }

    @Test
    void linesEndedByLineFeedsAloneAndEntriesOfCountZeroAreReadAsHibpMeansThem() throws Exception {
        String a = Sha1.of("one").hex();
        String b = Sha1.of("two").hex();
        String c = Sha1.of("three").hex();
        List<String> sorted = java.util.stream.Stream.of(a, b, c).sorted().toList();
        Path lf = Files.writeString(dir.resolve("lf.txt"),
                sorted.get(0) + ":3\n" + sorted.get(1) + ":0\n" + sorted.get(2) + ":12");
        try (HashFile file = new HashFile(lf)) {
            assertThat(file.contains(new Sha1(sorted.get(0)))).isTrue();
            assertThat(file.contains(new Sha1(sorted.get(1)))).as("count 0: padding, no breach").isFalse();
            assertThat(file.contains(new Sha1(sorted.get(2)))).as("the last line, without a line break").isTrue();
        }
        try (HashFile empty = new HashFile(Files.writeString(dir.resolve("empty.txt"), ""))) {
            assertThat(empty.contains(new Sha1(a))).isFalse();
        }
    }

    @Test
    void aMissingFileStopsTheStartAndAFileThatCannotBeReadAnyMoreIsUnavailable() throws Exception {
        assertThatThrownBy(() -> new HashFile(dir.resolve("missing.txt"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing.txt");
        HashFile file = new HashFile(SAMPLE);
        file.close();
        assertThatThrownBy(() -> file.contains(Sha1.of("anything"))).isInstanceOf(BreachList.BreachListUnavailable.class);
    }
}
