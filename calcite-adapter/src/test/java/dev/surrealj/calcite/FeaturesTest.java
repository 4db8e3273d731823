package dev.surrealj.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Table functions (KNN, full-text, graph), the model file, the escape-hatch column, parameters and bad input. */
@ExtendWith(SurrealExtension.class)
class FeaturesTest {
    static Connection sql;
    static SurrealTestDb db;

    @BeforeAll
    static void load(SurrealTestDb testDb) throws SQLException {
        db = testDb;
        db.sql("""
            DEFINE TABLE doc SCHEMAFULL;
            DEFINE FIELD title ON doc TYPE string;
            DEFINE FIELD body ON doc TYPE string;
            DEFINE FIELD emb ON doc TYPE array<float>;
            DEFINE ANALYZER simple TOKENIZERS blank, class FILTERS lowercase, snowball(english);
            DEFINE INDEX body_ft ON doc FIELDS body FULLTEXT ANALYZER simple BM25;
            DEFINE INDEX emb_hnsw ON doc FIELDS emb HNSW DIMENSION 3 DIST EUCLIDEAN;
            CREATE doc:1 SET title = 'Graphs', body = 'graph databases link records', emb = [1.0, 0.0, 0.0];
            CREATE doc:2 SET title = 'Vectors', body = 'vector search finds the nearest neighbours', emb = [0.0, 1.0, 0.0];
            CREATE doc:3 SET title = 'Both', body = 'graph traversal and vector search together', emb = [0.7, 0.7, 0.0];
            CREATE doc:4 SET title = 'Cooking', body = 'a recipe for bread', emb = [0.0, 0.0, 1.0];
            CREATE doc:5 SET title = 'Baking', body = 'bread needs flour and time', emb = [0.0, 0.1, 1.0];
            CREATE doc:6 SET title = 'Travel', body = 'trains across the alps', emb = [0.1, 0.0, 1.0];
            DEFINE TABLE person SCHEMAFULL;
            DEFINE FIELD name ON person TYPE string;
            CREATE person:alice SET name = 'Alice';
            CREATE person:bob SET name = 'Bob';
            CREATE person:carol SET name = 'Carol';
            DEFINE TABLE follows TYPE RELATION IN person OUT person;
            RELATE person:alice->follows->person:bob;
            RELATE person:alice->follows->person:carol;
            RELATE person:carol->follows->person:bob;
            CREATE note:1 SET title = 'first', extra = 'only here', n = 1;
            CREATE note:2 SET title = 'second', n = 2;
            CREATE pet:1 SET name = 'Rex', owner = person:alice;
            CREATE pet:2 SET name = 'Tom', owner = doc:1;
            CREATE tagged:1 SET label = NULL;
            CREATE tagged:2 SET label = 'a';
            """);
        sql = OracleTest.connect(db);
    }

    @AfterAll
    static void close() throws SQLException {
        sql.close();
    }

    static List<String> column(Connection c, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        for (List<String> row : Sample.rows(c, query)) {
            out.add(String.join("|", row));
        }
        return out;
    }

    @Test
    void knnBruteForceJoinsBackToTheTable() throws SQLException {
        assertEquals(List.of("doc:1|Graphs|0", "doc:3|Both|0.7616"), column(sql, """
            SELECT k.id, d.title, k.distance FROM TABLE(knn('doc', 'emb', '[1, 0, 0]', 2)) AS k
            JOIN doc AS d ON d.id = k.id ORDER BY k.distance"""));
        assertEquals(List.of("doc:2", "doc:3"),
                column(sql, "SELECT id FROM TABLE(knn('doc', 'emb', '[0, 1, 0]', 2, 'COSINE')) ORDER BY distance"));
    }

    @Test
    void knnThroughTheHnswIndex() throws SQLException {
        assertEquals(List.of("doc:4"), column(sql, "SELECT id FROM TABLE(knn('doc', 'emb', '[0, 0, 1]', 1, '40'))"));
    }

    @Test
    void fullTextWithScores() throws SQLException {
        List<List<String>> rows = Sample.rows(sql, """
            SELECT d.title, f.score FROM TABLE(fulltext('doc', 'body', 'graph')) AS f JOIN doc AS d ON d.id = f.id
            ORDER BY d.title""");
        assertEquals(2, rows.size(), rows.toString());
        assertEquals("Both", rows.get(0).get(0));
        assertEquals("Graphs", rows.get(1).get(0));
        assertTrue(Double.parseDouble(rows.get(0).get(1)) > 0, rows.toString());
    }

