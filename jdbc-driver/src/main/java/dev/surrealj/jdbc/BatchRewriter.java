package dev.surrealj.jdbc;

import dev.surrealj.jdbc.Placeholders.Kind;
import dev.surrealj.jdbc.Placeholders.Token;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises the {@code PreparedStatement} shapes whose batches become multi-row
 * {@code INSERT INTO t $_jdbc_rows} statements (property {@code batchRewrite}, on by default), and builds
 * the rows and the request.
 *
 * <p>Shapes (case-insensitive keywords, comments and white space anywhere, an optional trailing
 * {@code ;}; {@code t} a plain or quoted table name, not a record id; every value exactly one
 * {@code ?}, each used once; field names plain or quoted, not dotted):
 * <ol>
 *   <li>{@code INSERT [IGNORE] INTO t (a, b, …) VALUES (?, ?, …)}</li>
 *   <li>{@code INSERT [IGNORE] INTO t { a: ?, b: ?, … }} — nested objects allowed:
 *       {@code { a: ?, b: { c: ? } }}</li>
 *   <li>{@code CREATE t SET a = ?, b = ?, …}</li>
 *   <li>{@code CREATE t CONTENT { a: ?, … }} (nested objects allowed), and {@code CREATE t CONTENT ?}
 *       when every row binds a {@code Map}</li>
 * </ol>
 * become {@code INSERT [IGNORE] INTO t $_jdbc_rows RETURN id} with {@code _jdbc_rows} = one object per
 * row (a {@code CREATE} becomes an {@code INSERT}: same records; {@code RETURN id} because only the ids
 * are needed, for the counts and {@code getGeneratedKeys}). Anything else (a {@code RETURN},
 * {@code ON DUPLICATE KEY UPDATE}, {@code WHERE}, expressions, a record id target, named
 * {@code $variables} …) runs as one multi-statement request with per-row variables
 * ({@code $_jdbc_<i>_<row>}).
 *
 * <h2>Chunks</h2>
 * SurrealDB's engine gets super-linearly slower with the number of records one transaction writes (the
 * 3.0 engine on {@code mem://}: one INSERT of 1,000 rows ~0.13 s, of 5,000 rows ~2 s, of 10,000 rows
 * ~9 s, and one of 20,000 rows used up 22 GB of memory; several INSERTs inside one
 * {@code BEGIN … COMMIT} alike: 5,000 rows 2–5 s against 0.2 s as separate statements). A
 * 100,000-row batch through this driver took (dev server, 2 cores): 50 rows per INSERT ~3.7 s, 100 rows
 * ~4 s, 250 rows 5–7 s, 500 rows 7–10 s, 1,000 rows 10–16 s, 2,000 rows 16–19 s; 10 and 25 rows no
 * better than 50. So ({@link #plan(int)}):
 * <ul>
 *   <li>a batch of at most {@link #atomicRows()} rows (system property {@code surrealj.batchAtomicRows},
 *       default {@value #DEFAULT_ATOMIC_ROWS}) is ONE {@code INSERT} statement: all-or-nothing;</li>
 *   <li>a larger batch is ONE request holding a script of {@code INSERT}s of {@link #chunkRows()} rows
 *       each (system property {@code surrealj.batchChunkRows}, default {@value #DEFAULT_CHUNK_ROWS}):
 *       {@code INSERT INTO t $_jdbc_rows_1 RETURN id; INSERT INTO t $_jdbc_rows_2 RETURN id; …}. Each
 *       INSERT is all-or-nothing; a failed one does not stop the others (SurrealDB runs every statement
 *       of a script outside a transaction), so its rows are {@code EXECUTE_FAILED} and all other rows are
 *       written. The script is deliberately NOT wrapped in {@code BEGIN … COMMIT}: that makes it one
 *       transaction again, as slow as one big INSERT. For an all-or-nothing batch run it with
 *       auto-commit off (the whole batch is then inside the connection's transaction, with that cost)
 *       or raise {@code surrealj.batchAtomicRows}.</li>
 * </ul>
 * Both properties are read at each {@code executeBatch}.
 */
final class BatchRewriter {
    /** Name of the rows variable (of the single INSERT; chunk {@code k} uses {@code _jdbc_rows_k}, 1-based). */
    static final String ROWS_VARIABLE = "_jdbc_rows";
    /** Default of {@code surrealj.batchChunkRows}: the fastest chunk size measured (see the class comment). */
    static final int DEFAULT_CHUNK_ROWS = 50;
    /** Default of {@code surrealj.batchAtomicRows}. */
    static final int DEFAULT_ATOMIC_ROWS = 1_000;
    /** What the rewritten INSERTs return: the ids, for the counts and the generated keys. */
    private static final String RETURNING = " RETURN id";

    /** Rows per INSERT of a batch larger than {@link #atomicRows()}: {@code surrealj.batchChunkRows}, at least 1. */
    static int chunkRows() {
        return Math.max(1, Integer.getInteger("surrealj.batchChunkRows", DEFAULT_CHUNK_ROWS));
    }

    /** The largest batch sent as one (all-or-nothing) INSERT: {@code surrealj.batchAtomicRows}, at least 1. */
    static int atomicRows() {
        return Math.max(1, Integer.getInteger("surrealj.batchAtomicRows", DEFAULT_ATOMIC_ROWS));
    }

    /**
     * How a batch of {@code rows} rows is cut: the row count of each INSERT, in order (one entry when the
     * batch is at most {@link #atomicRows()} rows).
     */
    static int[] plan(int rows) {
        if (rows <= atomicRows()) {
            return new int[] {rows};
        }
        int chunk = chunkRows();
        int[] sizes = new int[(rows + chunk - 1) / chunk];
        for (int k = 0; k < sizes.length; k++) {
            sizes[k] = Math.min(chunk, rows - k * chunk);
        }
        return sizes;
    }

    /**
     * The request for a batch: the SurrealQL and its variables.
     *
     * @param sql    one INSERT, or a script of one INSERT per chunk
     * @param vars   {@code _jdbc_rows} or {@code _jdbc_rows_1 … _jdbc_rows_n}
     * @param chunks the rows of each INSERT, in order
     */
    record Request(String sql, Map<String, Object> vars, int[] chunks) {
    }

    /**
     * A recognised shape.
     *
     * @param sql      the rewritten statement, {@code INSERT INTO t $_jdbc_rows}
     * @param template field name → parameter index ({@code Integer}) or nested template ({@code Map});
     *                 {@code null} for {@code CONTENT ?}
     * @param content  for {@code CONTENT ?}: the index of that parameter, else 0
     */
    record Shape(String sql, Map<String, Object> template, int content) {
        /** The request inserting {@code rows} (one object per batch row), cut by {@link #plan(int)}. */
        Request request(List<Object> rows) {
            int[] chunks = plan(rows.size());
            Map<String, Object> vars = new LinkedHashMap<>();
            if (chunks.length == 1) {
                vars.put(ROWS_VARIABLE, rows);
                return new Request(sql + RETURNING, vars, chunks);
            }
            String head = sql.substring(0, sql.length() - ROWS_VARIABLE.length());
            StringBuilder script = new StringBuilder(chunks.length * (head.length() + 24));
            int from = 0;
            for (int k = 0; k < chunks.length; k++) {
                String name = ROWS_VARIABLE + "_" + (k + 1);
                script.append(head).append(name).append(RETURNING).append(";\n");
                vars.put(name, rows.subList(from, from + chunks[k]));
                from += chunks[k];
            }
            return new Request(script.toString(), vars, chunks);
        }

        /** The row object for one row of parameters (1-based {@code params[i - 1]}), or null if not possible. */
        Object row(Object[] params) {
            if (template == null) {
                Object v = params[content - 1];
                return v instanceof Map<?, ?> ? v : null;
            }
            return fill(template, params);
        }

        private static Map<String, Object> fill(Map<String, Object> t, Object[] params) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : t.entrySet()) {
                if (e.getValue() instanceof Integer i) {
                    out.put(e.getKey(), params[i - 1]);
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> nested = (Map<String, Object>) e.getValue();
                    out.put(e.getKey(), fill(nested, params));
                }
            }
            return out;
        }
    }

    private final String sql;
    private final List<Token> tokens;
    private int pos;
    private final int parameterCount;
    private final boolean[] used;

    private BatchRewriter(String sql, List<Token> tokens, int parameterCount) {
        this.sql = sql;
        this.tokens = tokens;
        this.parameterCount = parameterCount;
        this.used = new boolean[parameterCount + 1];
    }

    /**
     * The shape of a parsed statement ({@link Placeholders.Parsed#sql()}), or {@code null} when its
     * batches cannot be rewritten.
     */
    static Shape analyze(Placeholders.Parsed parsed) {
        if (parsed.parameterCount() == 0 || parsed.hasReturnParameter()) {
            return null;
        }
        List<Token> significant = new ArrayList<>();
        try {
            for (Token t : Placeholders.tokenize(parsed.sql())) {
                if (t.kind() != Kind.WHITESPACE && t.kind() != Kind.COMMENT) {
                    significant.add(t);
                }
            }
        } catch (SQLException e) {
            return null;
        }
        if (!significant.isEmpty() && significant.get(significant.size() - 1).kind() == Kind.SEMICOLON) {
            significant.remove(significant.size() - 1);
        }
        BatchRewriter r = new BatchRewriter(parsed.sql(), significant, parsed.parameterCount());
        try {
            Shape s = r.shape();
            if (s == null || r.pos != significant.size()) {
                return null;
            }
            for (int i = 1; i <= parsed.parameterCount(); i++) {
                if (!r.used[i]) {
                    return null;
                }
            }
            return s;
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            return null;
        }
    }

    private Shape shape() {
        if (word("INSERT")) {
            boolean ignore = word("IGNORE");
            expectWord("INTO");
            String table = table();
            String target = "INSERT " + (ignore ? "IGNORE " : "") + "INTO " + table + " $" + ROWS_VARIABLE;
            if (peek(Kind.OPEN_PAREN)) {
                pos++;
                List<String> columns = new ArrayList<>();
                do {
                    columns.add(name());
                } while (punct(","));
                expect(Kind.CLOSE_PAREN);
                expectWord("VALUES");
                expect(Kind.OPEN_PAREN);
                Map<String, Object> template = new LinkedHashMap<>();
                int i = 0;
                do {
                    if (i >= columns.size()) {
                        return null;
                    }
                    if (template.put(columns.get(i++), parameter()) != null) {
                        return null;
                    }
                } while (punct(","));
                expect(Kind.CLOSE_PAREN);
                return i == columns.size() ? new Shape(target, template, 0) : null;
            }
            if (peek(Kind.OPEN_BRACE)) {
                return new Shape(target, object(), 0);
            }
            return null;
        }
        if (word("CREATE")) {
            String table = table();
            String target = "INSERT INTO " + table + " $" + ROWS_VARIABLE;
            if (word("SET")) {
                Map<String, Object> template = new LinkedHashMap<>();
                do {
                    String name = name();
                    if (!punct("=")) {
                        return null;
                    }
                    if (template.put(name, parameter()) != null) {
                        return null;
                    }
                } while (punct(","));
                return new Shape(target, template, 0);
            }
            if (word("CONTENT")) {
                if (peek(Kind.OPEN_BRACE)) {
                    return new Shape(target, object(), 0);
                }
                return new Shape(target, null, parameter());
            }
        }
        return null;
    }

    /** {@code { key: ?, key: { … } }} → template. */
    private Map<String, Object> object() {
        expect(Kind.OPEN_BRACE);
        Map<String, Object> template = new LinkedHashMap<>();
        if (peek(Kind.CLOSE_BRACE)) {
            throw new IllegalStateException("empty object");
        }
        while (true) {
            String key = peek(Kind.STRING) ? string() : name();
            if (!punct(":")) {
                throw new IllegalStateException("expected ':'");
            }
            Object value = peek(Kind.OPEN_BRACE) ? object() : parameter();
            if (template.put(key, value) != null) {
                throw new IllegalStateException("duplicate key");
            }
            if (!punct(",")) {
                break;
            }
            if (peek(Kind.CLOSE_BRACE)) {
                break; // trailing comma
            }
        }
        expect(Kind.CLOSE_BRACE);
        return template;
    }

    /** A table name as written: a plain word (not a keyword we rely on) or a quoted identifier. */
    private String table() {
        Token t = tokens.get(pos);
        if (t.kind() == Kind.WORD && !isReserved(text(t))) {
            pos++;
        } else if (t.kind() == Kind.IDENTIFIER) {
            pos++;
        } else {
            throw new IllegalStateException("not a table");
        }
        // a record id (t:1), a function or an idiom is not a table
        if (pos < tokens.size()) {
            Token next = tokens.get(pos);
            if (next.kind() == Kind.PUNCT && (text(next).startsWith(":") || text(next).startsWith("."))) {
                throw new IllegalStateException("not a plain table");
            }
        }
        return text(t);
    }

    private static boolean isReserved(String w) {
        String u = w.toUpperCase(Locale.ROOT);
        return u.equals("ONLY") || u.equals("SET") || u.equals("CONTENT") || u.equals("VALUES") || u.equals("INTO")
                || u.equals("IGNORE") || u.equals("RELATION");
    }

    /** A field name: a plain word or a quoted identifier, unquoted. */
    private String name() {
        Token t = tokens.get(pos);
        String s = text(t);
        if (t.kind() == Kind.WORD && Character.isLetter(s.charAt(0)) || t.kind() == Kind.WORD && s.charAt(0) == '_') {
            pos++;
            return s;
        }
        if (t.kind() == Kind.IDENTIFIER) {
            pos++;
            return unquote(s);
        }
        throw new IllegalStateException("not a name");
    }

    private String string() {
        Token t = tokens.get(pos++);
        String s = text(t);
        char q = s.charAt(0);
        if ((q != '\'' && q != '"') || s.length() < 2 || s.charAt(s.length() - 1) != q) {
            throw new IllegalStateException("prefixed string");
        }
        String body = s.substring(1, s.length() - 1);
        if (body.indexOf('\\') >= 0) {
            throw new IllegalStateException("escapes in a key");
        }
        return body;
    }

    static String unquote(String s) {
        char open = s.charAt(0);
        char close = open == '`' ? '`' : '\u27E9';
        String body = s.substring(1, s.length() - 1);
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && (body.charAt(i + 1) == close || body.charAt(i + 1) == '\\')) {
                sb.append(body.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A {@code $_jdbc_n} parameter, used once: its index. */
    private int parameter() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.PARAMETER) {
            throw new IllegalStateException("not a parameter");
        }
        String s = text(t);
        String prefix = "$" + Placeholders.VARIABLE_PREFIX;
        if (!s.startsWith(prefix)) {
            throw new IllegalStateException("a named variable");
        }
        int i;
        try {
            i = Integer.parseInt(s.substring(prefix.length()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("not a placeholder");
        }
        if (i < 1 || i > parameterCount || used[i]) {
            throw new IllegalStateException("placeholder used twice");
        }
        used[i] = true;
        pos++;
        return i;
    }

    private boolean word(String w) {
        if (pos < tokens.size() && tokens.get(pos).kind() == Kind.WORD && tokens.get(pos).is(sql, w)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectWord(String w) {
        if (!word(w)) {
            throw new IllegalStateException("expected " + w);
        }
    }

    private boolean punct(String p) {
        if (pos < tokens.size() && tokens.get(pos).kind() == Kind.PUNCT && tokens.get(pos).is(sql, p)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peek(Kind k) {
        return pos < tokens.size() && tokens.get(pos).kind() == k;
    }

    private void expect(Kind k) {
        if (!peek(k)) {
            throw new IllegalStateException("expected " + k);
        }
        pos++;
    }

    private String text(Token t) {
        return sql.substring(t.start(), t.end());
    }
}
