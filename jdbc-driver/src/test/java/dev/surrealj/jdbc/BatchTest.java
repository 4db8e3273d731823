package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.JdbcTestSupport.connect;
import static dev.surrealj.jdbc.JdbcTestSupport.props;
import static dev.surrealj.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SurrealExtension.class)
class BatchTest {
    private static Connection conn;
    private static Connection plain;

    @BeforeAll
    static void open(SurrealTestDb db) throws SQLException {
        db.sql("DEFINE TABLE u SCHEMALESS; DEFINE INDEX u_k ON u FIELDS k UNIQUE;");
        conn = connect(db);
        plain = connect(db, props("batchRewrite", "false"));
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        plain.close();
    }

    // ------------------------------------------------------------------ shapes

    private static BatchRewriter.Shape shape(String sql) throws SQLException {
        return BatchRewriter.analyze(Placeholders.parse(sql));
    }

    @Test
    void recognisedShapes() throws SQLException {
        BatchRewriter.Shape s = shape("INSERT INTO t (a, `b c`) VALUES (?, ?)");
        assertEquals("INSERT INTO t $_jdbc_rows", s.sql());
        assertEquals(Map.of("a", "x", "b c", 2L), s.row(new Object[] {"x", 2L}));
        assertEquals("INSERT IGNORE INTO t $_jdbc_rows", shape("insert ignore into t (a) values (?);").sql());
        s = shape("INSERT INTO t { a: ?, 'b': ?, n: { c: ? }, }");
        assertEquals(Map.of("a", 1, "b", 2, "n", Map.of("c", 3)), s.row(new Object[] {1, 2, 3}));
        s = shape("CREATE person SET name = ?, age = ? -- comment");
        assertEquals("INSERT INTO person $_jdbc_rows", s.sql());
        assertEquals(Map.of("name", "Ada", "age", 36), s.row(new Object[] {"Ada", 36}));
        s = shape("CREATE `my table` CONTENT { a: ? }");
        assertEquals("INSERT INTO `my table` $_jdbc_rows", s.sql());
        s = shape("CREATE t CONTENT ?");
        assertEquals(Map.of("a", 1), s.row(new Object[] {Map.of("a", 1)}));
        assertNull(s.row(new Object[] {"not a map"}));
    }

    @Test
    void rejectedShapes() throws SQLException {
        for (String sql : List.of(
                "INSERT INTO t (a, b) VALUES (?, ?) ON DUPLICATE KEY UPDATE b = ?",
                "INSERT INTO t (a, b) VALUES (?, 1)",
                "INSERT INTO t (a) VALUES (?), (?)",
                "INSERT INTO t (a, b) VALUES (?)",
                "CREATE t:1 SET a = ?",
                "CREATE ONLY t SET a = ?",
                "CREATE t SET a = ? RETURN NONE",
                "CREATE t SET a.b = ?",
                "CREATE t SET a = ? + 1",
                "CREATE t SET a = ?, b = $x",
                "CREATE $t SET a = ?",
                "UPDATE t SET a = ? WHERE b = ?",
                "INSERT INTO t { a: ?, b: [?] }",
                "CREATE t SET a = ?; CREATE t SET b = ?",
                "RETURN ?")) {
            assertNull(shape(sql), sql);
        }
    }

    // ------------------------------------------------------------------ rewritten

