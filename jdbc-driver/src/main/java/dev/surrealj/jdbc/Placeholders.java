package dev.surrealj.jdbc;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A SurrealQL-aware lexer for the driver: rewrites JDBC {@code ?} placeholders into bound
 * variables, translates the JDBC escapes SurrealQL can express, splits scripts into statements and
 * names the leading keyword of a statement.
 *
 * <h2>Placeholders</h2>
 * JDBC parameter <i>n</i> becomes the variable {@code $_jdbc_n} ({@link #variableName(int)} gives the
 * name to bind, without {@code $}); the numbering is the JDBC parameter index, so binding is
 * {@code vars.put(variableName(i), value)}. The prefix is unlikely to collide with user variables and
 * is a valid SurrealQL parameter name.
 * <pre>{@code
 * Placeholders.Parsed p = Placeholders.parse("SELECT * FROM t WHERE a = ? AND b = ?");
 * p.sql();             // "SELECT * FROM t WHERE a = $_jdbc_1 AND b = $_jdbc_2"
 * p.parameterCount();  // 2
 * }</pre>
 *
 * <p>A {@code ?} is left alone inside single- and double-quoted strings (with backslash escapes,
 * and with the SurrealQL prefixes {@code r s d u b f}), comments ({@code --}, {@code //}, {@code #},
 * {@code /* *}{@code /}), backtick and {@code ⟨…⟩} identifiers (so record ids such as
 * {@code person:⟨a?b⟩} and {@code person:`x?y`}), {@code $`…`}/{@code $⟨…⟩} parameters,
 * regex literals ({@code /a?b/} where an operand is expected) and JavaScript function bodies
 * ({@code function($a) { return $a ? 1 : 2; }}). It is also left alone where it is part of
 * SurrealQL syntax:
 * <ul>
 *   <li>after an operand: the operators {@code ??} (null coalescing), {@code ?:} (truthy-or),
 *       {@code ?=} (any-equals), {@code ?~} (any-like, 2.x), and the 2.x optional part of an idiom
 *       ({@code a?.b}, {@code a?[0]}, {@code a?->e});</li>
 *   <li>right after a {@code .}: the 3.x optional part ({@code a.?.b}, {@code a.?[0]}, {@code $p.?});</li>
 *   <li>{@code +?=} (extend);</li>
 *   <li>right after a graph arrow: {@code ->?}, {@code <-?}, {@code <->?}, {@code ->(? WHERE …)}
 *       (any edge table);</li>
 *   <li>the filter of an idiom: {@code tags[? $this > 1]} ({@code arr[?]} and {@code [?, ?]} stay
 *       placeholders).</li>
 * </ul>
 * (Seen on the engines: 3.0 accepts {@code a.?.b} and rejects {@code a?.b}; 2.6 the reverse.)
 * A lone {@code ?} after an operand and before white space or the end ({@code INSERT INTO t ?}) is a
 * placeholder, although 2.x would read it as an optional part. "After an operand" means after an identifier, number, string, {@code )}, {@code ]}, {@code }} or
 * parameter, but not after a keyword that starts an expression ({@code WHERE ?=x} binds a
 * parameter). A placeholder is always recognised when followed by white space, {@code ,},
 * {@code )}, {@code ]}, {@code ;} or the end: write {@code ? = x} rather than {@code ?=x} to be safe.
 *
 * <h2>JDBC escapes</h2>
 * <ul>
 *   <li>{@code {call fn::name(?, ?)}} → {@code fn::name($_jdbc_1, $_jdbc_2)}; a name without
 *       {@code ::} gets {@code fn::}; no parentheses → {@code ()}.</li>
 *   <li>{@code {? = call fn::name(?)}} → {@code fn::name($_jdbc_2)}: parameter 1 is the return value
 *       ({@link Parsed#returnParameterIndex()}).</li>
 *   <li>{@code {d '2024-01-31'}} → {@code d'2024-01-31'}; {@code {ts '2024-01-31 10:00:00.5'}} →
 *       {@code d'2024-01-31T10:00:00.5Z'} (read as UTC); {@code {t '10:00:00'}} → {@code '10:00:00'}.</li>
 *   <li>{@code {limit n offset m}} → {@code LIMIT n START m}.</li>
 *   <li>{@code {fn …}}, {@code {oj …}}, {@code {escape …}}: SQLState 0A000 (SurrealQL has no such
 *       functions, joins or LIKE). The common form {@code {escape '\'}} fails earlier with 42601 as an
 *       unterminated string, since SurrealQL strings use backslash escapes.</li>
 * </ul>
 *
 * <p>Unterminated strings, identifiers, comments and function bodies fail with SQLState 42601 and
 * their position (the text is not echoed: it may hold a secret).
 */
final class Placeholders {
    /** Prefix of the variables that replace placeholders: {@code ?} number n is {@code $_jdbc_n}. */
    static final String VARIABLE_PREFIX = "_jdbc_";

    private Placeholders() {
    }

    /** The variable bound for JDBC parameter {@code index} (1-based), without {@code $}: {@code _jdbc_3}. */
    static String variableName(int index) {
        if (index < 1) {
            throw new IllegalArgumentException("parameter index must be >= 1: " + index);
        }
        return VARIABLE_PREFIX + index;
    }

    /**
     * The result of {@link #parse(String)}.
     *
     * @param sql                  the SurrealQL with placeholders replaced and escapes translated
     * @param parameterCount       number of JDBC parameters (the return parameter of {@code {? = call}} included)
     * @param returnParameterIndex index of the {@code {? = call …}} return parameter, or 0 when there is none;
     *                             it has no variable in {@code sql}
     */
    record Parsed(String sql, int parameterCount, int returnParameterIndex) {
        /** Whether the statement is {@code {? = call …}}. */
        boolean hasReturnParameter() {
            return returnParameterIndex > 0;
        }

        /** Whether JDBC parameter {@code index} is bound as a variable (every parameter but the return one). */
        boolean isBound(int index) {
            return index >= 1 && index <= parameterCount && index != returnParameterIndex;
        }
    }

    // ================================================================== public operations

    /**
     * Replaces the placeholders of {@code sql} and translates JDBC escapes.
     *
     * @throws SQLException 42601 for unterminated input, 22007 for a bad date/time escape, 0A000 for
     *                      an unsupported escape
     */
    static Parsed parse(String sql) throws SQLException {
        List<Token> tokens = new Lexer(sql).tokens();
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int count = 0;
        int returnIndex = 0;
        // kinds of the open braces: NORMAL, or an escape whose closing brace is dropped
        byte[] braces = new byte[16];
        int depth = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            switch (t.kind) {
                case PLACEHOLDER -> {
                    count++;
                    out.append('$').append(VARIABLE_PREFIX).append(count);
                }
                case OPEN_BRACE -> {
                    Escape e = escape(sql, tokens, k);
                    if (e == null) {
                        braces = push(braces, depth++, BRACE_NORMAL);
                        out.append('{');
                        break;
                    }
                    switch (e.kind) {
                        case BRACE_CALL -> {
                            if (e.returnParameter) {
                                count++;
                                returnIndex = count;
                            }
                            out.append(e.text);
                        }
                        case BRACE_LIMIT -> out.append("LIMIT");
                        default -> out.append(e.text);
                    }
                    if (e.kind == BRACE_CALL || e.kind == BRACE_LIMIT) {
                        braces = push(braces, depth++, e.kind);
                    }
                    k = e.lastToken;
                }
                case CLOSE_BRACE -> {
                    if (depth == 0) {
                        out.append('}');
                    } else if (braces[--depth] == BRACE_NORMAL) {
                        out.append('}');
                    }
                }
                case WORD -> {
                    if (depth > 0 && braces[depth - 1] == BRACE_LIMIT && t.is(sql, "offset")) {
                        out.append("START");
                    } else {
                        out.append(sql, t.start, t.end);
                    }
                }
                default -> out.append(sql, t.start, t.end);
            }
        }
        return new Parsed(out.toString(), count, returnIndex);
    }

    /**
     * Splits a script into statements at top-level {@code ;} (outside strings, comments, identifiers,
     * and parentheses, brackets and braces, so {@code BEGIN}…{@code COMMIT} blocks inside braces and
     * {@code IF … { …; … }} stay whole). Each statement is trimmed, without its {@code ;}; empty
     * statements and ones holding only comments are dropped.
     *
     * <pre>{@code
     * splitStatements("CREATE a; -- note\nSELECT * FROM a WHERE s = ';';")
     *     // ["CREATE a", "-- note\nSELECT * FROM a WHERE s = ';'"]
     * }</pre>
     *
     * @throws SQLException 42601 for unterminated input
     */
    static List<String> splitStatements(String script) throws SQLException {
        List<Token> tokens = new Lexer(script).tokens();
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean significant = false;
        for (Token t : tokens) {
            switch (t.kind) {
                case OPEN_BRACE, OPEN_PAREN, OPEN_BRACKET -> depth++;
                case CLOSE_BRACE, CLOSE_PAREN, CLOSE_BRACKET -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
            if (t.kind == Kind.SEMICOLON && depth == 0) {
                if (significant) {
                    out.add(script.substring(start, t.start).strip());
                }
                start = t.end;
                significant = false;
            } else if (t.kind != Kind.WHITESPACE && t.kind != Kind.COMMENT) {
                significant = true;
            }
        }
        if (significant) {
            out.add(script.substring(start).strip());
        }
        return out;
    }

    /**
     * The first keyword of a statement in upper case, skipping white space, comments and opening
     * parentheses: {@code SELECT}, {@code CREATE}, {@code INSERT}, {@code UPDATE}, {@code UPSERT},
     * {@code DELETE}, {@code RELATE}, {@code DEFINE}, {@code LET} … ; {@code CALL} for a JDBC
     * {@code {call …}} escape; {@code ""} when the statement does not start with a word (e.g.
     * {@code [1, 2]} or {@code $x}). Never fails, even on unterminated input.
     */
    static String leadingKeyword(String statement) {
        if (statement == null) {
            return "";
        }
        String s = statement;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isSpace(c) || c == '(') {
                i++;
            } else if (c == '#' || (c == '-' && at(s, i + 1) == '-') || (c == '/' && at(s, i + 1) == '/')) {
                while (i < n && !isLineEnd(s.charAt(i))) {
                    i++;
                }
            } else if (c == '/' && at(s, i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    return "";
                }
                i = end + 2;
            } else if (c == '{') {
                // JDBC {call …} / {? = call …}
                int j = i + 1;
                while (j < n && isSpace(s.charAt(j))) {
                    j++;
                }
                if (at(s, j) == '?') {
                    j++;
                    while (j < n && isSpace(s.charAt(j))) {
                        j++;
                    }
                    if (at(s, j) != '=') {
                        return "";
                    }
                    j++;
                    while (j < n && isSpace(s.charAt(j))) {
                        j++;
                    }
                }
                return s.regionMatches(true, j, "call", 0, 4) && j + 4 < n && isSpace(s.charAt(j + 4))
                        ? "CALL" : "";
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (i == start || (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == ':'))) {
            return ""; // not a keyword: a number, a function (fn::x), a record id (t:1)…
        }
        return s.substring(start, i).toUpperCase(Locale.ROOT);
    }

    /** What a statement does, for choosing between a result set and an update count. */
    enum StatementKind {
        /** Returns rows: SELECT, RETURN, INFO, SHOW, LIVE, a function call, any other expression. */
        QUERY,
        /** Changes records and returns them: CREATE, INSERT, UPDATE, UPSERT, DELETE, RELATE. */
        DML,
        /** Changes the schema: DEFINE, REMOVE, ALTER, REBUILD. */
        DDL,
        /** BEGIN, COMMIT, CANCEL. */
        TRANSACTION,
        /** Changes the session: USE, LET, UNSET, OPTION, SLEEP, KILL, ACCESS. */
        SESSION;

        /** Whether JDBC reports an update count (not a result set) for this kind by default. */
        boolean returnsUpdateCount() {
            return this != QUERY;
        }
    }

    /** The {@link StatementKind} of a statement, from its {@link #leadingKeyword(String)}. */
    static StatementKind statementKind(String statement) {
        return switch (leadingKeyword(statement)) {
            case "CREATE", "INSERT", "UPDATE", "UPSERT", "DELETE", "RELATE" -> StatementKind.DML;
            case "DEFINE", "REMOVE", "ALTER", "REBUILD" -> StatementKind.DDL;
            case "BEGIN", "COMMIT", "CANCEL" -> StatementKind.TRANSACTION;
            case "USE", "LET", "UNSET", "OPTION", "SLEEP", "KILL", "ACCESS" -> StatementKind.SESSION;
            default -> StatementKind.QUERY;
        };
    }

    // ================================================================== JDBC escapes

    private static final byte BRACE_NORMAL = 0;
    private static final byte BRACE_CALL = 1;
    private static final byte BRACE_LIMIT = 2;
    private static final byte BRACE_NONE = 3; // literal escape: consumed through its closing brace

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?)");

    private record Escape(byte kind, String text, int lastToken, boolean returnParameter) {
    }

    /** The JDBC escape opening at tokens[k] (a '{'), or null when the brace is SurrealQL's. */
    private static Escape escape(String sql, List<Token> tokens, int k) throws SQLException {
        int j = nextSignificant(tokens, k + 1, true);
        if (j < 0) {
            return null;
        }
        Token first = tokens.get(j);
        boolean returnParameter = false;
        if (first.kind == Kind.PLACEHOLDER) {
            int eq = nextSignificant(tokens, j + 1, true);
            if (eq < 0 || !tokens.get(eq).is(sql, "=")) {
                return null;
            }
            j = nextSignificant(tokens, eq + 1, true);
            if (j < 0) {
                return null;
            }
            first = tokens.get(j);
            returnParameter = true;
            if (!first.is(sql, "call")) {
                return null;
            }
        }
        if (first.kind != Kind.WORD || j + 1 >= tokens.size() || tokens.get(j + 1).kind != Kind.WHITESPACE) {
            return null;
        }
        String word = sql.substring(first.start, first.end).toLowerCase(Locale.ROOT);
        switch (word) {
            case "call": {
                // the function name: adjacent words and '::' (fn::name, string::len, name)
                int p = nextSignificant(tokens, j + 1, true);
                StringBuilder name = new StringBuilder();
                int last = -1;
                while (p >= 0 && p < tokens.size()
                        && (tokens.get(p).kind == Kind.WORD || tokens.get(p).is(sql, "::"))) {
                    name.append(sql, tokens.get(p).start, tokens.get(p).end);
                    last = p++;
                }
                if (name.length() == 0) {
                    return null;
                }
                int after = nextSignificant(tokens, last + 1, true);
                if (after < 0) {
                    return null;
                }
                String fn = name.indexOf("::") >= 0 ? name.toString() : "fn::" + name;
                if (tokens.get(after).kind == Kind.CLOSE_BRACE) {
                    return new Escape(BRACE_CALL, fn + "()", last, returnParameter);
                }
                if (tokens.get(after).kind == Kind.OPEN_PAREN) {
                    // continue at the '(' (white space before it dropped)
                    return new Escape(BRACE_CALL, fn, after - 1, returnParameter);
                }
                return null;
            }
            case "d", "ts", "t": {
                int q = nextSignificant(tokens, j + 1, true);
                if (q < 0 || tokens.get(q).kind != Kind.STRING || sql.charAt(tokens.get(q).start) != '\'') {
                    return null;
                }
                int close = nextSignificant(tokens, q + 1, true);
                if (close < 0 || tokens.get(close).kind != Kind.CLOSE_BRACE) {
                    return null;
                }
                Token lit = tokens.get(q);
                String value = sql.substring(lit.start + 1, lit.end - 1).strip();
                String text = switch (word) {
                    case "d" -> {
                        if (!DATE.matcher(value).matches()) {
                            throw badDateTime(sql, lit, "{d 'yyyy-mm-dd'}");
                        }
                        yield "d'" + value + "'";
                    }
                    case "t" -> {
                        if (!TIME.matcher(value).matches()) {
                            throw badDateTime(sql, lit, "{t 'hh:mm:ss'}");
                        }
                        yield "'" + value + "'";
                    }
                    default -> {
                        var m = TIMESTAMP.matcher(value);
                        if (!m.matches()) {
                            throw badDateTime(sql, lit, "{ts 'yyyy-mm-dd hh:mm:ss[.f...]'}");
                        }
                        yield "d'" + m.group(1) + "T" + m.group(2) + "Z'";
                    }
                };
                return new Escape(BRACE_NONE, text, close, false);
            }
            case "limit":
                return new Escape(BRACE_LIMIT, "LIMIT", j, false);
            case "fn":
                throw SqlStates.unsupported("The JDBC escape {fn ...} is not supported" + Lexer.where(sql, first.start)
                        + "; call SurrealQL functions directly, e.g. string::uppercase($s) or time::now()");
            case "oj":
                throw SqlStates.unsupported("The JDBC escape {oj ...} is not supported" + Lexer.where(sql, first.start)
                        + ": SurrealQL has no joins; use record links or graph traversal");
            case "escape":
                throw SqlStates.unsupported("The JDBC escape {escape ...} is not supported"
                        + Lexer.where(sql, first.start) + ": SurrealQL has no LIKE; use string::matches or ~");
            default:
                return null;
        }
    }

    private static SQLException badDateTime(String sql, Token lit, String form) {
        return new SQLDataException("Invalid JDBC date/time escape" + Lexer.where(sql, lit.start)
                + "; expected " + form, SqlStates.INVALID_DATETIME_FORMAT);
    }

    /** Index of the next token from {@code from} that is not white space (nor a comment unless asked), or -1. */
    private static int nextSignificant(List<Token> tokens, int from, boolean skipComments) {
        for (int i = from; i < tokens.size(); i++) {
            Kind k = tokens.get(i).kind;
            if (k != Kind.WHITESPACE && !(skipComments && k == Kind.COMMENT)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] push(byte[] stack, int depth, byte kind) {
        byte[] s = depth < stack.length ? stack : java.util.Arrays.copyOf(stack, stack.length * 2);
        s[depth] = kind;
        return s;
    }

    // ================================================================== the lexer

    /** Token kinds. */
    enum Kind {
        WHITESPACE, COMMENT, STRING, IDENTIFIER, PARAMETER, WORD, REGEX, JS_BODY,
        /** A JDBC placeholder. */
        PLACEHOLDER,
        /** A {@code ?} that is SurrealQL syntax ({@code ??}, {@code ?=}, {@code a?.b} …). */
        SURREAL_QUESTION,
        OPEN_PAREN, CLOSE_PAREN, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE, SEMICOLON,
        /** Any other operator or punctuation. */
        PUNCT
    }

    /** A token: {@code [start, end)} of the input. */
    record Token(Kind kind, int start, int end) {
        boolean is(String src, String text) {
            return end - start == text.length() && src.regionMatches(true, start, text, 0, text.length());
        }
    }

    /** Tokenizes for {@link Placeholders}: lets the tests see the decisions. */
    static List<Token> tokenize(String sql) throws SQLException {
        return new Lexer(sql).tokens();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    private static char at(String s, int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : '\0';
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                || (c > 127 && Character.isLetterOrDigit(c));
    }

    /** Keywords after which an expression starts: a following {@code ?} is a placeholder. */
    private static final Set<String> EXPRESSION_KEYWORDS = Set.of(
            "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IS", "IN", "INSIDE", "NOTINSIDE", "ALLINSIDE",
            "ANYINSIDE", "NONEINSIDE", "OUTSIDE", "INTERSECTS", "CONTAINS", "CONTAINSNOT", "CONTAINSALL",
            "CONTAINSANY", "CONTAINSNONE", "IF", "THEN", "ELSE", "RETURN", "LIMIT", "SET", "CONTENT", "MERGE",
            "PATCH", "REPLACE", "VALUES", "LET", "BY", "TIMEOUT", "THROW", "ONLY", "UPDATE", "CREATE", "DELETE",
            "UPSERT", "INSERT", "INTO", "RELATE", "ON", "ASSERT", "WHEN", "DEFAULT", "SLEEP", "AT", "VERSION");

    /** Where the previous significant token leaves the parser. */
    private enum Ctx {
        /** Start of a statement, after an operator or punctuation: an operand comes next. */
        EXPECT_OPERAND,
        /** After a keyword that starts an expression. */
        KEYWORD,
        /** After an operand: an operator (or idiom part) comes next. */
        OPERAND,
        /** After {@code ->}, {@code <-}, {@code <->}, {@code <~}. */
        ARROW,
        /** After {@code (} that follows an arrow. */
        ARROW_PAREN,
        /** After {@code [} that follows an operand (an idiom part). */
        IDIOM_BRACKET
    }

    private static final class Lexer {
        private final String s;
        private final int n;
        private final List<Token> tokens = new ArrayList<>();
        private Ctx ctx = Ctx.EXPECT_OPERAND;
        private boolean afterDot;
        private int parenDepth;
        private int jsParenDepth = -1;
        private boolean jsExpectBody;

        Lexer(String s) {
            this.s = s;
            this.n = s.length();
        }

        List<Token> tokens() throws SQLException {
            int i = 0;
            while (i < n) {
                i = next(i);
            }
            return tokens;
        }

        private int add(Kind kind, int start, int end) {
            tokens.add(new Token(kind, start, end));
            return end;
        }

        /** Adds a significant token and moves the context. */
        private int sig(Kind kind, int start, int end, Ctx next) {
            if (kind != Kind.OPEN_BRACE) {
                jsExpectBody = false;
            }
            ctx = next;
            afterDot = false;
            return add(kind, start, end);
        }

        private int next(int i) throws SQLException {
            char c = s.charAt(i);
            char c1 = at(s, i + 1);
            if (isSpace(c)) {
                int j = i + 1;
                while (j < n && isSpace(s.charAt(j))) {
                    j++;
                }
                return add(Kind.WHITESPACE, i, j);
            }
            if (c == '#' || (c == '-' && c1 == '-') || (c == '/' && c1 == '/')) {
                int j = i;
                while (j < n && !isLineEnd(s.charAt(j))) {
                    j++;
                }
                return add(Kind.COMMENT, i, j);
            }
            if (c == '/' && c1 == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    throw unterminated("block comment", i);
                }
                return add(Kind.COMMENT, i, end + 2);
            }
            switch (c) {
                case '\'', '"':
                    return sig(Kind.STRING, i, skipQuoted(i, c, "string literal"), Ctx.OPERAND);
                case '`':
                    return sig(Kind.IDENTIFIER, i, skipQuoted(i, '`', "identifier"), Ctx.OPERAND);
                case '\u27E8': // ⟨
                    return sig(Kind.IDENTIFIER, i, skipQuoted(i, '\u27E9', "identifier"), Ctx.OPERAND);
                case '$': {
                    int j = i + 1;
                    if (c1 == '`') {
                        j = skipQuoted(i + 1, '`', "parameter name");
                    } else if (c1 == '\u27E8') {
                        j = skipQuoted(i + 1, '\u27E9', "parameter name");
                    } else {
                        while (j < n && isWordChar(s.charAt(j))) {
                            j++;
                        }
                    }
                    return sig(Kind.PARAMETER, i, j, Ctx.OPERAND);
                }
                case '?':
                    return question(i);
                case '+':
                    if (c1 == '?' && at(s, i + 2) == '=') {
                        return sig(Kind.PUNCT, i, i + 3, Ctx.EXPECT_OPERAND);
                    }
                    return sig(Kind.PUNCT, i, i + 1, Ctx.EXPECT_OPERAND);
                case '(': {
                    Ctx next = ctx == Ctx.ARROW ? Ctx.ARROW_PAREN : Ctx.EXPECT_OPERAND;
                    parenDepth++;
                    return sig(Kind.OPEN_PAREN, i, i + 1, next);
                }
                case ')': {
                    parenDepth = Math.max(0, parenDepth - 1);
                    boolean body = jsParenDepth == parenDepth;
                    if (body) {
                        jsParenDepth = -1;
                    }
                    int end = sig(Kind.CLOSE_PAREN, i, i + 1, Ctx.OPERAND);
                    jsExpectBody = body;
                    return end;
                }
                case '[':
                    return sig(Kind.OPEN_BRACKET, i, i + 1,
                            ctx == Ctx.OPERAND ? Ctx.IDIOM_BRACKET : Ctx.EXPECT_OPERAND);
                case ']':
                    return sig(Kind.CLOSE_BRACKET, i, i + 1, Ctx.OPERAND);
                case '{':
                    if (jsExpectBody) {
                        return sig(Kind.JS_BODY, i, skipJsBody(i), Ctx.OPERAND);
                    }
                    return sig(Kind.OPEN_BRACE, i, i + 1, Ctx.EXPECT_OPERAND);
                case '}':
                    return sig(Kind.CLOSE_BRACE, i, i + 1, Ctx.OPERAND);
                case ';':
                    parenDepth = 0;
                    jsParenDepth = -1;
                    return sig(Kind.SEMICOLON, i, i + 1, Ctx.EXPECT_OPERAND);
                case '-':
                    if (c1 == '>') {
                        return sig(Kind.PUNCT, i, i + 2, Ctx.ARROW);
                    }
                    return sig(Kind.PUNCT, i, i + 1, Ctx.EXPECT_OPERAND);
                case '<':
                    if (c1 == '-' && at(s, i + 2) == '>') {
                        return sig(Kind.PUNCT, i, i + 3, Ctx.ARROW);
                    }
                    if (c1 == '-' || c1 == '~') {
                        return sig(Kind.PUNCT, i, i + 2, Ctx.ARROW);
                    }
                    return sig(Kind.PUNCT, i, i + 1, Ctx.EXPECT_OPERAND);
                case '/': {
                    if (ctx != Ctx.OPERAND) {
                        int end = regexEnd(i);
                        if (end > 0) {
                            return sig(Kind.REGEX, i, end, Ctx.OPERAND);
                        }
                    }
                    return sig(Kind.PUNCT, i, i + 1, Ctx.EXPECT_OPERAND);
                }
                case '.': {
                    int j = i + 1;
                    while (j < n && s.charAt(j) == '.') {
                        j++;
                    }
                    int end = sig(Kind.PUNCT, i, j, Ctx.EXPECT_OPERAND);
                    afterDot = j == i + 1;
                    return end;
                }
                case ':': {
                    int j = c1 == ':' ? i + 2 : i + 1;
                    return sig(Kind.PUNCT, i, j, Ctx.EXPECT_OPERAND);
                }
                default:
                    break;
            }
            if (isWordChar(c)) {
                int j = i + 1;
                while (j < n && isWordChar(s.charAt(j))) {
                    j++;
                }
                boolean field = afterDot;
                Ctx next = Ctx.OPERAND;
                if (!field && Character.isLetter(c)) {
                    String upper = s.substring(i, j).toUpperCase(Locale.ROOT);
                    if (EXPRESSION_KEYWORDS.contains(upper)) {
                        next = Ctx.KEYWORD;
                    } else if (upper.equals("FUNCTION")) {
                        int k = j;
                        while (k < n && isSpace(s.charAt(k))) {
                            k++;
                        }
                        if (at(s, k) == '(') {
                            jsParenDepth = parenDepth;
                        }
                    }
                }
                return sig(Kind.WORD, i, j, next);
            }
            // any other character: an operator or punctuation
            return sig(Kind.PUNCT, i, i + 1, Ctx.EXPECT_OPERAND);
        }

        /** Decides what a '?' at i is. */
        private int question(int i) {
            char c1 = at(s, i + 1);
            if (afterDot && at(s, i - 1) == '.') {
                // 3.x optional part: a.?.b, a.?[0], $p.?
                return sig(Kind.SURREAL_QUESTION, i, i + 1, Ctx.OPERAND);
            }
            switch (ctx) {
                case ARROW, ARROW_PAREN:
                    return sig(Kind.SURREAL_QUESTION, i, i + 1, Ctx.OPERAND);
                case IDIOM_BRACKET: {
                    int j = i + 1;
                    while (j < n && isSpace(s.charAt(j))) {
                        j++;
                    }
                    char after = at(s, j);
                    if (j < n && after != ']' && after != ',' && after != ')' && after != ';') {
                        return sig(Kind.SURREAL_QUESTION, i, i + 1, Ctx.EXPECT_OPERAND);
                    }
                    break;
                }
                case OPERAND:
                    switch (c1) {
                        case '?', ':', '=', '~':
                            return sig(Kind.SURREAL_QUESTION, i, i + 2, Ctx.EXPECT_OPERAND);
                        case '.':
                            if (at(s, i + 2) != '.') {
                                return sig(Kind.SURREAL_QUESTION, i, i + 1, Ctx.OPERAND);
                            }
                            break;
                        case '[':
                            return sig(Kind.SURREAL_QUESTION, i, i + 1, Ctx.OPERAND);
                        case '-':
                            if (at(s, i + 2) == '>') {
                                return sig(Kind.SURREAL_QUESTION, i, i + 1, Ctx.OPERAND);
                            }
                            break;
                        default:
                            break;
                    }
                    break;
                default:
                    break;
            }
            return sig(Kind.PLACEHOLDER, i, i + 1, Ctx.OPERAND);
        }

        /** End (exclusive) of a quoted run starting at i with a backslash escape, closed by {@code close}. */
        private int skipQuoted(int i, char close, String what) throws SQLException {
            int j = i + 1;
            while (j < n) {
                char c = s.charAt(j);
                if (c == '\\') {
                    j += 2;
                    continue;
                }
                if (c == close) {
                    return j + 1;
                }
                j++;
            }
            throw unterminated(what, i);
        }

        /** End of a JavaScript function body starting with '{' at i. */
        private int skipJsBody(int i) throws SQLException {
            int depth = 0;
            int j = i;
            while (j < n) {
                char c = s.charAt(j);
                char c1 = at(s, j + 1);
                if (c == '\'' || c == '"' || c == '`') {
                    j = skipJsString(j, c, i);
                    continue;
                }
                if (c == '/' && c1 == '/') {
                    while (j < n && !isLineEnd(s.charAt(j))) {
                        j++;
                    }
                    continue;
                }
                if (c == '/' && c1 == '*') {
                    int end = s.indexOf("*/", j + 2);
                    if (end < 0) {
                        throw unterminated("JavaScript function body", i);
                    }
                    j = end + 2;
                    continue;
                }
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (depth == 0) {
                        return j + 1;
                    }
                }
                j++;
            }
            throw unterminated("JavaScript function body", i);
        }

        private int skipJsString(int j, char close, int bodyStart) throws SQLException {
            int k = j + 1;
            while (k < n) {
                char c = s.charAt(k);
                if (c == '\\') {
                    k += 2;
                    continue;
                }
                if (c == close) {
                    return k + 1;
                }
                k++;
            }
            throw unterminated("JavaScript function body", bodyStart);
        }

        /**
         * End of a regex literal {@code /…/} starting at i, or -1 when there is none on this line
         * (then the '/' is a division).
         */
        private int regexEnd(int i) {
            int j = i + 1;
            if (j >= n || isSpace(s.charAt(j))) {
                return -1;
            }
            while (j < n) {
                char c = s.charAt(j);
                if (c == '\\') {
                    if (j + 1 < n && isLineEnd(s.charAt(j + 1))) {
                        return -1;
                    }
                    j += 2;
                    continue;
                }
                if (isLineEnd(c)) {
                    return -1;
                }
                if (c == '/') {
                    return j + 1;
                }
                j++;
            }
            return -1;
        }

        private SQLException unterminated(String what, int start) {
            return SqlStates.syntaxError("Unterminated " + what + where(s, start));
        }

        /** " starting at line L, column C (offset O)". */
        static String where(String s, int offset) {
            int line = 1;
            int col = 1;
            for (int k = 0; k < offset && k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '\n' || (c == '\r' && at(s, k + 1) != '\n')) {
                    line++;
                    col = 1;
                } else if (c != '\r') {
                    col++;
                }
            }
            return " starting at line " + line + ", column " + col + " (offset " + offset + ")";
        }
    }
}
