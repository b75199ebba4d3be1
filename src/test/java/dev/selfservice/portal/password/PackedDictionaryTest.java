package dev.selfservice.portal.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.Match;

/**
 * The packed dictionaries stand for zxcvbn's own exactly: the same words with the same ranks, and the same judgement
 * of every password, word by word, so that packing changed only the memory they take.
 */
class PackedDictionaryTest {

    private static final Zxcvbn ZXCVBNS_OWN = new Zxcvbn();
    private static final Zxcvbn PACKED = PackedDictionary.zxcvbn();

    @Test
    void everyWordOfZxcvbnsDictionariesHasTheRankZxcvbnGivesIt() throws IOException {
        List<Dictionary> own = StandardDictionaries.loadAllDictionaries();
        assertThat(own).hasSize(6);
        for (Dictionary dictionary : own) {
            Map<String, Integer> expected = dictionary.getRankedDictionary();
            Map<String, Integer> packed = PackedDictionary.standard(dictionary.getName()).getRankedDictionary();
            assertThat(packed.size()).as(dictionary.getName()).isEqualTo(expected.size()).isGreaterThan(900);
            expected.forEach((word, rank) -> assertThat(packed.get(word)).as(dictionary.getName() + ": " + word)
                    .isEqualTo(rank));
            // and the other way round: the packed map holds no word zxcvbn's does not
            assertThat(packed).as(dictionary.getName()).isEqualTo(expected);
        }
    }

    @Test
    void aWordZxcvbnDoesNotListHasNoRankThoughItsHashIsAListedWords() throws IOException {
        Map<String, Integer> passwords = PackedDictionary.standard(StandardDictionaries.PASSWORDS)
                .getRankedDictionary();
        assertThat(passwords.get("password")).isEqualTo(2); // the positive control: a listed word is found
        assertThat(passwords.get("sunshi")).isNull(); // a prefix of a listed word ("sunshine")
        assertThat(passwords.get("passwordq")).isNull(); // a listed word and more
        assertThat(passwords.get("")).isNull();
        // the same hash and length as "password" ('q' * 31 + 'B' == 'p' * 31 + 'a'), another word: only the text tells
        assertThat("qBssword".hashCode()).isEqualTo("password".hashCode());
        assertThat(passwords.get("qBssword")).isNull();
        assertThat(passwords.get(new StringBuilder("password"))).isNull(); // a key that is not a String
        assertThat(passwords.containsKey("password")).isTrue();
        assertThat(passwords.containsKey("qwzx-not-a-word")).isFalse();
    }

    @Test
    void zxcvbnJudgesEveryPasswordAsWithItsOwnDictionaries() {
        List<String> candidates = new ArrayList<>(List.of("password", "P@ssw0rd", "correct horse battery staple",
                "Tr0ub4dor&3", "jessica1987", "smith2026!", "Welcome2026!Welcome", "qwertyuiop", "zxcvbn",
                "drowssap", "Alice-Adams-1990", "monkey!dragon!", "l1nc0ln", "B1ll1ng5", "Summer24", "aaaaaaaaaa",
                "hunter2hunter2", "iloveyou", "Pa55word123456789!", "xK7#pQ2!vL9@", "correcthorse", "batmanrobin"));
        Random random = new Random(34);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*4@8({[<369|170$5+";
        for (int i = 0; i < 200; i++) {
            StringBuilder candidate = new StringBuilder();
            for (int k = 0, n = 4 + random.nextInt(14); k < n; k++) {
                candidate.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            candidates.add(candidate.toString());
        }
        List<String> words = List.of("alice", "adams", "corp");
        for (String candidate : candidates) {
            Strength own = ZXCVBNS_OWN.measure(candidate, words);
            Strength packed = PACKED.measure(candidate, words);
            assertThat(packed.getScore()).as(candidate).isEqualTo(own.getScore());
            assertThat(packed.getGuesses()).as(candidate).isEqualTo(own.getGuesses());
            assertThat(describe(packed.getSequence())).as(candidate).isEqualTo(describe(own.getSequence()));
        }
    }

    @Test
    void theWordsInRankOrderAreNotKeptAndSaySo() throws IOException {
        Dictionary packed = PackedDictionary.standard(StandardDictionaries.MALE_NAMES);
        assertThat(packed.getName()).isEqualTo(StandardDictionaries.MALE_NAMES);
        assertThatThrownBy(packed::getFrequencies).isInstanceOf(UnsupportedOperationException.class);
    }

    private static List<String> describe(List<Match> sequence) {
        return sequence.stream()
                .map(m -> m.pattern + " " + m.token + " " + m.dictionaryName + " " + m.rank + " " + m.reversed
                        + " " + m.l33t)
                .toList();
    }
}
