package dev.selfservice.localtenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Auth0's user search query syntax (v3, Lucene-like) that the portal uses: {@code field:"value"} or
 * {@code field:value} terms joined with {@code AND}. {@code identities.*} fields match any identity, {@code identities.profileData.*} the linked identities' profiles. Anything else is
 * refused as Auth0 refuses a bad query, rather than answered wrongly.
 */
final class UserSearch {

    private static final Pattern TERM = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.]*):(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s\"()*]+))$");
    private static final Pattern AND = Pattern.compile("\\s+AND\\s+");

    private record Term(String field, String value) {
    }

    private final List<Term> terms;

    private UserSearch(List<Term> terms) {
        this.terms = terms;
    }

    static UserSearch parse(String q) {
        List<Term> terms = new ArrayList<>();
        if (q == null || q.isBlank()) {
            return new UserSearch(terms);
        }
        for (String part : AND.split(q.trim())) {
            Matcher m = TERM.matcher(part.trim());
            if (!m.matches()) {
                throw ManagementError.badRequest("Query validation error: 'unsupported query: " + part.trim()
                        + "' (the local tenant supports field:\"value\" terms joined with AND)", "invalid_query_string");
            }
            String value = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            terms.add(new Term(m.group(1), value));
        }
        return new UserSearch(terms);
    }

    /** The value a query names for a field, if any (so that a search for one user need not list them all). */
    String valueOf(String field) {
        return terms.stream().filter(t -> t.field().equals(field)).map(Term::value).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    boolean matches(Map<String, Object> user) {
        for (Term t : terms) {
            if (t.field().startsWith("identities.")) {
                String key = t.field().substring("identities.".length());
                List<Map<String, Object>> identities = (List<Map<String, Object>>) user.getOrDefault("identities", List.of());
                if (identities.stream().noneMatch(i -> equal(t.field(), nested(i, key), t.value()))) {
                    return false;
                }
            } else if (!equal(t.field(), user.get(t.field()), t.value())) {
                return false;
            }
        }
        return true;
    }

    /** A field of an identity, following dots into {@code profileData}: {@code profileData.email}. */
    @SuppressWarnings("unchecked")
    private static Object nested(Map<String, Object> map, String path) {
        Object value = map;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> m)) {
                return null;
            }
            value = ((Map<String, Object>) m).get(part);
        }
        return value;
    }

    /**
     * Auth0's user search ignores case for these fields only (user-search-query-syntax); every other field, the
     * identities' profileData among them, matches exactly. A caller that forgot to lower-case an address would find
     * nobody on Auth0, and must find nobody here too.
     */
    private static final java.util.Set<String> CASE_INSENSITIVE = java.util.Set.of("email", "name", "given_name",
            "family_name", "nickname");

    private static boolean equal(String field, Object actual, String wanted) {
        if (actual == null) {
            return false;
        }
        String value = String.valueOf(actual);
        return CASE_INSENSITIVE.contains(field) ? value.equalsIgnoreCase(wanted) : value.equals(wanted);
    }
}