    @Test
    void graphNeighbours() throws SQLException {
        assertEquals(List.of("Bob", "Carol"), column(sql, """
            SELECT p.name FROM TABLE(neighbours('person:alice', 'follows')) AS n JOIN person AS p ON p.id = n.id
            ORDER BY p.name"""));
        assertEquals(List.of("person:alice", "person:carol"),
                column(sql, "SELECT id FROM TABLE(neighbours('person:bob', 'follows', 'in')) ORDER BY id"));
        assertEquals(List.of("person:alice", "person:bob"),
                column(sql, "SELECT id FROM TABLE(neighbours('person:carol', 'follows', 'both')) ORDER BY id"));
    }

    @Test
    void badTableFunctionInputGivesClearErrors() {
        SQLException e = assertThrows(SQLException.class,
                () -> Sample.rows(sql, "SELECT * FROM TABLE(knn('doc', 'emb; DELETE doc', '[1,0,0]', 2))"));
        assertTrue(chain(e).contains("field must be a plain name"), chain(e));
        e = assertThrows(SQLException.class, () -> Sample.rows(sql, "SELECT * FROM TABLE(knn('doc', 'emb', '[1,x]', 2))"));
        assertTrue(chain(e).contains("the vector must be numbers"), chain(e));
        e = assertThrows(SQLException.class, () -> Sample.rows(sql, "SELECT * FROM TABLE(knn('doc', 'emb', '[1,0,0]', 0))"));
        assertTrue(chain(e).contains("k must be between 1 and 10000"), chain(e));
        e = assertThrows(SQLException.class,
                () -> Sample.rows(sql, "SELECT * FROM TABLE(neighbours('person:alice', 'follows', 'up'))"));
        assertTrue(chain(e).contains("direction must be 'out', 'in' or 'both'"), chain(e));
        e = assertThrows(SQLException.class, () -> Sample.rows(sql, "SELECT * FROM nosuchtable"));
        assertTrue(chain(e).contains("nosuchtable"), chain(e));
    }

