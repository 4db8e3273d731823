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
import dev.surrealj.testing.SurrealServer;
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
    private static SurrealTestDb db;

    @BeforeAll
    static void open(SurrealTestDb testDb) throws SQLException {
        db = testDb;
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

    @Test
    void chunkPlan() throws SQLException {
        assertArrayEquals(new int[] {1}, BatchRewriter.plan(1));
        assertArrayEquals(new int[] {1_000}, BatchRewriter.plan(1_000));
        int[] p = BatchRewriter.plan(1_001);
        assertEquals(21, p.length);
        assertEquals(50, p[0]);
        assertEquals(1, p[20]);
        assertEquals(2_500, Arrays.stream(BatchRewriter.plan(2_500)).sum());
        String chunk = System.setProperty("surrealj.batchChunkRows", "3");
        String atomic = System.setProperty("surrealj.batchAtomicRows", "4");
        try {
            assertArrayEquals(new int[] {4}, BatchRewriter.plan(4));
            assertArrayEquals(new int[] {3, 2}, BatchRewriter.plan(5));
            BatchRewriter.Request r = BatchRewriter.analyze(Placeholders.parse("INSERT INTO t (a) VALUES (?)"))
                    .request(List.of(Map.of("a", 1), Map.of("a", 2), Map.of("a", 3), Map.of("a", 4), Map.of("a", 5)));
            assertEquals("INSERT INTO t $_jdbc_rows_1 RETURN id;\nINSERT INTO t $_jdbc_rows_2 RETURN id;\n", r.sql());
            assertEquals(List.of("_jdbc_rows_1", "_jdbc_rows_2"), List.copyOf(r.vars().keySet()));
            assertEquals(List.of(Map.of("a", 4), Map.of("a", 5)), r.vars().get("_jdbc_rows_2"));
        } finally {
            restore("surrealj.batchChunkRows", chunk);
            restore("surrealj.batchAtomicRows", atomic);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    @Test
    void chunkedBatch() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO ch1 (n, name, tags) VALUES (?, ?, ?)")) {
            for (int i = 0; i < 2_500; i++) {
                ps.setInt(1, i);
                ps.setString(2, "row" + i);
                ps.setObject(3, List.of("a", "b" + i));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch(); // 50 INSERTs of 50 rows, one request
            assertEquals(2_500, counts.length);
            assertTrue(Arrays.stream(counts).allMatch(c -> c == 1));
            try (ResultSet keys = ps.getGeneratedKeys()) {
                int n = 0;
                while (keys.next()) {
                    assertInstanceOf(dev.surrealj.value.RecordId.class, keys.getObject(1));
                    n++;
                }
                assertEquals(2_500, n);
            }
        }
        assertEquals(2_500L, scalar(conn, "RETURN count(SELECT * FROM ch1)"));
        assertEquals(2_500L * 2_499 / 2, scalar(conn, "RETURN math::sum(SELECT VALUE n FROM ch1)"));
        assertEquals("b2499", scalar(conn, "SELECT VALUE tags[1] FROM ONLY ch1 WHERE n = 2499 LIMIT 1"));
    }

    @Test
    void chunkedBatchFailureWritesEverythingButTheFailedInsert() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO u (k) VALUES (?)")) {
            for (int i = 0; i < 2_500; i++) {
                ps.setString(1, i == 1_234 ? "c5" : "c" + i); // row 1235 repeats row 6: the 25th INSERT fails
                ps.addBatch();
            }
            BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
            assertEquals("23505", e.getSQLState());
            assertInstanceOf(SQLIntegrityConstraintViolationException.class, e.getCause());
            assertTrue(e.getMessage().contains("rows 1201 to 1250"), e.getMessage());
            int[] counts = e.getUpdateCounts();
            assertEquals(2_500, counts.length);
            for (int i = 0; i < counts.length; i++) {
                assertEquals(i >= 1_200 && i < 1_250 ? Statement.EXECUTE_FAILED : 1, counts[i], "row " + i);
            }
        }
        assertEquals(2_450L, scalar(conn, "RETURN count(SELECT * FROM u WHERE string::starts_with(k, 'c'))"));
        assertEquals(0L, scalar(conn, "RETURN count(SELECT * FROM u WHERE k = 'c1240')"));
        assertEquals(1L, scalar(conn, "RETURN count(SELECT * FROM u WHERE k = 'c1250')"));
    }

    @Test
    void chunkedBatchInATransactionIsRolledBackWhole() throws SQLException {
        db.sql("DEFINE TABLE ch2 SCHEMALESS");
        Connection tx = connect(db);
        try {
            tx.setAutoCommit(false);
            try (PreparedStatement ps = tx.prepareStatement("CREATE ch2 SET i = ?")) {
                for (int i = 0; i < 2_500; i++) {
                    ps.setInt(1, i);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                assertTrue(Arrays.stream(counts).allMatch(c -> c == 1));
            }
            assertEquals(2_500L, scalar(tx, "RETURN count(SELECT * FROM ch2)"));
            tx.rollback();
            assertEquals(0L, scalar(conn, "RETURN count(SELECT * FROM ch2)"));
        } finally {
            tx.close();
        }
    }

    @Test
    void rewrittenBatchesOnSurrealDb2() throws SQLException {
        try (SurrealServer v2 = SurrealServer.builder().engine(2).start();
             Connection c = java.sql.DriverManager.getConnection(JdbcTestSupport.url(v2, "v2ns", "v2db"))) {
            for (int rows : new int[] {10, 1_500}) { // one INSERT, then 30 chunks
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO v2b" + rows + " (i) VALUES (?)")) {
                    for (int i = 0; i < rows; i++) {
                        ps.setInt(1, i);
                        ps.addBatch();
                    }
                    assertTrue(Arrays.stream(ps.executeBatch()).allMatch(n -> n == 1));
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        int n = 0;
                        while (keys.next()) {
                            n++;
                        }
                        assertEquals(rows, n);
                    }
                }
                assertEquals((long) rows, scalar(c, "RETURN count(SELECT * FROM v2b" + rows + ")"));
            }
        }
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