    @Test
    void rewrittenInsertValues() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO rw1 (name, n) VALUES (?, ?)")) {
            for (int i = 0; i < 500; i++) {
                ps.setString(1, "row" + i);
                ps.setInt(2, i);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            assertEquals(500, counts.length);
            assertTrue(Arrays.stream(counts).allMatch(c -> c == 1));
            try (ResultSet keys = ps.getGeneratedKeys()) {
                int n = 0;
                while (keys.next()) {
                    assertNotNull(keys.getObject(1));
                    n++;
                }
                assertEquals(500, n);
            }
            assertEquals(0, ps.executeBatch().length);
        }
        assertEquals(500L, scalar(conn, "RETURN count(SELECT * FROM rw1)"));
        assertEquals(124750L, scalar(conn, "RETURN math::sum(SELECT VALUE n FROM rw1)"));
    }

    @Test
    void rewrittenObjectAndCreateShapes() throws SQLException {
        for (String sql : List.of("INSERT INTO rw2 { a: ?, b: { c: ? } }", "CREATE rw2 SET a = ?, b = ?",
                "CREATE rw2 CONTENT { a: ?, b: ? }")) {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                for (int i = 0; i < 3; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "v" + i);
                    ps.addBatch();
                }
                assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch(), sql);
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("CREATE rw2 CONTENT ?")) {
            ps.setObject(1, Map.of("a", 10));
            ps.addBatch();
            ps.setObject(1, Map.of("a", 11, "b", "x"));
            ps.addBatch();
            assertArrayEquals(new int[] {1, 1}, ps.executeBatch());
        }
        assertEquals(11L, scalar(conn, "RETURN count(SELECT * FROM rw2)"));
        assertEquals("v2", scalar(conn, "SELECT VALUE b.c FROM ONLY rw2 WHERE a = 2 AND b.c != NONE LIMIT 1"));
    }

    @Test
    void rewrittenFailureWritesNothing() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO u (k) VALUES (?)")) {
            for (String k : List.of("r1", "r2", "r1", "r3")) {
                ps.setString(1, k);
                ps.addBatch();
            }
            BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
            assertEquals("23505", e.getSQLState());
            assertArrayEquals(new int[] {Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED,
                Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED}, e.getUpdateCounts());
            assertInstanceOf(SQLIntegrityConstraintViolationException.class, e.getCause());
        }
        assertEquals(0L, scalar(conn, "RETURN count(SELECT * FROM u WHERE k IN ['r1', 'r2', 'r3'])"));
    }

    // ------------------------------------------------------------------ not rewritten

    @Test
    void perRowBatch() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pr (g, v) VALUES (?, ?)")) {
            for (int i = 0; i < 6; i++) {
                ps.setInt(1, i % 2);
                ps.setInt(2, i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = conn.prepareStatement("UPDATE pr SET w = ? WHERE g = ?")) {
            ps.setString(1, "even");
            ps.setInt(2, 0);
            ps.addBatch();
            ps.setString(1, "odd");
            ps.setInt(2, 1);
            ps.addBatch();
            ps.setString(1, "none");
            ps.setInt(2, 7);
            ps.addBatch();
            assertArrayEquals(new int[] {3, 3, 0}, ps.executeBatch());
        }
        assertEquals(List.of("even", "odd"), JdbcTestSupport.column(conn, "SELECT w FROM pr GROUP BY w ORDER BY w", "w"));
    }

    @Test
    void perRowBatchWithNamedVariables() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("CREATE nv SET a = ?, tag = $tag RETURN NONE")) {
            SurrealPreparedStatement s = ps.unwrap(SurrealPreparedStatement.class);
            ps.setInt(1, 1);
            s.setVariable("tag", "one");
            ps.addBatch();
            ps.setInt(1, 2);
            s.setVariable("tag", "two");
            ps.addBatch();
            assertArrayEquals(new int[] {0, 0}, ps.executeBatch()); // RETURN NONE: nothing returned
        }
        assertEquals(List.of("one", "two"), JdbcTestSupport.column(conn, "SELECT tag, a FROM nv ORDER BY a", "tag"));
    }

    @Test
    void rewriteDisabled() throws SQLException {
        try (PreparedStatement ps = plain.prepareStatement("INSERT INTO u (k) VALUES (?)")) {
            for (String k : List.of("p1", "p2", "p1", "p3")) {
                ps.setString(1, k);
                ps.addBatch();
            }
            BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
            assertEquals("23505", e.getSQLState());
            assertArrayEquals(new int[] {1, 1, Statement.EXECUTE_FAILED, 1}, e.getUpdateCounts());
            assertTrue(e.getMessage().contains("Batch entry 3 of 4"), e.getMessage());
        }
        assertEquals(3L, scalar(conn, "RETURN count(SELECT * FROM u WHERE k IN ['p1', 'p2', 'p3'])"));
    }

    @Test
    void unsetParameterAtAddBatch() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("CREATE x SET a = ?, b = ?")) {
            ps.setInt(1, 1);
            JdbcTestSupport.assertState("07001", ps::addBatch);
            ps.clearBatch();
            assertEquals(0, ps.executeBatch().length);
        }
    }

    @Test
    void largePerRowBatchIsOneRequest() throws SQLException {
        try (PreparedStatement ps = plain.prepareStatement("CREATE lp SET i = ?")) {
            for (int i = 0; i < 2_000; i++) {
                ps.setInt(1, i);
                ps.addBatch();
            }
            long t0 = System.nanoTime();
            int[] counts = ps.executeBatch();
            assertEquals(2_000, counts.length);
            assertTrue(Arrays.stream(counts).allMatch(c -> c == 1));
            assertFalse(System.nanoTime() - t0 > 20_000_000_000L);
            try (ResultSet keys = ps.getGeneratedKeys()) {
                int n = 0;
                while (keys.next()) {
                    n++;
                }
                assertEquals(2_000, n);
            }
        }
        assertEquals(2_000L, scalar(conn, "RETURN count(SELECT * FROM lp)"));
    }
}
