package dev.selfservice.portal.password;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * zxcvbn's estimate of a password's normal form, at a bounded cost. zxcvbn's time grows with the square of the
 * length it is given and, through its l33t matcher, steeply with the number of distinct l33t symbols in it (every
 * combination of their readings is matched against every dictionary: zxcvbn4j#130, "DOS Exploit"), so an attacker's
 * 100 symbols took seconds. Three bounds, each on what is measured and not on what was typed:
 * <ul>
 * <li>at most {@link #MEASURED} code points of the normal form (past that no password is guessable for its length);</li>
 * <li>cut into stretches whose cost (distinct l33t symbols and length) stays below {@link #STRETCH_COST}, measured
 * one by one, their guesses multiplied, as zxcvbn itself multiplies the guesses of a password's parts; an ordinary
 * password is one stretch, and is judged exactly as zxcvbn judges it;</li>
 * <li>a time budget ({@link #BUDGET}, CPU time) over all stretches: zxcvbn reads the password through a sequence
 * that stops it once the budget is spent, for an input no one has thought of yet.</li>
 * </ul>
 */
final class StrengthEstimate {

    /** The estimate ran out of its time budget. */
    static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super("the strength estimate ran out of its time budget", null, false, false);
        }
    }

    /** The longest part of a normal form that is measured, in code points. */
    static final int MEASURED = 64;
    /**
     * The most a stretch may cost: 2 to the number of its distinct l33t symbols, times the square of its length. Six
     * symbols in 24 code points, or twelve digits and letters with four symbols; measured at a few milliseconds.
     */
    static final long STRETCH_COST = (1L << 6) * 24 * 24;
    /**
     * The CPU time one estimate may take: so that none takes 50 ms, whatever the input. The bounds above keep a
     * compiled estimate to a few milliseconds; the budget is what holds while the JIT has not compiled zxcvbn yet
     * (a busy machine starves it: the same inputs then took up to 100 ms), at the price of a "could not be checked"
     * for a password that needs more.
     */
    static final Duration BUDGET = Duration.ofMillis(40);

    /** zxcvbn's l33t table (zxcvbn4j 1.9.0): the symbols its l33t matcher reads as letters. */
    private static final String L33T_SYMBOLS = "4@8({[<369!|170$5+%2";

    /** What an estimate found: zxcvbn's score, and how many code points are common passwords. */
    record Result(int score, int commonCodePoints, int measuredCodePoints) {
    }

    private final Zxcvbn zxcvbn = PackedDictionary.zxcvbn();
    private final Duration budget;

    StrengthEstimate() {
        this(BUDGET);
    }

    /** With another budget: a test's, to see what happens when it is spent. */
    StrengthEstimate(Duration budget) {
        this.budget = budget;
        // zxcvbn's first estimate loads and links its matchers: done here, outside any budget, not in a request's
        zxcvbn.measure("warm-up: p4ssw0rd correct horse battery staple 2026", List.of());
    }

    Result of(String normalised, List<String> words) {
        String measured = normalised.codePointCount(0, normalised.length()) > MEASURED
                ? normalised.substring(0, normalised.offsetByCodePoints(0, MEASURED)) : normalised;
        Budget spent = new Budget(budget);
        List<String> stretches = stretches(measured);
        double log10Guesses = 0;
        int score = 0;
        int common = 0;
        for (String stretch : stretches) {
            Strength strength = zxcvbn.measure(new Budgeted(stretch, spent), words);
            log10Guesses += strength.getGuessesLog10();
            score = strength.getScore();
            common += strength.getSequence().stream()
                    .filter(m -> "passwords".equals(m.dictionaryName))
                    .mapToInt(m -> m.token.toString().codePointCount(0, m.token.length())).sum();
        }
        return new Result(stretches.size() == 1 ? score : scoreOf(log10Guesses), common,
                measured.codePointCount(0, measured.length()));
    }

    /** zxcvbn's own thresholds, from guesses to a score of 0 to 4. */
    private static int scoreOf(double log10Guesses) {
        return log10Guesses < 3 ? 0 : log10Guesses < 6 ? 1 : log10Guesses < 8 ? 2 : log10Guesses < 10 ? 3 : 4;
    }

    /** The measured text cut into stretches of bounded cost, in order; never an empty one. */
    static List<String> stretches(String measured) {
        List<String> stretches = new ArrayList<>();
        Set<Integer> symbols = new HashSet<>();
        int start = 0;
        int length = 0;
        for (int i = 0; i < measured.length(); i += Character.charCount(measured.codePointAt(i))) {
            int c = measured.codePointAt(i);
            boolean l33t = L33T_SYMBOLS.indexOf(c) >= 0;
            int distinct = symbols.size() + (l33t && !symbols.contains(c) ? 1 : 0);
            if (length > 0 && (1L << distinct) * (length + 1) * (length + 1) > STRETCH_COST) {
                stretches.add(measured.substring(start, i));
                start = i;
                length = 0;
                symbols.clear();
            }
            if (l33t) {
                symbols.add(c);
            }
            length++;
        }
        stretches.add(measured.substring(start));
        return stretches;
    }

    /**
     * The time an estimate may still spend: the CPU time of the thread that runs it, which is what an attacker takes
     * from the replica and which other load does not inflate (a wall clock would refuse good passwords on a busy
     * machine); the wall clock only where the JVM cannot tell a thread's CPU time.
     */
    private static final class Budget {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private static final boolean CPU_TIME = cpuTimeSupported();

        private final long deadline;
        private int reads;

        Budget(Duration budget) {
            this.deadline = now() + budget.toNanos();
        }

        private static boolean cpuTimeSupported() {
            try {
                return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
            } catch (UnsupportedOperationException e) {
                return false;
            }
        }

        private static long now() {
            return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        }

        /** Throws once the budget is spent; asks the clock every 64th read, a clock being a system call. */
        void spend() {
            if ((++reads & 63) == 0 && now() - deadline > 0) {
                throw new OutOfTime();
            }
        }
    }

    /** The password as zxcvbn reads it, which stops zxcvbn once the budget is spent. */
    private record Budgeted(String text, Budget budget) implements CharSequence {

        @Override
        public int length() {
            budget.spend();
            return text.length();
        }

        @Override
        public char charAt(int index) {
            budget.spend();
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            budget.spend();
            return new Budgeted(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            budget.spend();
            return text;
        }
    }
}
