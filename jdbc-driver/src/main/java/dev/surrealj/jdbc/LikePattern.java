package dev.surrealj.jdbc;

import java.util.regex.Pattern;

/**
 * A {@code DatabaseMetaData} name pattern: {@code %} matches any run of characters (also none),
 * {@code _} exactly one, and the search-string escape {@code \} (what
 * {@code getSearchStringEscape()} reports) makes the next character literal ({@code \_}, {@code \%},
 * {@code \\}). A trailing lone {@code \} is literal. Matching is case-sensitive, as SurrealDB names are.
 * A {@code null} pattern matches every name.
 *
 * <pre>{@code
 * LikePattern.of("md\\_%").matches("md_person");   // true
 * LikePattern.of("md\\_%").matches("mdXperson");   // false
 * LikePattern.of(null).matches("anything");        // true
 * LikePattern.of("person").literal();              // "person" (no wildcard: an exact name)
 * }</pre>
 */
final class LikePattern {
    /** The escape character, {@link java.sql.DatabaseMetaData#getSearchStringEscape()}. */
    static final char ESCAPE = '\\';
    private static final LikePattern ALL = new LikePattern(null, null);

    /** The regular expression, or {@code null} for "everything". */
    private final Pattern regex;
    /** The name the pattern stands for when it has no wildcard, else {@code null}. */
    private final String literal;

    private LikePattern(Pattern regex, String literal) {
        this.regex = regex;
        this.literal = literal;
    }

    /** The pattern of {@code pattern}; {@code null} (or {@code "%"}) matches everything. */
    static LikePattern of(String pattern) {
        if (pattern == null || pattern.equals("%")) {
            return ALL;
        }
        StringBuilder re = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        boolean wildcard = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == ESCAPE && i + 1 < pattern.length()) {
                char next = pattern.charAt(++i);
                re.append(Pattern.quote(String.valueOf(next)));
                lit.append(next);
            } else if (c == '%') {
                re.append(".*");
                wildcard = true;
            } else if (c == '_') {
                re.append('.');
                wildcard = true;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                lit.append(c);
            }
        }
        return new LikePattern(Pattern.compile(re.toString(), Pattern.DOTALL), wildcard ? null : lit.toString());
    }

    /** Whether {@code pattern} matches {@code name} ({@code null} pattern: always). */
    static boolean like(String pattern, String name) {
        return of(pattern).matches(name);
    }

    /** Whether the name matches; a {@code null} name never does (unless the pattern matches everything). */
    boolean matches(String name) {
        if (regex == null) {
            return true;
        }
        return name != null && regex.matcher(name).matches();
    }

    /** Whether this pattern matches every name. */
    boolean matchesAll() {
        return regex == null;
    }

    /** The one name this pattern matches when it has no wildcard (escapes resolved), else {@code null}. */
    String literal() {
        return literal;
    }

    @Override
    public String toString() {
        return regex == null ? "%" : regex.pattern();
    }
}
