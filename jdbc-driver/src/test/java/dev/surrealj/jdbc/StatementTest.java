package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.JdbcTestSupport.assertState;
import static dev.surrealj.jdbc.JdbcTestSupport.connect;
import static dev.surrealj.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.RecordId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SurrealExtension.class)
class StatementTest {
    private static Connection conn;
    private static SurrealTestDb testDb;

    @BeforeAll
    static void open(SurrealTestDb db) throws SQLException {
        db.sql("DEFINE TABLE uniq SCHEMALESS; DEFINE INDEX uniq_k ON uniq FIELDS k UNIQUE;");
        conn = connect(db);
        testDb = db;
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
    }

    @Test
    void selectReturnsResultSet() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("CREATE person:ada SET name = 'Ada', age = 36");
            try (ResultSet rs = st.executeQuery("SELECT * FROM person:ada")) {
                assertTrue(rs.next());
                assertEquals(new RecordId("person", "ada"), rs.getObject("id"));
                assertEquals("Ada", rs.getString("name"));
                assertEquals(36, rs.getInt("age"));
                assertFalse(rs.next());
                assertSame(st, rs.getStatement());
            }
        }
    }

    @Test
    void multiStatementWalk() throws SQLException {
        try (Statement st = conn.createStatement()) {
            boolean isRs = st.execute("CREATE walk:1 SET v = 1; CREATE walk:2 SET v = 2; "
                    + "SELECT * FROM walk ORDER BY v; DEFINE TABLE walk2; LET $x = 5; RETURN $x; "
                    + "UPDATE walk SET v += 10; DELETE walk:1 RETURN NONE");
            assertFalse(isRs);
            assertEquals(1, st.getUpdateCount());
            assertNull(st.getResultSet());

            assertFalse(st.getMoreResults());
            assertEquals(1, st.getUpdateCount());

            assertTrue(st.getMoreResults());
            assertEquals(-1, st.getUpdateCount());
            ResultSet rs = st.getResultSet();
            assertSame(rs, st.getResultSet());
            List<Object> vs = new ArrayList<>();
            while (rs.next()) {
                vs.add(rs.getLong("v"));
            }
            assertEquals(List.of(1L, 2L), vs);

            assertFalse(st.getMoreResults());          // DEFINE
            assertTrue(rs.isClosed());
            assertEquals(0, st.getUpdateCount());
            assertFalse(st.getMoreResults());          // LET
            assertEquals(0, st.getUpdateCount());
            assertTrue(st.getMoreResults());           // RETURN
            try (ResultSet r = st.getResultSet()) {
                assertTrue(r.next());
                assertEquals(5, r.getInt(1));
            }
            assertFalse(st.getMoreResults());          // UPDATE: 2 records
            assertEquals(2, st.getUpdateCount());
            assertFalse(st.getMoreResults());          // DELETE … RETURN NONE
            assertEquals(0, st.getUpdateCount());
            assertFalse(st.getMoreResults());          // the end
            assertEquals(-1, st.getUpdateCount());
            assertNull(st.getResultSet());
            assertFalse(st.getMoreResults());
            assertEquals(-1, st.getUpdateCount());
        }
    }

    @Test
    void failingStatementRaisesWhenReached() throws SQLException {
        try (Statement st = conn.createStatement()) {
            assertFalse(st.execute("CREATE uniq SET k = 'a'; CREATE uniq SET k = 'a'; RETURN 7"));
            assertEquals(1, st.getUpdateCount());
            assertEquals("23505", st.getWarnings().getSQLState());       // also reported as a warning
            assertTrue(st.getWarnings().getMessage().startsWith("Statement 2 of 3 failed"));
            assertNull(st.getWarnings().getNextWarning());
            SQLException e = assertThrows(SQLIntegrityConstraintViolationException.class, st::getMoreResults);
            assertEquals("23505", e.getSQLState());
            assertTrue(e.getMessage().startsWith("Statement 2 of 3 failed: "), e.getMessage());
            assertTrue(e.getMessage().contains("uniq_k"), e.getMessage());
            assertNull(st.getResultSet());
            assertEquals(-1, st.getUpdateCount());
            assertTrue(st.getMoreResults());           // continues after the failed one
            try (ResultSet rs = st.getResultSet()) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
            }
            assertFalse(st.getMoreResults());
            assertEquals(-1, st.getUpdateCount());
        }
    }

    @Test
    void firstStatementFailureThrowsFromExecute() throws SQLException {
        try (Statement st = conn.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.execute("SELECT * FROM no_such_table; RETURN 1"));
            assertTrue(e.getMessage().startsWith("Statement 1 of 2 failed"), e.getMessage());
            assertEquals("42S02", e.getSQLState());
            assertTrue(st.getMoreResults());
            try (ResultSet rs = st.getResultSet()) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void singleStatementErrorsThrowAtOnce() throws SQLException {
        try (Statement st = conn.createStatement()) {
            SQLException e = assertState("42S02", () -> st.executeQuery("SELECT * FROM no_such_table"));
            assertFalse(e.getMessage().startsWith("Statement"), e.getMessage());
            assertState(SQLSyntaxErrorException.class, "42601", () -> st.execute("SELEKT * FROM ("));
            st.executeUpdate("CREATE uniq SET k = 'single'");
            assertState("23505", () -> st.executeUpdate("CREATE uniq SET k = 'single'"));
            // executeUpdate with a failure anywhere throws at once, naming the statement
            SQLException multi = assertState("23505",
                    () -> st.executeUpdate("CREATE uniq SET k = 'single2'; CREATE uniq SET k = 'single2'"));
            assertTrue(multi.getMessage().startsWith("Statement 2 of 2"), multi.getMessage());
        }
    }

    @Test
    void updateCounts() throws SQLException {
        try (Statement st = conn.createStatement()) {
            assertEquals(3, st.executeUpdate("INSERT INTO cnt [{a: 1}, {a: 2}, {a: 3}]"));
            assertEquals(3, st.executeUpdate("UPDATE cnt SET b = true"));
            assertEquals(1, st.executeUpdate("CREATE ONLY cnt:x SET a = 9"));
            assertEquals(0, st.executeUpdate("DEFINE FIELD a ON cnt TYPE int"));
            assertEquals(0, st.executeUpdate("UPDATE cnt SET a = 0 WHERE a > 100"));
            assertEquals(2, st.executeLargeUpdate("DELETE cnt WHERE a < 3 RETURN BEFORE"));
            assertEquals(5, st.executeUpdate("CREATE cnt SET a = 5; CREATE cnt SET a = 6; SELECT * FROM cnt; "
                    + "UPDATE cnt SET c = 1 WHERE a >= 5"));
            // executeQuery on DML returns the records
            try (ResultSet rs = st.executeQuery("CREATE cnt:q SET a = 42")) {
                assertTrue(rs.next());
                assertEquals(new RecordId("cnt", "q"), rs.getObject("id"));
                assertEquals(42, rs.getInt("a"));
            }
            // executeQuery of a script returns the first query
            try (ResultSet rs = st.executeQuery("LET $m = 40; SELECT VALUE a FROM cnt WHERE a > $m")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
            assertFalse(st.getMoreResults());
            assertEquals(-1, st.getUpdateCount());
        }
    }

    @Test
    void generatedKeys() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("CREATE gk SET a = 1; INSERT INTO gk [{a: 2}, {id: gk:three, a: 3}]",
                    Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = st.getGeneratedKeys()) {
                assertEquals("id", keys.getMetaData().getColumnLabel(1));
                List<RecordId> ids = new ArrayList<>();
                while (keys.next()) {
                    ids.add((RecordId) keys.getObject(1));
                }
                assertEquals(2, ids.size());
                assertEquals(new RecordId("gk", "three"), ids.get(1));
                assertEquals("gk", ids.get(0).table());
            }
            st.execute("SELECT * FROM gk");
            try (ResultSet keys = st.getGeneratedKeys()) {
                assertFalse(keys.next());
            }
        }
    }

    @Test
    void maxRows() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("FOR $i IN 1..=20 { CREATE mr SET i = $i }");
            st.setMaxRows(5);
            assertEquals(5, st.getMaxRows());
            int n = 0;
            try (ResultSet rs = st.executeQuery("SELECT * FROM mr")) {
                while (rs.next()) {
                    n++;
                }
            }
            assertEquals(5, n);
            st.setLargeMaxRows(0);
            try (ResultSet rs = st.executeQuery("SELECT count() FROM mr GROUP ALL")) {
                assertTrue(rs.next());
                assertEquals(20, rs.getInt(1));
            }
            assertState("HY024", () -> st.setMaxRows(-1));
        }
    }

    @Test
    void queryTimeout() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.setQueryTimeout(1);
            assertEquals(1, st.getQueryTimeout());
            long t0 = System.nanoTime();
            SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> st.execute("SLEEP 2s"));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals("HYT00", e.getSQLState());
            assertTrue(ms < 1900, "took " + ms + " ms");
            assertTrue(e.getMessage().contains("query timeout of 1 s"), e.getMessage());
            // the connection is still usable
            st.setQueryTimeout(0);
            assertEquals(1L, scalar(conn, "RETURN 1"));
        }
    }

    @Test
    void cancelFailsThePendingRequest() throws Exception {
        try (Statement st = conn.createStatement()) {
            CompletableFuture<Throwable> f = CompletableFuture.supplyAsync(() -> {
                try {
                    st.execute("SLEEP 2s");
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Thread.sleep(300);
            long t0 = System.nanoTime();
            st.cancel();
            Throwable t = f.get(5, TimeUnit.SECONDS);
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 1000);
            SQLException e = assertInstanceOf(SQLException.class, t);
            assertEquals("57014", e.getSQLState());
            st.cancel(); // nothing pending: no-op
        }
    }

    @Test
    void closedStatement() throws SQLException {
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("RETURN 1");
        st.close();
        st.close();
        assertTrue(st.isClosed());
        assertTrue(rs.isClosed());
        assertState("55000", () -> st.executeQuery("RETURN 1"));
        assertState("55000", st::getResultSet);
        assertState("55000", () -> st.setMaxRows(1));
        assertFalse(conn.isClosed());
    }

    @Test
    void closeOnCompletion() throws SQLException {
        Statement st = conn.createStatement();
        st.closeOnCompletion();
        assertTrue(st.isCloseOnCompletion());
        ResultSet rs = st.executeQuery("RETURN [1, 2]");
        assertFalse(st.isClosed());
        rs.close();
        assertTrue(st.isClosed());

        Statement st2 = conn.createStatement();
        st2.closeOnCompletion();
        assertTrue(st2.execute("RETURN 1; RETURN 2"));
        assertTrue(st2.getMoreResults());         // closing the first by walking does not close the statement
        assertFalse(st2.isClosed());
        st2.getResultSet().close();
        assertTrue(st2.isClosed());
    }

    @Test
    void settingsAndWarnings() throws SQLException {
        try (Statement st = conn.createStatement()) {
            assertSame(conn, st.getConnection());
            st.setFetchSize(100);
            assertEquals(100, st.getFetchSize());
            st.setFetchDirection(ResultSet.FETCH_FORWARD);
            assertEquals(ResultSet.FETCH_FORWARD, st.getFetchDirection());
            assertNull(st.getWarnings());
            st.clearWarnings();
            st.setPoolable(true);
            assertTrue(st.isPoolable());
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, st.getResultSetType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, st.getResultSetConcurrency());
            assertState("0A000", () -> st.setCursorName("c"));
            assertTrue(st.isWrapperFor(SurrealStatement.class));
            assertNotNull(st.unwrap(SurrealStatement.class));
        }
    }

    @Test
    void escapeProcessing() throws SQLException {
        try (Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("RETURN {d '2024-01-31'}")) {
                assertTrue(rs.next());
                assertEquals(Instant.parse("2024-01-31T00:00:00Z"), rs.getObject(1));
            }
            st.setEscapeProcessing(false);
            // without escape processing the braces are SurrealQL's: an object
            try (ResultSet rs = st.executeQuery("RETURN {a: 1}")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt("a"));
            }
        }
    }

    @Test
    void statementBatch() throws Exception {
        try (Statement st = conn.createStatement()) {
            st.addBatch("CREATE sb:1 SET v = 1");
            st.addBatch("INSERT INTO sb [{v: 2}, {v: 3}];");
            st.addBatch("UPDATE sb SET w = 1 -- a comment at the end");
            st.addBatch("DEFINE FIELD v ON sb TYPE int");
            assertArrayEquals(new int[] {1, 2, 3, 0}, st.executeBatch());
            assertArrayEquals(new int[0], st.executeBatch()); // cleared

            st.addBatch("CREATE uniq SET k = 'sb'");
            st.addBatch("CREATE uniq SET k = 'sb'");
            st.addBatch("CREATE sb:4 SET v = 4");
            java.sql.BatchUpdateException e = assertThrows(java.sql.BatchUpdateException.class, st::executeBatch);
            assertEquals("23505", e.getSQLState());
            assertArrayEquals(new int[] {1, Statement.EXECUTE_FAILED, 1}, e.getUpdateCounts());
            assertArrayEquals(new long[] {1, Statement.EXECUTE_FAILED, 1}, e.getLargeUpdateCounts());
            assertInstanceOf(SQLIntegrityConstraintViolationException.class, e.getCause());
            assertEquals(4L, scalar(conn, "RETURN count(SELECT * FROM sb)"));
        }
    }

    private static void assertArrayEquals(int[] a, int[] b) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, () -> java.util.Arrays.toString(b));
    }

    private static void assertArrayEquals(long[] a, long[] b) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, () -> java.util.Arrays.toString(b));
    }

    @Test
    void anAnswerBeyondTheCodecLimitsFailsOnlyItsStatementWith22000() throws SQLException {
        try (Connection c = connect(testDb, JdbcTestSupport.props("maxDepth", "6"))) {
            java.sql.SQLDataException e = JdbcTestSupport.assertState(java.sql.SQLDataException.class, "22000",
                    () -> c.createStatement().executeQuery("RETURN {a: {b: {c: {d: {e: {f: {g: 1}}}}}}}"));
            assertTrue(e.getMessage().contains("limits") && e.getMessage().contains("maxDepth=6"), e.getMessage());
            assertTrue(c.isValid(2), "the connection stays usable");
            assertEquals(1L, JdbcTestSupport.scalar(c, "RETURN {a: 1}.a"));
        }
        // object keys are bounded by the string limit, not by Jackson's 50,000-character default
        String key = "k".repeat(60_000);
        try (java.sql.PreparedStatement ps = conn.prepareStatement("RETURN {m: ?}")) {
            ps.setObject(1, java.util.Map.of(key, 7L));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(java.util.Map.of(key, 7L).equals(rs.getObject("m")), "the long key came back");
            }
        }
    }
}
