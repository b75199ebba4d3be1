package dev.selfservice.portal.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;

/**
 * One of zxcvbn's ranked dictionaries, its words packed into one string and a few arrays. zxcvbn4j keeps each of its
 * 94,000 words as a String in a HashMap with a boxed rank: about 12 MB, a third of a warm replica's live heap, which
 * the heap must be sized around (issue 34). Packed, the same words and ranks take under 3 MB, and a lookup costs what
 * HashMap's does: zxcvbn asks only {@code get} of a ranked dictionary, once per substring of a password.
 * Written here because no library keeps a read-only map from strings to ints without a String object per key.
 */
final class PackedDictionary extends Dictionary {

    /** Where zxcvbn4j 1.9.0 keeps its dictionaries ({@code StandardDictionaries.BASE_PATH}, private there). */
    private static final String RESOURCES = "/com/nulabinc/zxcvbn/matchers/dictionaries/";
    private static final List<String> STANDARD = List.of(StandardDictionaries.US_TV_AND_FILM,
            StandardDictionaries.ENGLISH_WIKIPEDIA, StandardDictionaries.PASSWORDS, StandardDictionaries.SURNAMES,
            StandardDictionaries.MALE_NAMES, StandardDictionaries.FEMALE_NAMES);

    private final Ranks ranks;

    private PackedDictionary(String name, Map<String, Integer> ranked) {
        super(name, List.of());
        this.ranks = new Ranks(ranked);
    }

    /** zxcvbn with its standard dictionaries packed, and its standard keyboards. */
    static Zxcvbn zxcvbn() {
        try {
            ZxcvbnBuilder builder = new ZxcvbnBuilder().keyboards(StandardKeyboards.loadAllKeyboards());
            for (String name : STANDARD) {
                builder.dictionary(standard(name));
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("zxcvbn's dictionaries could not be read", e);
        }
    }

    /** One of zxcvbn's standard dictionaries, read as zxcvbn reads it: a word a line, ranked from 1. */
    static PackedDictionary standard(String name) throws IOException {
        Map<String, Integer> ranked = new LinkedHashMap<>();
        try (InputStream in = PackedDictionary.class.getResourceAsStream(RESOURCES + name + ".txt")) {
            if (in == null) {
                throw new IOException("zxcvbn's dictionary " + name + " is not on the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int rank = 1;
            for (String word = lines.readLine(); word != null; word = lines.readLine()) {
                ranked.put(word, rank++); // a word listed twice keeps its last rank, as in zxcvbn's own HashMap
            }
        }
        return new PackedDictionary(name, ranked);
    }

    @Override
    public Map<String, Integer> getRankedDictionary() {
        return ranks;
    }

    /** The words in rank order are not kept: zxcvbn reads only the ranked dictionary. */
    @Override
    public List<String> getFrequencies() {
        throw new UnsupportedOperationException("a packed dictionary keeps its words by rank only");
    }

    /**
     * A read-only map from word to rank: the words' characters in one String (one byte a character when all are
     * Latin-1), where each word starts, its hash and its rank, and an open-addressing table of word indexes by hash,
     * so that a lookup costs what HashMap's does (one hash of the key, one comparison) without an object per word.
     */
    private static final class Ranks extends AbstractMap<String, Integer> {
        private final String chars;
        private final int[] starts;
        private final int[] hashes;
        private final int[] ranks;
        /** Word index + 1 by hash, linear probing; 0 is an empty slot. At most half full. */
        private final int[] slots;

        Ranks(Map<String, Integer> ranked) {
            int size = ranked.size();
            starts = new int[size + 1];
            hashes = new int[size];
            ranks = new int[size];
            slots = new int[Integer.highestOneBit(Math.max(1, size) * 2) << 1];
            StringBuilder all = new StringBuilder();
            int i = 0;
            for (Map.Entry<String, Integer> entry : ranked.entrySet()) {
                String word = entry.getKey();
                starts[i] = all.length();
                all.append(word);
                hashes[i] = word.hashCode();
                ranks[i] = entry.getValue();
                int slot = spread(hashes[i]);
                while (slots[slot] != 0) {
                    slot = (slot + 1) & (slots.length - 1);
                }
                slots[slot] = i + 1;
                i++;
            }
            starts[size] = all.length();
            chars = all.toString();
        }

        private int spread(int hash) {
            return (hash ^ (hash >>> 16)) & (slots.length - 1);
        }

        @Override
        public Integer get(Object key) {
            int at = key instanceof String word ? indexOf(word) : -1;
            return at < 0 ? null : ranks[at];
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String word && indexOf(word) >= 0;
        }

        @Override
        public int size() {
            return ranks.length;
        }

        private int indexOf(String word) {
            int hash = word.hashCode();
            for (int slot = spread(hash); slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
                int index = slots[slot] - 1;
                int start = starts[index];
                if (hashes[index] == hash && starts[index + 1] - start == word.length()
                        && chars.regionMatches(start, word, 0, word.length())) {
                    return index;
                }
            }
            return -1;
        }

        private String word(int index) {
            return chars.substring(starts[index], starts[index + 1]);
        }

        @Override
        public Set<Map.Entry<String, Integer>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Integer>> iterator() {
                    return IntStream.range(0, ranks.length).mapToObj(i -> Map.entry(word(i), ranks[i])).iterator();
                }

                @Override
                public int size() {
                    return ranks.length;
                }
            };
        }
    }
}
