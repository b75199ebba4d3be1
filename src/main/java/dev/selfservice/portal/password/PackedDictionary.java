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
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;

/**
 * One of zxcvbn's ranked dictionaries, its words packed into one sorted array. zxcvbn4j keeps each of its 94,000
 * words as a String in a HashMap with a boxed rank: about 12 MB, a third of a warm replica's live heap, which the
 * heap must be sized around (issue 34). Packed, the same words and ranks take under 2 MB, and a lookup is a binary
 * search instead of a hash: zxcvbn asks only {@code get} of a ranked dictionary, once per substring of a password.
 * Written here because no library keeps a read-only map from strings to ints without a String object per key.
 */
final class PackedDictionary extends Dictionary {

    /** Where zxcvbn4j 1.9.0 keeps its dictionaries ({@code StandardDictionaries.BASE_PATH}, private there). */
    private static final String RESOURCES = "/com/nulabinc/zxcvbn/matchers/dictionaries/";
    private static final List<String> STANDARD = List.of(StandardDictionaries.US_TV_AND_FILM,
            StandardDictionaries.ENGLISH_WIKIPEDIA, StandardDictionaries.PASSWORDS, StandardDictionaries.SURNAMES,
            StandardDictionaries.MALE_NAMES, StandardDictionaries.FEMALE_NAMES);

    private final Ranks ranks;

    private PackedDictionary(String name, TreeMap<String, Integer> ranked) {
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
        TreeMap<String, Integer> ranked = new TreeMap<>();
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

    /** A read-only map from word to rank over three arrays: the words' characters in word order, their ends, ranks. */
    private static final class Ranks extends AbstractMap<String, Integer> {
        private final char[] chars;
        private final int[] starts;
        private final int[] ranks;

        Ranks(TreeMap<String, Integer> ranked) {
            int size = ranked.size();
            starts = new int[size + 1];
            ranks = new int[size];
            chars = new char[ranked.keySet().stream().mapToInt(String::length).sum()];
            int i = 0;
            int at = 0;
            for (Map.Entry<String, Integer> entry : ranked.entrySet()) {
                String word = entry.getKey();
                word.getChars(0, word.length(), chars, at);
                starts[i] = at;
                ranks[i] = entry.getValue();
                at += word.length();
                i++;
            }
            starts[size] = at;
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
            int low = 0;
            int high = ranks.length - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int order = compare(middle, word);
                if (order < 0) {
                    low = middle + 1;
                } else if (order > 0) {
                    high = middle - 1;
                } else {
                    return middle;
                }
            }
            return -1;
        }

        /** The order of String.compareTo, which the TreeMap sorted by. */
        private int compare(int index, String word) {
            int start = starts[index];
            int length = starts[index + 1] - start;
            int common = Math.min(length, word.length());
            for (int k = 0; k < common; k++) {
                int order = chars[start + k] - word.charAt(k);
                if (order != 0) {
                    return order;
                }
            }
            return length - word.length();
        }

        private String word(int index) {
            return new String(chars, starts[index], starts[index + 1] - starts[index]);
        }

        @Override
        public Set<Map.Entry<String, Integer>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Integer>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < ranks.length;
                        }

                        @Override
                        public Map.Entry<String, Integer> next() {
                            if (!hasNext()) {
                                throw new NoSuchElementException();
                            }
                            int index = next++;
                            return new SimpleImmutableEntry<>(word(index), ranks[index]);
                        }
                    };
                }

                @Override
                public int size() {
                    return ranks.length;
                }
            };
        }
    }
}
