package dev.surrealj.jdbc;

import dev.surrealj.jdbc.Placeholders.Kind;
import dev.surrealj.jdbc.Placeholders.Token;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A parsed statement cut at its variables, to write one copy per batch row with the variables renamed
 * ({@code $_jdbc_1} → {@code $_jdbc_1_7} for row 7, a named {@code $x} bound through
 * {@code setVariable} → {@code $x__7}), so every row of a non-rewritten batch has its own values in
 * one request. A trailing {@code ;} is dropped.
 */
final class RowTemplate {
    private final List<String> texts = new ArrayList<>();
    /** Variable names (without {@code $}) between the texts; {@code null} for a text-only piece. */
    private final List<String> variables = new ArrayList<>();

    private RowTemplate() {
    }

    /**
     * Cuts {@code sql} at the variables named in {@code names} (without {@code $}).
     */
    static RowTemplate of(String sql, Set<String> names) throws SQLException {
        RowTemplate t = new RowTemplate();
        List<Token> tokens = Placeholders.tokenize(sql);
        int end = sql.length();
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token tk = tokens.get(i);
            if (tk.kind() == Kind.WHITESPACE || tk.kind() == Kind.COMMENT) {
                continue;
            }
            if (tk.kind() == Kind.SEMICOLON) {
                end = tk.start();
            }
            break;
        }
        int from = 0;
        for (Token tk : tokens) {
            if (tk.start() >= end) {
                break;
            }
            if (tk.kind() == Kind.PARAMETER) {
                String name = sql.substring(tk.start() + 1, tk.end());
                if (names.contains(name)) {
                    t.texts.add(sql.substring(from, tk.start()));
                    t.variables.add(name);
                    from = tk.end();
                }
            }
        }
        t.texts.add(sql.substring(from, end));
        t.variables.add(null);
        return t;
    }

    /** Appends the statement for row {@code row} (0-based) to {@code out}. */
    void appendRow(StringBuilder out, int row) {
        for (int i = 0; i < texts.size(); i++) {
            out.append(texts.get(i));
            String v = variables.get(i);
            if (v != null) {
                out.append('$').append(rowVariable(v, row));
            }
        }
    }

    /** The per-row name of variable {@code name}. */
    static String rowVariable(String name, int row) {
        return name.startsWith(Placeholders.VARIABLE_PREFIX) ? name + "_" + row : name + "__" + row;
    }
}
