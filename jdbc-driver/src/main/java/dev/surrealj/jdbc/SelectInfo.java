package dev.surrealj.jdbc;

import dev.surrealj.jdbc.Placeholders.Kind;
import dev.surrealj.jdbc.Placeholders.Token;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the text of one {@code SELECT} statement tells about its result, worked out with the
 * SurrealQL-aware lexer ({@link Placeholders#tokenize}), so strings, comments, brackets, parentheses,
 * braces and graph arrows are respected.
 *
 * <h2>Column order</h2>
 * SurrealDB returns objects with their keys sorted: {@code SELECT name, age FROM person} gives
 * {@code {age, name}}. The projection (between {@code SELECT} and the top-level {@code FROM} or
 * {@code OMIT}) is split at top-level commas and each item names its column:
 * <ul>
 *   <li>{@code expr AS alias} → {@code alias} (backticks and {@code ⟨⟩} removed);</li>
 *   <li>a plain identifier {@code name} → {@code name};</li>
 *   <li>a path {@code address.city} → {@code address} (SurrealDB nests it as {@code {address: {city}}});</li>
 *   <li>{@code *} → the {@linkplain #REST rest} of the keys ({@code id} first, then the others in
 *       the server's order) at that position;</li>
 *   <li>anything else (a function call, a graph traversal, a literal …, or a dotted alias, which
 *       SurrealDB sometimes nests and sometimes not) → the rest of the keys at that position.</li>
 * </ul>
 * With more than one "rest" position ({@code SELECT *, count() …}, {@code SELECT 1, 2 …}) which keys
 * belong where is unknown: {@link #columnOrder()} is {@code null} and the server's order stays.
 * {@code SELECT VALUE …} has no columns to order.
 *
 * <h2>Source table</h2>
 * {@link #table()} is set for a plain single-table select: one {@code FROM} target that is a table
 * name or a record id ({@code person}, {@code ONLY person:x}, {@code person:[1, 2]},
 * {@code person:1..5}), without {@code GROUP}, {@code SPLIT} or {@code EXPLAIN}; else {@code null}
 * (several targets, subqueries, parameters, functions, graph edges).
 *
 * <h2>Which columns are table fields</h2>
 * {@link #filterSchema(Map)} keeps the field types of the table that describe a column of this
 * select: the plain identifiers, and with {@code *} every field not shadowed by an alias or path,
 * minus the fields of {@code OMIT} and {@code FETCH} (a fetched record link is an object).
 *
 * <pre>{@code
 * SelectInfo s = SelectInfo.analyze("SELECT name, count() AS n, * FROM ONLY person:ada");
 * s.columnOrder();   // [name, n, *]
 * s.table();         // person
 * }</pre>
 *
 * @param columnOrder the column names in projection order, with {@link #REST} where the remaining
 *                    keys go; {@code null} when unknown
 * @param table       the source table of a plain single-table select, or {@code null}
 * @param star        whether the projection has {@code *}
 * @param fieldNames  the plain identifiers of the projection
 * @param otherNames  the names of aliases and paths (columns that are not the field of that name)
 * @param excluded    the fields of {@code OMIT} and {@code FETCH}
 */
record SelectInfo(List<String> columnOrder, String table, boolean star, Set<String> fieldNames,
                  Set<String> otherNames, Set<String> excluded) {

    /** The entry of {@link #columnOrder()} that stands for the remaining keys of a row. */
    static final String REST = "*";

    /** Copies the collections (unmodifiable). */
    SelectInfo {
        columnOrder = columnOrder == null ? null : List.copyOf(columnOrder);
        fieldNames = Set.copyOf(fieldNames);
        otherNames = Set.copyOf(otherNames);
        excluded = Set.copyOf(excluded);
    }

    /** Clauses that end the FROM target. */
    private static final Set<String> FROM_END = Set.of("WHERE", "SPLIT", "GROUP", "ORDER", "LIMIT", "START",
            "FETCH", "TIMEOUT", "PARALLEL", "EXPLAIN", "WITH", "TEMPFILES", "VERSION");
    /** Words that are literals, not field names. */
    private static final Set<String> LITERALS = Set.of("TRUE", "FALSE", "NULL", "NONE");

    /**
     * Analyses one statement (as {@link Placeholders#splitStatements} gives it); {@code null} when it is
     * not a {@code SELECT} or cannot be read (unterminated input, {@code SELECT VALUE}, no {@code FROM}).
     */
    static SelectInfo analyze(String statement) {
        if (statement == null || !"SELECT".equals(Placeholders.leadingKeyword(statement))) {
            return null;
        }
        List<Token> all;
        try {
            all = Placeholders.tokenize(statement);
        } catch (SQLException e) {
            return null;
        }
        String s = statement;
        // significant tokens and their depth (depth of an opening token: outside; of a closing token: outside)
        List<Token> t = new ArrayList<>(all.size());
        List<Integer> depths = new ArrayList<>(all.size());
        int depth = 0;
        for (Token k : all) {
            if (k.kind() == Kind.WHITESPACE || k.kind() == Kind.COMMENT) {
                continue;
            }
            switch (k.kind()) {
                case CLOSE_PAREN, CLOSE_BRACKET, CLOSE_BRACE -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
            t.add(k);
            depths.add(depth);
            switch (k.kind()) {
                case OPEN_PAREN, OPEN_BRACKET, OPEN_BRACE -> depth++;
                default -> {
                }
            }
        }
        if (t.isEmpty() || !t.get(0).is(s, "SELECT")) {
            return null; // e.g. "(SELECT …)"
        }
        int n = t.size();
        // the projection: up to the top-level FROM (or OMIT)
        int from = -1;
        int omit = -1;
        for (int i = 1; i < n; i++) {
            if (depths.get(i) == 0 && t.get(i).kind() == Kind.WORD && !afterDot(s, t, i)) {
                if (t.get(i).is(s, "FROM")) {
                    from = i;
                    break;
                }
                if (omit < 0 && t.get(i).is(s, "OMIT")) {
                    omit = i;
                }
            }
        }
        if (from < 0) {
            return null;
        }
        int projEnd = omit >= 0 ? omit : from;
        if (projEnd <= 1) {
            return null;
        }
        if (t.get(1).is(s, "VALUE") && projEnd > 2 && !t.get(2).is(s, ",")) {
            return null; // SELECT VALUE expr
        }
        for (int i = from + 1; i < n; i++) {
            if (depths.get(i) == 0 && t.get(i).is(s, "EXPLAIN") && !afterDot(s, t, i)) {
                return null; // the rows are the plan
            }
        }

        Set<String> excluded = new LinkedHashSet<>();
        if (omit >= 0) {
            firstNames(s, t, depths, omit + 1, from, excluded);
        }

        // the projection items
        List<String> order = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> fieldNames = new LinkedHashSet<>();
        Set<String> otherNames = new LinkedHashSet<>();
        boolean star = false;
        int rest = 0;
        int itemStart = 1;
        for (int i = 1; i <= projEnd; i++) {
            if (i < projEnd && !(depths.get(i) == 0 && t.get(i).is(s, ","))) {
                continue;
            }
            String name = null;
            boolean field = false;
            int alias = -1;
            for (int j = i - 1; j > itemStart; j--) {
                if (depths.get(j) == 0 && t.get(j).kind() == Kind.WORD && t.get(j).is(s, "AS") && !afterDot(s, t, j)) {
                    alias = j;
                    break;
                }
            }
            if (alias >= 0) {
                if (i - alias == 2) {
                    name = identifier(s, t.get(alias + 1));
                }
            } else if (i - itemStart == 1 && t.get(itemStart).is(s, "*")) {
                star = true;
            } else {
                // ident ( '.' ident )*
                boolean path = i > itemStart;
                for (int j = itemStart; j < i && path; j++) {
                    path = (j - itemStart) % 2 == 0 ? identifier(s, t.get(j)) != null
                            : t.get(j).is(s, ".") && j + 1 < i;
                }
                if (path) {
                    name = identifier(s, t.get(itemStart));
                    field = i - itemStart == 1;
                }
            }
            if (name == null) {
                rest++;
                order.add(REST);
            } else {
                (field ? fieldNames : otherNames).add(name);
                if (seen.add(name)) {
                    order.add(name);
                }
            }
            itemStart = i + 1;
        }
        if (rest > 1) {
            order = null;
        }

        // the FROM target
        String table = null;
        int target = from + 1;
        if (target < n && t.get(target).is(s, "ONLY")) {
            target++;
        }
        int end = target;
        boolean plain = true;
        while (end < n && !(depths.get(end) == 0 && t.get(end).kind() == Kind.WORD
                && FROM_END.contains(upper(s, t.get(end))) && !afterDot(s, t, end))) {
            Token k = t.get(end);
            if (depths.get(end) == 0 && k.is(s, ",") || k.is(s, "->") || k.is(s, "<-") || k.is(s, "<->")
                    || k.is(s, "<~")) {
                plain = false; // several targets, a graph traversal
            }
            end++;
        }
        for (int i = end; i < n; i++) {
            if (depths.get(i) == 0 && t.get(i).kind() == Kind.WORD && !afterDot(s, t, i)) {
                if (t.get(i).is(s, "GROUP") || t.get(i).is(s, "SPLIT")) {
                    plain = false;
                } else if (t.get(i).is(s, "FETCH")) {
                    int stop = i + 1;
                    while (stop < n && !(depths.get(stop) == 0 && t.get(stop).kind() == Kind.WORD
                            && FROM_END.contains(upper(s, t.get(stop))))) {
                        stop++;
                    }
                    firstNames(s, t, depths, i + 1, stop, excluded);
                }
            }
        }
        if (plain && end > target) {
            String name = identifier(s, t.get(target));
            if (name != null && (end - target == 1 || t.get(target + 1).is(s, ":") && end - target > 2)) {
                table = name;
            }
        }
        return new SelectInfo(order, table, star, fieldNames, otherNames, excluded);
    }

    /** The first identifier of each comma-separated item in [from, to) (an OMIT or FETCH list). */
    private static void firstNames(String s, List<Token> t, List<Integer> depths, int from, int to, Set<String> out) {
        boolean atStart = true;
        for (int i = from; i < to; i++) {
            if (depths.get(i) == 0 && t.get(i).is(s, ",")) {
                atStart = true;
                continue;
            }
            if (atStart) {
                String name = identifier(s, t.get(i));
                if (name != null) {
                    out.add(name);
                }
                atStart = false;
            }
        }
    }

    /** Whether token i directly follows a single '.' (a field named like a keyword: {@code a.from}). */
    private static boolean afterDot(String s, List<Token> t, int i) {
        return i > 0 && t.get(i - 1).is(s, ".") && t.get(i - 1).end() == t.get(i).start();
    }

    private static String upper(String s, Token k) {
        return s.substring(k.start(), k.end()).toUpperCase(Locale.ROOT);
    }

    /**
     * The name of an identifier token: a word that starts with a letter or {@code _} and is not a
     * literal, or a backtick / {@code ⟨⟩} identifier unquoted; {@code null} for anything else.
     */
    static String identifier(String s, Token k) {
        if (k.kind() == Kind.IDENTIFIER) {
            return unquote(s.substring(k.start() + 1, k.end() - 1));
        }
        if (k.kind() != Kind.WORD) {
            return null;
        }
        char c = s.charAt(k.start());
        if (!(Character.isLetter(c) || c == '_')) {
            return null;
        }
        String w = s.substring(k.start(), k.end());
        return LITERALS.contains(w.toUpperCase(Locale.ROOT)) ? null : w;
    }

    private static String unquote(String inner) {
        if (inner.indexOf('\\') < 0) {
            return inner;
        }
        StringBuilder b = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                c = inner.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * The field types of {@code tableTypes} (field → type text, as {@code INFO FOR TABLE} lists them)
     * that describe a column of this select (see the class documentation); top-level fields only, in
     * the table's order. {@code null} stays {@code null}.
     */
    Map<String, String> filterSchema(Map<String, String> tableTypes) {
        if (tableTypes == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : tableTypes.entrySet()) {
            String f = e.getKey();
            if (!Columns.isTopLevel(f) || excluded.contains(f)) {
                continue;
            }
            if (fieldNames.contains(f) || star && !otherNames.contains(f)) {
                out.put(f, e.getValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
