package dev.surrealj.jooq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.jdbc.SqlTranslation;
import dev.surrealj.jdbc.SqlTranslator;
import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SQL translation mode around the corpus: properties, the hint, passthrough, prepared statements, cache, schema. */
@ExtendWith(SurrealExtension.class)
class SqlTranslationTest {
    private static SurrealTestDb db;

    @BeforeAll
    static void load(SurrealTestDb testDb) {
        db = testDb;
        db.sql("""
            CREATE person:1 SET name = 'Ann', age = 31;
            CREATE person:2 SET name = 'Bob', age = 25;
            DEFINE TABLE shelf SCHEMALESS;
            CREATE shelf:a SET label = 'A';
            CREATE item:1 SET title = 'x', shelf = shelf:a;
            """);
    }

    static Connection connect(String... props) throws SQLException {
        Properties p = new Properties();
        if (db.server().user() != null) {
            p.setProperty("user", db.server().user());
            p.setProperty("password", db.server().password());
        }
        for (int i = 0; i < props.length; i += 2) {
            p.setProperty(props[i], props[i + 1]);
        }
        return DriverManager.getConnection("jdbc:surrealdb://" + db.server().host() + ":" + db.server().port() + "/"
                + db.namespace() + "/" + db.database(), p);
    }

    private static List<String> column(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            out.add(rs.getString(1));
        }
        return out;
    }

    @Test
    void offByDefault() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            String sql = "SELECT name FROM person WHERE name = \"Ann\"";
            assertEquals(sql, c.nativeSQL(sql));
            // SurrealQL: "Ann" is a string
            assertEquals(List.of("Ann"), column(s.executeQuery(sql)));
        }
    }

    @Test
    void nativeSqlShowsTheTranslationAndTheHintPassesThrough() throws SQLException {
        try (Connection c = connect("sqlTranslation", "true"); Statement s = c.createStatement()) {
            assertEquals("SELECT name FROM person WHERE age > $_jdbc_1 ORDER BY name LIMIT 10",
                    c.nativeSQL("SELECT \"name\" FROM \"public\".\"person\" WHERE age > ? ORDER BY 1 FETCH FIRST 10 ROWS ONLY"));
            for (String hinted : List.of("/*+ surrealql */ SELECT name FROM person WHERE name = \"Ann\"",
                    "  \n/*+SurrealQL*/SELECT name FROM person WHERE name = \"Ann\"",
                    "/*+  SURREALQL  */ SELECT name FROM person WHERE name = \"Ann\"")) {
                assertEquals(hinted, c.nativeSQL(hinted));
                assertEquals(List.of("Ann"), column(s.executeQuery(hinted)), hinted);
            }
            // another hint is not ours: the text is SQL, "Ann" a column (none), so no row
            assertEquals(List.of(), column(s.executeQuery("/*+ index(person) */ SELECT name FROM person WHERE name = \"Ann\"")));
            // a script of SQL statements: each translated
            assertEquals("SELECT name FROM person LIMIT 1;\nUPDATE person SET age = 32 WHERE name = 'Ann' RETURN id",
                    c.nativeSQL("SELECT name FROM person FETCH FIRST 1 ROW ONLY; UPDATE person SET age = 32 WHERE name = 'Ann'"));
            // not SQL: sent as SurrealQL
            assertEquals("SELECT name FROM person:2", c.nativeSQL("SELECT name FROM person:2"));
            assertEquals(List.of("Bob"), column(s.executeQuery("SELECT name FROM person:2")));
        }
    }

    @Test
    void factoryNamedByProperty() throws SQLException {
        try (Connection c = connect("sqlTranslation", "true", "sqlTranslatorFactory", SqlToSurrealQL.class.getName())) {
            assertEquals("SELECT count() AS `count` FROM person GROUP ALL", c.nativeSQL("SELECT COUNT(*) FROM person"));
        }
        SQLException missing = assertThrows(SQLFeatureNotSupportedException.class,
                () -> connect("sqlTranslation", "true", "sqlTranslatorFactory", "com.example.NoSuchFactory"));
        assertEquals("0A000", missing.getSQLState());
        assertTrue(missing.getMessage().contains("com.example.NoSuchFactory"), missing.getMessage());
        SQLException wrong = assertThrows(SQLFeatureNotSupportedException.class,
                () -> connect("sqlTranslation", "true", "sqlTranslatorFactory", "java.lang.String"));
        assertTrue(wrong.getMessage().contains("does not implement dev.surrealj.jdbc.SqlTranslatorFactory"),
                wrong.getMessage());
        // without translation the property is not looked at
        try (Connection c = connect("sqlTranslatorFactory", "com.example.NoSuchFactory")) {
            assertEquals("SELECT \"x\" FROM t", c.nativeSQL("SELECT \"x\" FROM t"));
        }
    }

    @Test
    void untranslatableSqlFailsWith0A000BeforeAnythingIsSent() throws SQLException {
        try (Connection c = connect("sqlTranslation", "true"); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLFeatureNotSupportedException.class,
                    () -> s.executeQuery("SELECT name FROM person UNION SELECT label FROM shelf"));
            assertEquals("0A000", e.getSQLState());
            assertTrue(e.getMessage().contains("Calcite adapter") && e.getMessage().contains("/*+ surrealql */"),
                    e.getMessage());
            SQLException secret = assertThrows(SQLFeatureNotSupportedException.class,
                    () -> c.nativeSQL("SELECT POSITION('s3cr3t-token' IN name) FROM person"));
            assertTrue(!secret.getMessage().contains("s3cr3t") && secret.getMessage().contains("'…'"),
                    "string literals are not echoed: " + secret.getMessage());
            SQLException n = assertThrows(SQLFeatureNotSupportedException.class,
                    () -> c.nativeSQL("SELECT name FROM person ORDER BY name NULLS LAST"));
            assertEquals("0A000", n.getSQLState());
            assertThrows(SQLException.class, () -> c.nativeSQL(null));
        }
    }

    @Test
    void plainStatementWithParametersFailsWith07001() throws SQLException {
        try (Connection c = connect("sqlTranslation", "true"); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT name FROM person WHERE age > ?"));
            assertEquals("07001", e.getSQLState());
        }
    }

    @Test
    void preparedStatementsTranslateOnceAndBatchesStillWork() throws SQLException {
        try (Connection c = connect("sqlTranslation", "true")) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"gadget\" (\"name\", \"price\") VALUES (?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    ps.setString(1, "g" + i);
                    ps.setInt(2, i * 10);
                    ps.addBatch();
                }
                assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name FROM gadget WHERE price >= ? ORDER BY price DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                assertEquals(3, ps.getParameterMetaData().getParameterCount());
                ps.setInt(1, 20);
                ps.setInt(2, 0);
                ps.setInt(3, 1);
                assertEquals(List.of("g3"), column(ps.executeQuery()));
                ps.setInt(2, 1);
                assertEquals(List.of("g2"), column(ps.executeQuery()));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE gadget SET price = price * 2 WHERE name LIKE ?")) {
                ps.setString(1, "g_");
                assertEquals(3, ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM gadget WHERE price > ?")) {
                ps.setInt(1, 30);
                assertEquals(2, ps.executeUpdate());
            }
        }
    }

    @Test
    void aTranslatedInsertBatchBecomesOneAllOrNothingInsert() throws SQLException {
        try (Connection c = connect("sqlTranslation", "true"); Statement s = c.createStatement()) {
            s.execute("DEFINE INDEX uniq_code ON tag FIELDS code UNIQUE"); // SurrealQL: passed through
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tag (code) VALUES (?)")) {
                assertEquals("INSERT INTO tag {code: $_jdbc_1}", c.nativeSQL("INSERT INTO tag (code) VALUES (?)"));
                for (String code : List.of("a", "b", "a")) {
                    ps.setString(1, code);
                    ps.addBatch();
                }
                java.sql.BatchUpdateException e = assertThrows(java.sql.BatchUpdateException.class, ps::executeBatch);
                // one multi-row INSERT (batch rewriting): the duplicate fails every row, none is written
                assertArrayEquals(new int[] {Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED,
                        Statement.EXECUTE_FAILED}, e.getUpdateCounts());
            }
            assertEquals(List.of("0"), column(s.executeQuery("SELECT COUNT(*) FROM tag")));
        }
    }

    @Test
    void callableStatementsAreNotTranslated() throws SQLException {
        try (Connection c = connect("sqlTranslation", "true");
             CallableStatement cs = c.prepareCall("SELECT name FROM person WHERE name = \"Bob\"")) {
            assertEquals(List.of("Bob"), column(cs.executeQuery()));
        }
    }

    @Test
    void joinsFollowSchemaChangesMadeOnTheConnection() throws SQLException {
        String join = "SELECT i.title, s.label FROM item i JOIN shelf s ON i.shelf = s.id";
        try (Connection c = connect("sqlTranslation", "true"); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLFeatureNotSupportedException.class, () -> c.nativeSQL(join));
            assertTrue(e.getMessage().contains("item.shelf is not a record link to shelf"), e.getMessage());
            s.execute("DEFINE FIELD shelf ON item TYPE record<shelf>"); // not SQL: sent as is, and drops the schema cache
            assertEquals("SELECT title, shelf.label AS label FROM item WHERE shelf.id IS NOT NONE AND shelf.id IS NOT NULL",
                    c.nativeSQL(join));
            ResultSet rs = s.executeQuery(join);
            assertTrue(rs.next());
            assertEquals("x", rs.getString(1));
            assertEquals("A", rs.getString(2));
        }
    }

    /** A context without a connection: only SQL that needs no schema. */
    private static final SqlTranslator.Context NO_SCHEMA = new SqlTranslator.Context() {
        @Override
        public String parameterName(int index) {
            return "_jdbc_" + index;
        }

        @Override
        public Map<String, String> fieldTypes(String table) {
            return Map.of();
        }

        @Override
        public String tableDefinition(String table) {
            return null;
        }

        @Override
        public String serverVersion() {
            return "3.0.2";
        }
    };

    @Test
    void translationsAreCachedInABoundedLru() throws SQLException {
        SqlTranslatorImpl t = new SqlTranslatorImpl(2);
        SqlTranslation a = t.translate("SELECT a FROM t", NO_SCHEMA);
        assertTrue(a == t.translate("SELECT a FROM t", NO_SCHEMA), "the cached instance");
        t.translate("SELECT b FROM t", NO_SCHEMA);
        t.translate("SELECT a FROM t", NO_SCHEMA); // a is now the most recently used
        assertNull(t.translate("INFO FOR DB", NO_SCHEMA)); // cached as "pass through"; evicts b
        assertEquals(2, t.cacheSize());
        assertTrue(a == t.translate("SELECT a FROM t", NO_SCHEMA), "a survived, b was evicted");
        // a join consults the schema: not cached (here it fails: no links in NO_SCHEMA)
        assertThrows(SQLFeatureNotSupportedException.class,
                () -> t.translate("SELECT x.a FROM x JOIN y ON x.y = y.id", NO_SCHEMA));
        assertEquals(2, t.cacheSize());
        // the version is part of the key: 2.x renders string::slice differently
        SqlTranslator.Context v2 = new SqlTranslator.Context() {
            @Override
            public String parameterName(int index) {
                return NO_SCHEMA.parameterName(index);
            }

            @Override
            public Map<String, String> fieldTypes(String table) {
                return Map.of();
            }

            @Override
            public String tableDefinition(String table) {
                return null;
            }

            @Override
            public String serverVersion() {
                return "surrealdb-2.6.0";
            }
        };
        SqlTranslatorImpl u = new SqlTranslatorImpl(10);
        String sql = "SELECT SUBSTRING(name, 2, 3) FROM person";
        assertTrue(!u.translate(sql, NO_SCHEMA).surrealQL().equals(u.translate(sql, v2).surrealQL()));
    }

    /** A schema with a relation table {@code reviewed} from person to book, on a server of the given version. */
    private static SqlTranslator.Context relationSchema(String version) {
        return new SqlTranslator.Context() {
            @Override
            public String parameterName(int index) {
                return NO_SCHEMA.parameterName(index);
            }

            @Override
            public Map<String, String> fieldTypes(String table) {
                return table.equals("reviewed") ? Map.of("in", "record<person>", "out", "record<book>") : Map.of();
            }

            @Override
            public String tableDefinition(String table) {
                return table.equals("reviewed") ? "DEFINE TABLE reviewed TYPE RELATION IN person OUT book SCHEMALESS"
                        : "DEFINE TABLE " + table + " TYPE ANY SCHEMALESS";
            }

            @Override
            public String serverVersion() {
                return version;
            }
        };
    }

    @Test
    void relationJoinsAreGraphArrowsOnlyOn3x() throws SQLException {
        // the arrow rendering is verified on 3.x (the corpus); 2.x keeps reading the edges
        String sql = "SELECT p.name, b.title FROM person p JOIN reviewed r ON r.\"in\" = p.id JOIN book b ON r.\"out\" = b.id";
        SqlTranslatorImpl t = new SqlTranslatorImpl(10);
        assertEquals("SELECT name, _b.title AS title FROM (SELECT * FROM (SELECT *, ->reviewed->(book WHERE id IS NOT NONE)"
                + " AS _b FROM person) WHERE _b != [] SPLIT _b)", t.translate(sql, relationSchema("3.0.2")).surrealQL());
        assertEquals("SELECT `in`.name AS name, out.title AS title FROM reviewed WHERE `in`.id IS NOT NONE AND `in`.id IS NOT"
                + " NULL AND out.id IS NOT NONE AND out.id IS NOT NULL",
                t.translate(sql, relationSchema("surrealdb-2.6.0")).surrealQL());
        // a table with in/out links that is not a relation has no graph edges to follow
        SqlTranslator.Context notRelation = new SqlTranslator.Context() {
            @Override
            public String parameterName(int index) {
                return NO_SCHEMA.parameterName(index);
            }

            @Override
            public Map<String, String> fieldTypes(String table) throws SQLException {
                return relationSchema("3.0.2").fieldTypes(table);
            }

            @Override
            public String tableDefinition(String table) {
                return "DEFINE TABLE " + table + " TYPE ANY SCHEMALESS";
            }

            @Override
            public String serverVersion() {
                return "3.0.2";
            }
        };
        assertTrue(t.translate(sql, notRelation).surrealQL().endsWith(" FROM reviewed WHERE `in`.id IS NOT NONE AND `in`.id"
                + " IS NOT NULL AND out.id IS NOT NONE AND out.id IS NOT NULL"));
    }

    @Test
    void oneTranslatorServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> all = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int k = i % 20;
                all.add(pool.submit(() -> SqlTranslatorImpl.INSTANCE.translate(
                        "SELECT name FROM person WHERE age > " + k + " AND city IN (?, ?)", NO_SCHEMA).surrealQL()));
            }
            for (int i = 0; i < all.size(); i++) {
                assertEquals("SELECT name FROM person WHERE age > " + (i % 20) + " AND city IN [$_jdbc_1, $_jdbc_2]",
                        all.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lexerCountsOnlyRealParameters() {
        assertEquals(2, SqlLexer.countParameters("SELECT '?', \"?\", `?` FROM t -- ?\n WHERE a = ? /* ? */ AND b = ?"));
        assertEquals(0, SqlLexer.countParameters("SELECT 'it''s?' FROM t"));
        assertEquals(-1, SqlLexer.countParameters("SELECT 'open"));
        assertEquals(-1, SqlLexer.countParameters("SELECT /* open"));
    }
}