    static String chain(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" / ");
        }
        return b.toString();
    }

    @Test
    void schemalessTableIsTypedBySamplingAndKeepsTheWholeRecord() throws SQLException {
        assertEquals(List.of("first|1|only here", "second|2|NULL"),
                column(sql, "SELECT title, n, _record['extra'] FROM note ORDER BY title"));
        try (ResultSet rs = sql.createStatement().executeQuery("SELECT _record FROM note WHERE n = 1")) {
            assertTrue(rs.next());
            assertEquals("only here", ((Map<?, ?>) rs.getObject(1)).get("extra"));
        }
    }

    @Test
    void relationTableJoinsItsEndsAlongTheirLinks() throws SQLException {
        String q = "SELECT a.name AS follower, b._record['name'] AS followed FROM follows f "
                + "JOIN person a ON f.\"in\" = a.id JOIN person b ON f.\"out\" = b.id ORDER BY follower, followed";
        assertEquals(List.of("Alice|Bob", "Alice|Carol", "Carol|Bob"), column(sql, q));
        String plan = OracleTest.explainOn(sql, q);
        assertTrue(plan.contains("SurrealJoin") && plan.contains("`in`.`name`") && plan.contains("`out`.*"), plan);
    }

    @Test
    void aLinkTypeInferredFromTooFewSamplesIsCheckedPerRecord() throws SQLException {
        // with one sampled record, pet.owner looks like record<person>; pet:2 links to a doc
        Properties p = new Properties();
        if (db.server().user() != null) {
            p.setProperty("user", db.server().user());
            p.setProperty("password", db.server().password());
        }
        p.setProperty("metadataSampleSize", "1");
        try (Connection c = DriverManager.getConnection("jdbc:surrealdb-sql://" + db.server().host() + ":"
                + db.server().port() + "/" + db.namespace() + "/" + db.database(), p)) {
            String inner = "SELECT pe.name, o.name AS owner FROM pet pe JOIN person o ON pe.owner = o.id ORDER BY pe.name";
            assertEquals(List.of("Rex|Alice"), column(c, inner));
            String plan = OracleTest.explainOn(c, inner);
            assertTrue(plan.contains("SurrealJoin") && plan.contains("record::tb(`owner`) = $p"), plan);
            String left = "SELECT pe.name, o.name AS owner FROM pet pe LEFT JOIN person o ON pe.owner = o.id ORDER BY pe.name";
            assertEquals(List.of("Rex|Alice", "Tom|NULL"), column(c, left));
            assertFalse(OracleTest.explainOn(c, left).contains("SurrealJoin"), "an inferred link is not traversed by LEFT");
        }
    }

    @Test
    void dynamicParametersAreBoundAsVariables() throws SQLException {
        try (PreparedStatement ps = sql.prepareStatement("SELECT title FROM doc WHERE title > ? AND title <> ? ORDER BY title")) {
            ps.setString(1, "Bz");
            ps.setString(2, "Graphs");
            List<String> titles = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    titles.add(rs.getString(1));
                }
            }
            assertEquals(List.of("Cooking", "Travel", "Vectors"), titles);
        }
        String plan = OracleTest.explainOn(sql, "SELECT title FROM doc WHERE title > ?");
        assertTrue(plan.contains("WHERE ($p0 != NONE AND $p0 != NULL AND `title` > $p0)"), plan);
        // a parameter bound to NULL matches nothing, as in SQL (SurrealDB alone would match NULL values)
        try (PreparedStatement ps = sql.prepareStatement("SELECT COUNT(*) FROM tagged WHERE label = ?")) {
            ps.setNull(1, java.sql.Types.VARCHAR);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(0, rs.getLong(1));
            }
        }
    }

    @Test
    void modelFileConnects(@TempDir Path dir) throws Exception {
        String model = """
            {"version": "1.0", "defaultSchema": "db",
             "schemas": [{"name": "db", "type": "custom", "factory": "dev.surrealj.calcite.SurrealSchemaFactory",
                          "operand": {"url": "jdbc:surrealdb://%s:%d/%s/%s"%s}}]}
            """.formatted(db.server().host(), db.server().port(), db.namespace(), db.database(),
                db.server().user() == null ? "" : ", \"user\": " + json(db.server().user()) + ", \"password\": "
                        + json(db.server().password()));
        Path file = Files.writeString(dir.resolve("model.json"), model);
        try (Connection c = DriverManager.getConnection("jdbc:calcite:model=" + file + ";lex=JAVA")) {
            assertEquals(List.of("6"), column(c, "SELECT COUNT(*) FROM doc"));
            assertEquals(List.of("doc:1"), column(c, "SELECT id FROM TABLE(knn('doc', 'emb', '[1, 0, 0]', 1))"));
        }
    }

    private static String json(String s) {
        return s == null ? "null" : "\"" + s.replace("\"", "\\\"") + "\"";
    }

    @Test
    void modelWithoutUrlFailsClearly(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("model.json"), """
            {"version": "1.0", "schemas": [{"name": "db", "type": "custom",
              "factory": "dev.surrealj.calcite.SurrealSchemaFactory", "operand": {}}]}""");
        // Calcite reports model errors as RuntimeException; ours is its cause
        Exception e = assertThrows(Exception.class,
                () -> DriverManager.getConnection("jdbc:calcite:model=" + file).close());
        assertTrue(chain(e).contains("the operand 'url' must be a SurrealJ URL"), chain(e));
    }

    @Test
    void convenienceUrlErrorsAreSqlExceptionsWithoutSecrets() {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "wrong-secret-123");
        String base = "jdbc:surrealdb-sql://" + db.server().host() + ":" + db.server().port() + "/";
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(base + db.namespace(), p).close());
        assertFalse(chain(e).contains("wrong-secret-123"), chain(e));
        if (db.server().user() != null) {
            e = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(base + db.namespace() + "/" + db.database(), p).close());
            assertFalse(chain(e).contains("wrong-secret-123"), chain(e));
        }
    }

    @Test
    void toolsSeeTablesThroughMetadata() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = sql.getMetaData().getTables(null, db.database(), "%", null)) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertTrue(tables.containsAll(List.of("doc", "person", "follows", "note", "tagged", "pet")), tables.toString());
        assertFalse(sql.toString().contains(String.valueOf(db.server().password())) && db.server().password() != null);
    }
}
