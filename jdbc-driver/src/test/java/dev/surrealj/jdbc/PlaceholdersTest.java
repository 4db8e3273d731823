package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.jdbc.Placeholders.Parsed;
import dev.surrealj.jdbc.Placeholders.StatementKind;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {

    private static String rw(String sql) throws SQLException {
        return Placeholders.parse(sql).sql();
    }

    /** Asserts the text is left exactly as is, with no parameters. */
    private static void unchanged(String sql) throws SQLException {
        Parsed p = Placeholders.parse(sql);
        assertEquals(sql, p.sql());
        assertEquals(0, p.parameterCount(), sql);
    }

    @Nested
    class Basics {
        @Test
        void rewritesPlaceholdersInOrder() throws SQLException {
            Parsed p = Placeholders.parse("SELECT * FROM t WHERE a = ? AND b = ?");
            assertEquals("SELECT * FROM t WHERE a = $_jdbc_1 AND b = $_jdbc_2", p.sql());
            assertEquals(2, p.parameterCount());
            assertEquals(0, p.returnParameterIndex());
            assertFalse(p.hasReturnParameter());
            assertTrue(p.isBound(1));
            assertTrue(p.isBound(2));
            assertFalse(p.isBound(0));
            assertFalse(p.isBound(3));
        }

        @Test
        void variableNames() {
            assertEquals("_jdbc_1", Placeholders.variableName(1));
            assertEquals("_jdbc_10000", Placeholders.variableName(10000));
            assertThrows(IllegalArgumentException.class, () -> Placeholders.variableName(0));
            assertEquals("_jdbc_", Placeholders.VARIABLE_PREFIX);
        }

        @Test
        void noPlaceholders() throws SQLException {
            unchanged("");
            unchanged("SELECT * FROM person");
            unchanged("   \n\t ");
        }

        @ParameterizedTest
        @CsvSource(value = {
                "SELECT ? | SELECT $_jdbc_1",
                "?|$_jdbc_1",
                "(?,?) | ($_jdbc_1,$_jdbc_2)",
                "x IN [?,?] | x IN [$_jdbc_1,$_jdbc_2]",
                "LIMIT ? START ? | LIMIT $_jdbc_1 START $_jdbc_2",
                "CREATE person CONTENT ? | CREATE person CONTENT $_jdbc_1",
                "INSERT INTO person ? | INSERT INTO person $_jdbc_1",
                "INSERT INTO t [?, ?] | INSERT INTO t [$_jdbc_1, $_jdbc_2]",
                "UPDATE ? SET a = ? | UPDATE $_jdbc_1 SET a = $_jdbc_2",
                "LET $x = ?; RETURN $x + ? | LET $x = $_jdbc_1; RETURN $x + $_jdbc_2",
                "{ a: ?, b: [?] } | { a: $_jdbc_1, b: [$_jdbc_2] }",
                "{a:?} | {a:$_jdbc_1}",
                "person:? | person:$_jdbc_1",
                "x INSIDE ?..? | x INSIDE $_jdbc_1..$_jdbc_2",
                "WHERE ?=x | WHERE $_jdbc_1=x",
                "WHERE ? = x | WHERE $_jdbc_1 = x",
                "WHERE a = ?-1 | WHERE a = $_jdbc_1-1",
                "WHERE a=?AND b=? | WHERE a=$_jdbc_1AND b=$_jdbc_2",
                "<int> ? | <int> $_jdbc_1",
                "arr[?] | arr[$_jdbc_1]",
                "arr[ ? ] | arr[ $_jdbc_1 ]",
                "fn::x(?, ?) | fn::x($_jdbc_1, $_jdbc_2)",
                "RETURN 10 / ? | RETURN 10 / $_jdbc_1",
                "a / ? / 2 | a / $_jdbc_1 / 2",
                "SELECT * FROM t WHERE x = ?; | SELECT * FROM t WHERE x = $_jdbc_1;",
        }, delimiter = '|')
        void placeholderPositions(String sql, String expected) throws SQLException {
            assertEquals(expected, rw(sql));
        }

        @Test
        void unicodeIsKept() throws SQLException {
            assertEquals("SELECT * FROM ⟨tåble⟩ WHERE naïve = $_jdbc_1 AND s = '😀?'",
                    rw("SELECT * FROM ⟨tåble⟩ WHERE naïve = ? AND s = '😀?'"));
        }

        @Test
        void tenThousandPlaceholders() throws SQLException {
            StringJoiner j = new StringJoiner(", ", "SELECT * FROM t WHERE x IN [", "]");
            StringJoiner e = new StringJoiner(", ", "SELECT * FROM t WHERE x IN [", "]");
            for (int i = 1; i <= 10_000; i++) {
                j.add("?");
                e.add("$_jdbc_" + i);
            }
            Parsed p = Placeholders.parse(j.toString());
            assertEquals(10_000, p.parameterCount());
            assertEquals(e.toString(), p.sql());
            assertTrue(p.sql().endsWith("$_jdbc_10000]"));
            assertEquals(1, Placeholders.splitStatements(j + ";" + j).size() / 2);
        }

        @Test
        void longInputWithoutPlaceholders() throws SQLException {
            String big = "SELECT * FROM t WHERE s = '" + "x".repeat(1_000_000) + "'";
            assertEquals(big, rw(big));
        }
    }

    @Nested
    class Quoting {
        @ParameterizedTest
        @ValueSource(strings = {
                "SELECT '?' FROM t",
                "SELECT \"?\" FROM t",
                "SELECT 'it\\'s ?' FROM t",
                "SELECT \"a \\\" ?\" FROM t",
                "SELECT 'a \" ?' FROM t",
                "SELECT \"a ' ?\" FROM t",
                "SELECT r\"a?\" FROM t",
                "SELECT r'a?' FROM t",
                "SELECT s'?' FROM t",
                "SELECT d'2020-01-01T00:00:00Z?' FROM t",
                "SELECT u'?' FROM t",
                "SELECT f\"bucket:/a?\" FROM t",
                "SELECT b\"?\" FROM t",
                "SELECT `a?b` FROM t",
                "SELECT `a\\`?` FROM t",
                "SELECT ⟨a?b⟩ FROM t",
                "SELECT ⟨a\\⟩?⟩ FROM t",
                "SELECT * FROM person:⟨a?b⟩",
                "SELECT * FROM person:`x?y`",
                "SELECT * FROM person:{ a: '?' }",
                "SELECT * FROM person:['?', \"?\"]",
                "RETURN $`a?b`",
                "RETURN $⟨a?b⟩",
                "RETURN '\\\\' + \"\\\\\"",
        })
        void questionMarksInsideQuotesAreKept(String sql) throws SQLException {
            unchanged(sql);
        }

        @Test
        void placeholderRightAfterAStringWithAnEscapedBackslash() throws SQLException {
            assertEquals("RETURN 'a\\\\' + $_jdbc_1", rw("RETURN 'a\\\\' + ?"));
            assertEquals("RETURN ['?', $_jdbc_1, \"?\", $_jdbc_2]", rw("RETURN ['?', ?, \"?\", ?]"));
            assertEquals("SELECT * FROM person:⟨a?b⟩ WHERE x = $_jdbc_1", rw("SELECT * FROM person:⟨a?b⟩ WHERE x = ?"));
        }
    }

    @Nested
    class Comments {
        @Test
        void commentsAreKept() throws SQLException {
            assertEquals("SELECT -- a?\n$_jdbc_1", rw("SELECT -- a?\n?"));
            assertEquals("SELECT // a?\r\n$_jdbc_1", rw("SELECT // a?\r\n?"));
            assertEquals("SELECT # a?\r$_jdbc_1", rw("SELECT # a?\r?"));
            assertEquals("SELECT /* a? */ $_jdbc_1", rw("SELECT /* a? */ ?"));
            assertEquals("SELECT /* multi\n line ? ' \" ` */ $_jdbc_1",
                    rw("SELECT /* multi\n line ? ' \" ` */ ?"));
            assertEquals("SELECT /**/ $_jdbc_1 /* ** / */", rw("SELECT /**/ ? /* ** / */"));
            unchanged("-- only a comment ?");
            unchanged("SELECT 1 # ?");
            unchanged("SELECT 1 // ? ' unbalanced");
        }

        @Test
        void unicodeLineSeparatorEndsALineComment() throws SQLException {
            assertEquals("-- c\u2028$_jdbc_1", rw("-- c\u2028?"));
        }

        @Test
        void minusMinusIsAlwaysAComment() throws SQLException {
            assertEquals("RETURN 1--?", rw("RETURN 1--?"));
        }
    }

    @Nested
    class SurrealQuestionMarks {
        @ParameterizedTest
        @CsvSource(value = {
                // null coalescing
                "RETURN a ?? ? | RETURN a ?? $_jdbc_1",
                "RETURN a??? | RETURN a??$_jdbc_1",
                "RETURN $x ?? 'default' | RETURN $x ?? 'default'",
                "RETURN count() ?? ? | RETURN count() ?? $_jdbc_1",
                "RETURN [1][0] ?? ? | RETURN [1][0] ?? $_jdbc_1",
                "RETURN 'a' ?? ? | RETURN 'a' ?? $_jdbc_1",
                // truthy-or
                "RETURN a ?: ? | RETURN a ?: $_jdbc_1",
                "RETURN 0 ?: 1 | RETURN 0 ?: 1",
                // any-equals, any-like, extend
                "SELECT * FROM t WHERE tags ?= ? | SELECT * FROM t WHERE tags ?= $_jdbc_1",
                "SELECT * FROM t WHERE tags?=? | SELECT * FROM t WHERE tags?=$_jdbc_1",
                "SELECT * FROM t WHERE x.in ?= ? | SELECT * FROM t WHERE x.in ?= $_jdbc_1",
                "SELECT * FROM t WHERE names ?~ ? | SELECT * FROM t WHERE names ?~ $_jdbc_1",
                "UPDATE t SET tags +?= ? | UPDATE t SET tags +?= $_jdbc_1",
                "UPDATE t SET tags+?=? | UPDATE t SET tags+?=$_jdbc_1",
                // optional parts
                "SELECT a?.b FROM t WHERE c = ? | SELECT a?.b FROM t WHERE c = $_jdbc_1",
                "RETURN $obj.a?.b?.c | RETURN $obj.a?.b?.c",
                "RETURN $obj?[0] | RETURN $obj?[0]",
                "SELECT `x y`?.z FROM t | SELECT `x y`?.z FROM t",
                "SELECT person:1?->likes FROM t | SELECT person:1?->likes FROM t",
                "RETURN (SELECT * FROM t)?.a | RETURN (SELECT * FROM t)?.a",
                "RETURN {a: NONE}.a.?.b ?? ? | RETURN {a: NONE}.a.?.b ?? $_jdbc_1",
                "RETURN $o.a.?.b.?[0] | RETURN $o.a.?.b.?[0]",
                "RETURN {a:1}.a.?->x | RETURN {a:1}.a.?->x",
                "SELECT * FROM t WHERE x.? = ? | SELECT * FROM t WHERE x.? = $_jdbc_1",
                "RETURN $p.? | RETURN $p.?",
                "RETURN 1..? | RETURN 1..$_jdbc_1",
                "RETURN [1]?[0] | RETURN [1]?[0]",
                // graph: any edge table
                "SELECT ->? FROM person | SELECT ->? FROM person",
                "SELECT <-? FROM person | SELECT <-? FROM person",
                "SELECT <->? FROM person | SELECT <->? FROM person",
                "SELECT ->?->? FROM person | SELECT ->?->? FROM person",
                "SELECT ->(? WHERE since > ?) FROM person | SELECT ->(? WHERE since > $_jdbc_1) FROM person",
                "SELECT ->(?)->person FROM person:? | SELECT ->(?)->person FROM person:$_jdbc_1",
                // idiom filters
                "SELECT tags[? $this > ?] FROM t | SELECT tags[? $this > $_jdbc_1] FROM t",
                "SELECT tags[?$this = ?] FROM t | SELECT tags[?$this = $_jdbc_1] FROM t",
                "RETURN {}[?test = true] | RETURN {}[?test = true]",
                "SELECT tags[WHERE $this = ?] FROM t | SELECT tags[WHERE $this = $_jdbc_1] FROM t",
                "SELECT tags[?] FROM t | SELECT tags[$_jdbc_1] FROM t",
                "SELECT x FROM t WHERE [?] CONTAINS x | SELECT x FROM t WHERE [$_jdbc_1] CONTAINS x",
        }, delimiter = '|')
        void operatorsContainingAQuestionMarkAreKept(String sql, String expected) throws SQLException {
            assertEquals(expected, rw(sql));
        }

        @Test
        void tokenDecisionsAreVisible() throws SQLException {
            List<Placeholders.Token> tokens = Placeholders.tokenize("a ?? ?");
            assertEquals(Placeholders.Kind.SURREAL_QUESTION, tokens.get(2).kind());
            assertEquals(Placeholders.Kind.PLACEHOLDER, tokens.get(4).kind());
        }
    }

    @Nested
    class RegexAndJavaScript {
        @ParameterizedTest
        @ValueSource(strings = {
                "SELECT * FROM t WHERE name = /a?b/",
                "SELECT * FROM t WHERE name = /a\\/?b/",
                "RETURN string::matches(name, /^a?$/)",
                "RETURN /[?]/",
                "RETURN function() { return 1 ? 2 : 3; }",
                "RETURN FUNCTION () { return a ?? b; }",
                "RETURN function($a) { let s = \"}?\"; return s ? 1 : 2; }",
                "RETURN function() { let t = `${x ? 1 : 2}`; /* } ? */ // } ?\n return t; }",
                "RETURN function() { if (x) { return y ? 1 : 2; } return '?'; }",
        })
        void kept(String sql) throws SQLException {
            unchanged(sql);
        }

        @Test
        void argumentsOfAFunctionAreParameters() throws SQLException {
            assertEquals("RETURN function($_jdbc_1, [$_jdbc_2]) { return arguments[0] ? 1 : '?'; } + $_jdbc_3",
                    rw("RETURN function(?, [?]) { return arguments[0] ? 1 : '?'; } + ?"));
        }

        @Test
        void slashAfterAnOperandIsADivision() throws SQLException {
            assertEquals("RETURN a / $_jdbc_1 / b", rw("RETURN a / ? / b"));
            assertEquals("RETURN $_jdbc_1/2/$_jdbc_2", rw("RETURN ?/2/?"));
            assertEquals("RETURN (1)/$_jdbc_1/(2)", rw("RETURN (1)/?/(2)"));
        }

        @Test
        void unterminatedRegexOnTheLineIsADivisionAttempt() throws SQLException {
            assertEquals("RETURN /a $_jdbc_1\n/", rw("RETURN /a ?\n/"));
        }

        @Test
        void functionAsAFieldNameIsNotABody() throws SQLException {
            assertEquals("SELECT function FROM t WHERE { a: $_jdbc_1 } = x", rw("SELECT function FROM t WHERE { a: ? } = x"));
        }
    }

    @Nested
    class Escapes {
        @ParameterizedTest
        @CsvSource(value = {
                "{call fn::name(?, ?)} | fn::name($_jdbc_1, $_jdbc_2)",
                "{CALL fn::name(?)} | fn::name($_jdbc_1)",
                "{ call fn::name ( ? ) } | fn::name( $_jdbc_1 ) ",
                "{call name(?)} | fn::name($_jdbc_1)",
                "{call string::len(?)} | string::len($_jdbc_1)",
                "{call fn::no_args} | fn::no_args()",
                "{call fn::no_args()} | fn::no_args()",
                "{call fn::a({d '2020-01-01'}, ?)} | fn::a(d'2020-01-01', $_jdbc_1)",
                "{d '2024-01-31'} | d'2024-01-31'",
                "{D '2024-01-31'} | d'2024-01-31'",
                "{ts '2024-01-31 10:00:00'} | d'2024-01-31T10:00:00Z'",
                "{ts '2024-01-31 10:00:00.123456789'} | d'2024-01-31T10:00:00.123456789Z'",
                "{t '10:20:30'} | s = '10:20:30'",
                "SELECT * FROM t WHERE at > {ts '2024-01-31 10:00:00'} AND x = ? | SELECT * FROM t WHERE at > d'2024-01-31T10:00:00Z' AND x = $_jdbc_1",
                "SELECT * FROM t {limit ? offset ?} | SELECT * FROM t LIMIT $_jdbc_1 START $_jdbc_2",
                "SELECT * FROM t {LIMIT 10 OFFSET 20} | SELECT * FROM t LIMIT 10 START 20",
                "SELECT * FROM t {limit 10} | SELECT * FROM t LIMIT 10",
        }, delimiter = '|')
        void translated(String sql, String expected) throws SQLException {
            String actual = expected.startsWith("s = ") ? "s = " + rw(sql) : rw(sql);
            assertEquals(expected.strip(), actual.strip());
        }

        @Test
        void returnParameter() throws SQLException {
            Parsed p = Placeholders.parse("{? = call fn::total(?, ?)}");
            assertEquals("fn::total($_jdbc_2, $_jdbc_3)", p.sql());
            assertEquals(3, p.parameterCount());
            assertEquals(1, p.returnParameterIndex());
            assertTrue(p.hasReturnParameter());
            assertFalse(p.isBound(1));
            assertTrue(p.isBound(2));
            assertTrue(p.isBound(3));

            Parsed q = Placeholders.parse("{?=call total}");
            assertEquals("fn::total()", q.sql());
            assertEquals(1, q.parameterCount());
            assertEquals(1, q.returnParameterIndex());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{ call: 1 }",
                "{ call }",
                "IF x { RETURN 1 }",
                "{d'2020-01-01'}",
                "{ fn::x() }",
                "{ limit: 10 }",
                "{ d: 'x' }",
                "{ 'call': 1 }",
                "{}",
        })
        void surrealBracesAreNotEscapes(String sql) throws SQLException {
            unchanged(sql);
        }

        @Test
        void placeholdersInSurrealBlocks() throws SQLException {
            assertEquals("IF $_jdbc_1 { RETURN $_jdbc_2 } ELSE { RETURN { call: $_jdbc_3 } }",
                    rw("IF ? { RETURN ? } ELSE { RETURN { call: ? } }"));
        }

        @ParameterizedTest
        @CsvSource(value = {
                "{d '2024/01/31'} | {d 'yyyy-mm-dd'}",
                "{d ''} | {d 'yyyy-mm-dd'}",
                "{ts '2024-01-31'} | {ts 'yyyy-mm-dd hh:mm:ss[.f...]'}",
                "{ts '2024-01-31 10:00'} | {ts 'yyyy-mm-dd hh:mm:ss[.f...]'}",
                "{t '10:00'} | {t 'hh:mm:ss'}",
        }, delimiter = '|')
        void badDateTimeEscapes(String sql, String form) {
            SQLException e = assertThrows(SQLException.class, () -> rw(sql));
            assertInstanceOf(SQLDataException.class, e);
            assertEquals("22007", e.getSQLState());
            assertTrue(e.getMessage().contains(form), e.getMessage());
            assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
        }

        @ParameterizedTest
        @CsvSource(value = {
                "SELECT {fn ucase(?)} FROM t | {fn ...}",
                "SELECT * FROM {oj a LEFT OUTER JOIN b ON a.x = b.x} | {oj ...}",
                "SELECT * FROM t WHERE a LIKE '!_%' {escape '!'} | {escape ...}",
        }, delimiter = '|')
        void unsupportedEscapes(String sql, String which) {
            SQLException e = assertThrows(SQLException.class, () -> rw(sql));
            assertInstanceOf(SQLFeatureNotSupportedException.class, e);
            assertEquals("0A000", e.getSQLState());
            assertTrue(e.getMessage().contains(which), e.getMessage());
        }
    }

    @Nested
    class Unterminated {
        @ParameterizedTest
        @CsvSource(value = {
                "SELECT 'abc | string literal | 1 | 8",
                "SELECT \"abc | string literal | 1 | 8",
                "SELECT 'abc\\' | string literal | 1 | 8",
                "SELECT `abc | identifier | 1 | 8",
                "SELECT ⟨abc | identifier | 1 | 8",
                "SELECT /* abc | block comment | 1 | 8",
                "RETURN $`abc | parameter name | 1 | 9",
                "RETURN $⟨abc | parameter name | 1 | 9",
                "RETURN function() { abc | JavaScript function body | 1 | 19",
                "RETURN function() { 'abc } | JavaScript function body | 1 | 19",
                "RETURN function() { /* } | JavaScript function body | 1 | 19",
        }, delimiter = '|')
        void failWithPosition(String sql, String what, int line, int column) {
            assertFailsAt(sql, what, line, column);
        }

        @Test
        void positionsCountLines() {
            assertFailsAt("SELECT 1;\r\nSELECT 'x", "string literal", 2, 8);
            assertFailsAt("SELECT 1;\nSELECT 2;\n  r'x", "string literal", 3, 4);
            assertFailsAt("SELECT 1;\rSELECT `x", "identifier", 2, 8);
        }

        private void assertFailsAt(String sql, String what, int line, int column) {
            for (ThrowingCall call : List.<ThrowingCall>of(() -> Placeholders.parse(sql),
                    () -> Placeholders.splitStatements(sql))) {
                SQLException e = assertThrows(SQLException.class, call::run);
                assertInstanceOf(SQLSyntaxErrorException.class, e);
                assertEquals("42601", e.getSQLState());
                assertTrue(e.getMessage().startsWith("Unterminated " + what + " starting at line " + line
                        + ", column " + column + " (offset "), e.getMessage());
            }
        }

        @Test
        void messageDoesNotEchoTheText() {
            SQLException e = assertThrows(SQLException.class,
                    () -> Placeholders.parse("DEFINE USER u ON ROOT PASSWORD 'hunter2"));
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        }
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Nested
    class Splitting {
        @Test
        void splitsAtTopLevelSemicolons() throws SQLException {
            assertEquals(List.of("CREATE a", "SELECT * FROM a"), Placeholders.splitStatements("CREATE a; SELECT * FROM a;"));
            assertEquals(List.of("CREATE a", "SELECT * FROM a"), Placeholders.splitStatements("CREATE a;\n\nSELECT * FROM a"));
            assertEquals(List.of("SELECT 1"), Placeholders.splitStatements("SELECT 1"));
        }

        @Test
        void dropsEmptyAndCommentOnlyStatements() throws SQLException {
            assertEquals(List.of(), Placeholders.splitStatements(""));
            assertEquals(List.of(), Placeholders.splitStatements(" ;; ;\n"));
            assertEquals(List.of(), Placeholders.splitStatements("-- nothing here"));
            assertEquals(List.of("SELECT 1", "SELECT 2"),
                    Placeholders.splitStatements(";;SELECT 1;;; SELECT 2; -- done\n/* end */"));
        }

        @Test
        void keepsCommentsThatPrecedeAStatement() throws SQLException {
            assertEquals(List.of("CREATE a", "-- note\nSELECT * FROM a WHERE s = ';'"),
                    Placeholders.splitStatements("CREATE a; -- note\nSELECT * FROM a WHERE s = ';';"));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "SELECT ';' FROM t",
                "SELECT \";\" FROM t",
                "SELECT `a;b` FROM t",
                "SELECT ⟨a;b⟩ FROM t",
                "SELECT 1 -- ;\n",
                "SELECT 1 /* ; */",
                "SELECT 1 # ;\n",
                "IF x { CREATE a; CREATE b; }",
                "RETURN [1, (SELECT 1; ), 2]",
                "RETURN (LET $a = 1; $a)",
                "RETURN function() { let a = 1; return '}'; }",
                "SELECT * FROM t WHERE s = /;/",
                "DEFINE FUNCTION fn::x($a: int) { LET $b = $a; RETURN $b; }",
                "DEFINE EVENT e ON t WHEN true THEN { CREATE log; UPDATE x; }",
                "FOR $p IN [1, 2] { CREATE t SET n = $p; }",
        })
        void doesNotSplitInside(String statement) throws SQLException {
            assertEquals(List.of(statement.strip()), Placeholders.splitStatements(statement + ";"));
            assertEquals(List.of(statement.strip(), "SELECT 2"), Placeholders.splitStatements(statement + "; SELECT 2"));
        }

        @Test
        void transactionsAreSeparateStatements() throws SQLException {
            assertEquals(List.of("BEGIN TRANSACTION", "CREATE a", "UPDATE b SET x = 1", "COMMIT TRANSACTION"),
                    Placeholders.splitStatements("BEGIN TRANSACTION; CREATE a; UPDATE b SET x = 1; COMMIT TRANSACTION;"));
        }

        @Test
        void unbalancedClosingBracketsDoNotBreakSplitting() throws SQLException {
            assertEquals(List.of("RETURN )", "RETURN 2"), Placeholders.splitStatements("RETURN ); RETURN 2"));
        }

        @Test
        void placeholdersSurviveSplitting() throws SQLException {
            List<String> parts = Placeholders.splitStatements("CREATE t SET a = ?; SELECT * FROM t WHERE a = '?;'");
            assertEquals(List.of("CREATE t SET a = ?", "SELECT * FROM t WHERE a = '?;'"), parts);
        }
    }

    @Nested
    class Keywords {
        @Test
        void leadingKeyword() {
            String[][] cases = {
                    {"SELECT * FROM t", "SELECT"},
                    {"  select 1", "SELECT"},
                    {"-- c\n/* x */ (CREATE t)", "CREATE"},
                    {"# c\nUPDATE t SET a = 1", "UPDATE"},
                    {"// c\r\nupsert t", "UPSERT"},
                    {"INSERT INTO t {}", "INSERT"},
                    {"DELETE t", "DELETE"},
                    {"RELATE a->b->c", "RELATE"},
                    {"DEFINE TABLE t", "DEFINE"},
                    {"REMOVE TABLE t", "REMOVE"},
                    {"LET $a = 1", "LET"},
                    {"BEGIN", "BEGIN"},
                    {"LIVE SELECT * FROM t", "LIVE"},
                    {"INFO FOR DB", "INFO"},
                    {"{call fn::x()}", "CALL"},
                    {"{ ? = call fn::x(?)}", "CALL"},
                    {"{ call: 1 }", ""},
                    {"$x", ""},
                    {"[1, 2]", ""},
                    {"fn::x()", ""},
                    {"person:1", ""},
                    {"123", ""},
                    {"/* unterminated", ""},
                    {"'str'", ""},
                    {"", ""},
                    {"a1", ""},
            };
            for (String[] c : cases) {
                assertEquals(c[1], Placeholders.leadingKeyword(c[0]), c[0]);
            }
        }

        @Test
        void nullStatement() {
            assertEquals("", Placeholders.leadingKeyword(null));
        }

        @ParameterizedTest
        @CsvSource({
                "SELECT * FROM t, QUERY",
                "RETURN 1, QUERY",
                "INFO FOR DB, QUERY",
                "fn::x(), QUERY",
                "'{call fn::x()}', QUERY",
                "CREATE t, DML",
                "INSERT INTO t {}, DML",
                "UPDATE t SET a = 1, DML",
                "UPSERT t, DML",
                "DELETE t, DML",
                "RELATE a->b->c, DML",
                "DEFINE TABLE t, DDL",
                "REMOVE TABLE t, DDL",
                "ALTER TABLE t, DDL",
                "REBUILD INDEX i ON t, DDL",
                "BEGIN, TRANSACTION",
                "COMMIT TRANSACTION, TRANSACTION",
                "CANCEL, TRANSACTION",
                "USE NS a, SESSION",
                "LET $a = 1, SESSION",
                "SLEEP 1s, SESSION",
                "KILL u'x', SESSION",
        })
        void statementKinds(String sql, StatementKind kind) {
            assertEquals(kind, Placeholders.statementKind(sql));
        }

        @Test
        void updateCounts() {
            assertFalse(StatementKind.QUERY.returnsUpdateCount());
            assertTrue(StatementKind.DML.returnsUpdateCount());
            assertTrue(StatementKind.DDL.returnsUpdateCount());
            assertTrue(StatementKind.TRANSACTION.returnsUpdateCount());
            assertTrue(StatementKind.SESSION.returnsUpdateCount());
        }
    }
}
