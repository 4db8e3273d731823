package dev.surrealj.jooq;

/** SQL translation: counts the JDBC {@code ?} parameters of a SQL text (outside strings, quoted names, comments). */
final class SqlLexer {
    private SqlLexer() {
    }

    /** The number of {@code ?} parameters, or -1 when a string, quoted name or comment is not terminated. */
    static int countParameters(String sql) {
        int n = sql.length();
        int count = 0;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        return -1;
                    }
                    char d = sql.charAt(j);
                    if (d == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2; // doubled quote
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                i = j + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int e = sql.indexOf('\n', i);
                i = e < 0 ? n : e + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int e = sql.indexOf("*/", i + 2);
                if (e < 0) {
                    return -1;
                }
                i = e + 2;
            } else {
                if (c == '?') {
                    count++;
                }
                i++;
            }
        }
        return count;
    }
}
