package dev.surrealj.jooq;

import java.util.TreeSet;

/** Identifier and string-literal escaping, written straight into a StringBuilder (no regex, no copies). */
final class Idents {
    private Idents() {
    }

    /** Words written in backticks when used as identifiers (quoting is always valid, so the list errs on the safe side). */
    private static final TreeSet<String> KEYWORDS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        for (String k : new String[] {
            "NONE", "NULL", "TRUE", "FALSE", "AND", "OR", "NOT", "IS", "IN", "AS", "BY", "ON", "TO",
            "SELECT", "FROM", "WHERE", "GROUP", "ORDER", "LIMIT", "START", "FETCH", "SPLIT", "OMIT",
            "VALUE", "ONLY", "WITH", "CREATE", "UPDATE", "UPSERT", "DELETE", "INSERT", "RELATE", "INTO",
            "SET", "UNSET", "CONTENT", "MERGE", "PATCH", "REPLACE", "RETURN", "LET", "IF", "ELSE", "THEN", "END",
            "FOR", "BEGIN", "COMMIT", "CANCEL", "DEFINE", "REMOVE", "ALTER", "INFO", "USE", "LIVE",
            "KILL", "SHOW", "SLEEP", "THROW", "BREAK", "CONTINUE", "TIMEOUT", "PARALLEL", "EXPLAIN",
            "TABLE", "FIELD", "INDEX", "EVENT", "FUNCTION", "PARAM", "ANALYZER", "ACCESS", "USER",
            "NAMESPACE", "DATABASE", "NS", "DB", "ROOT", "TYPE", "DIFF", "BEFORE", "AFTER", "ALL",
            "ASC", "DESC", "COLLATE", "NUMERIC", "CONTAINS", "CONTAINSNOT", "CONTAINSALL", "CONTAINSANY",
            "CONTAINSNONE", "INSIDE", "NOTINSIDE", "ALLINSIDE", "ANYINSIDE", "NONEINSIDE", "OUTSIDE",
            "INTERSECTS", "IGNORE", "DUPLICATE", "KEY", "VALUES", "NOINDEX", "UNIQUE", "DEFAULT", "ASSERT",
            "PERMISSIONS", "FULL", "COUNT", "MATH", "STRING", "ARRAY", "OBJECT", "TIME", "DURATION"}) {
            KEYWORDS.add(k);
        }
    }

    /** Appends {@code name} as an identifier: bare when {@code [A-Za-z_][A-Za-z0-9_]*} and not a keyword, else in backticks. */
    static void ident(StringBuilder sb, String name) {
        if (isBare(name)) {
            sb.append(name);
        } else {
            quote(sb, name, '`');
        }
    }

    /** Appends {@code s} as a single-quoted string literal. */
    static void string(StringBuilder sb, String s) {
        quote(sb, s, '\'');
    }

    /** Appends an object key: bare when identifier-like (keywords allowed, except value words), else quoted. */
    static void key(StringBuilder sb, String key) {
        if (isIdentText(key) && !isValueWord(key)) {
            sb.append(key);
        } else {
            quote(sb, key, '\'');
        }
    }

    static boolean isBare(String s) {
        return isIdentText(s) && !KEYWORDS.contains(s);
    }

    private static boolean isValueWord(String s) {
        return s.equalsIgnoreCase("NONE") || s.equalsIgnoreCase("NULL") || s.equalsIgnoreCase("TRUE")
                || s.equalsIgnoreCase("FALSE");
    }

    static boolean isIdentText(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        char c0 = s.charAt(0);
        if (!(isLetter(c0) || c0 == '_')) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!(isLetter(c) || c == '_' || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static void quote(StringBuilder sb, String s, char q) {
        sb.append(q);
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append(q);
    }

    /** Whether a function name (e.g. {@code fn::x}, {@code string::len}) is made of identifier parts joined by {@code ::}. */
    static boolean isFunctionName(String name) {
        int n = name.length();
        if (n == 0) {
            return false;
        }
        int partStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || (name.charAt(i) == ':' && i + 1 < n && name.charAt(i + 1) == ':')) {
                if (i == partStart) {
                    return false;
                }
                for (int j = partStart; j < i; j++) {
                    char c = name.charAt(j);
                    if (!(isLetter(c) || c == '_' || (c >= '0' && c <= '9'))) {
                        return false;
                    }
                }
                partStart = i + 2;
                i++;
            }
        }
        return true;
    }
}
