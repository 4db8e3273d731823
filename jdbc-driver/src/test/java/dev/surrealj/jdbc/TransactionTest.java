package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.JdbcTestSupport.assertState;
import static dev.surrealj.jdbc.JdbcTestSupport.connect;
import static dev.surrealj.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealServer;
import dev.surrealj.testing.SurrealTestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SurrealExtension.class)
class TransactionTest {

    private static long count(Connection c, String table) throws SQLException {
        return (Long) scalar(c, "RETURN count(SELECT * FROM " + table + ")");
    }

    @Test
    void commitAndRollback(SurrealTestDb db) throws SQLException {
        db.sql("DEFINE TABLE tx SCHEMALESS;");
        try (Connection c = connect(db); Connection other = connect(db)) {
            c.setAutoCommit(false);
            assertFalse(c.getAutoCommit());
            try (Statement st = c.createStatement()) {
                st.executeUpdate("CREATE tx:1 SET v = 1");
                assertEquals(1L, count(c, "tx"));       // seen inside
                assertEquals(0L, count(other, "tx"));   // not outside
                c.commit();
                assertEquals(1L, count(other, "tx"));

                st.executeUpdate("CREATE tx:2 SET v = 2"); // a new transaction begins
                try (PreparedStatement ps = c.prepareStatement("UPDATE tx:1 SET v = ?")) {
                    ps.setInt(1, 100);
                    assertEquals(1, ps.executeUpdate());
                }
                c.rollback();
                assertEquals(1L, count(c, "tx"));
                assertEquals(1L, scalar(c, "SELECT VALUE v FROM ONLY tx:1"));

                c.rollback();                           // nothing open: fine
                c.commit();
                st.executeUpdate("CREATE tx:3");
            }
            c.setAutoCommit(true);                      // commits the open transaction
            assertEquals(2L, count(other, "tx"));
        }
    }

    @Test
    void closeRollsBack(SurrealTestDb db) throws SQLException {
        db.sql("DEFINE TABLE txc SCHEMALESS;");
        try (Connection c = connect(db)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("CREATE txc:1");
            }
            SurrealConnection sc = c.unwrap(SurrealConnection.class);
            assertNotNull(sc.rpc());
        }
        try (Connection c = connect(db)) {
            assertEquals(0L, count(c, "txc"));
        }
    }

    @Test
    void conflictIs40001(SurrealTestDb db) throws Exception {
        db.sql("CREATE counter:1 SET n = 0;");
        try (Connection a = connect(db); Connection b = connect(db)) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            try (Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
                assertEquals(0L, scalar(a, "SELECT VALUE n FROM ONLY counter:1"));
                assertEquals(0L, scalar(b, "SELECT VALUE n FROM ONLY counter:1"));
                sa.executeUpdate("UPDATE counter:1 SET n += 1");
                SQLException failure = null;
                try {
                    sb.executeUpdate("UPDATE counter:1 SET n += 10");
                    a.commit();
                    b.commit();
                } catch (SQLException e) {
                    failure = e;
                }
                assertNotNull(failure, "one of the two transactions must fail");
                assertEquals("40001", failure.getSQLState(), failure::toString);
                assertTrue(failure instanceof SQLTransactionRollbackException, failure::toString);
                // both connections go on
                a.rollback();
                b.rollback();
            }
            a.setAutoCommit(true);
            b.setAutoCommit(true);
            long n = (Long) scalar(a, "SELECT VALUE n FROM ONLY counter:1");
            assertTrue(n == 1 || n == 10 || n == 0, "n = " + n);
        }
    }

    @Test
    void retryAfterConflictSucceeds(SurrealTestDb db) throws Exception {
        db.sql("CREATE acct:1 SET n = 0;");
        try (Connection a = connect(db); Connection b = connect(db)) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            try (Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
                sa.executeUpdate("UPDATE acct:1 SET n += 1");
                sb.executeUpdate("UPDATE acct:1 SET n += 1");
                a.commit();
                try {
                    b.commit();
                } catch (SQLException e) {
                    assertEquals("40001", e.getSQLState());
                    assertTrue(SqlStates.isRetryable(e));
                    sb.executeUpdate("UPDATE acct:1 SET n += 1");
                    b.commit();
                }
            }
            b.setAutoCommit(true);
            assertEquals(2L, scalar(b, "SELECT VALUE n FROM ONLY acct:1"));
        }
    }

    @Test
    void scriptTransactionsInAutocommit(SurrealTestDb db) throws SQLException {
        db.sql("DEFINE TABLE sx SCHEMALESS;");
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            st.execute("BEGIN; CREATE sx:1; CREATE sx:1; COMMIT;");
            SQLException e = null;
            try {
                while (st.getMoreResults() || st.getUpdateCount() != -1) {
                    // walk
                }
            } catch (SQLException ex) {
                e = ex;
            }
            assertNotNull(e);
            assertEquals(0L, count(c, "sx"));
        }
    }

    @Test
    void httpHasNoInteractiveTransactions(SurrealTestDb db) throws SQLException {
        String url = JdbcTestSupport.url(db).replace("jdbc:surrealdb://", "jdbc:surrealdb:http://");
        try (Connection c = DriverManager.getConnection(url)) {
            SQLException e = assertState(SQLFeatureNotSupportedException.class, "0A000", () -> c.setAutoCommit(false));
            assertTrue(e.getMessage().contains("HTTP"), e.getMessage());
            assertTrue(c.getAutoCommit());
            assertFalse(c.getMetaData().supportsTransactions());
        }
    }

    @Test
    void surrealDb2Policy() throws SQLException {
        try (SurrealServer v2 = SurrealServer.builder().engine(2).start()) {
            String url = JdbcTestSupport.url(v2, "v2ns", "v2db");
            try (Connection c = DriverManager.getConnection(url)) {
                assertEquals(2, c.unwrap(SurrealConnection.class).getServerMajorVersion());
                SQLException e = assertState(SQLFeatureNotSupportedException.class, "0A000", () -> c.setAutoCommit(false));
                assertTrue(e.getMessage().contains("2."), e.getMessage());
                assertTrue(c.getAutoCommit());
                assertFalse(c.getMetaData().supportsTransactions());
                // scripts with BEGIN … COMMIT still work, and so does the rest
                try (Statement st = c.createStatement()) {
                    st.execute("BEGIN; CREATE v2t:1 SET a = 1; COMMIT;");
                    assertEquals(1L, scalar(c, "SELECT VALUE a FROM ONLY v2t:1"));
                    st.addBatch("CREATE v2t:2");
                    st.addBatch("CREATE v2t:3");
                    assertEquals(2, st.executeBatch().length);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO v2r (a) VALUES (?)")) {
                    for (int i = 0; i < 3; i++) {
                        ps.setInt(1, i);
                        ps.addBatch();
                    }
                    assertEquals(3, ps.executeBatch().length);
                }
                assertEquals(3L, count(c, "v2r"));
                assertNull(c.getWarnings());
            }
        }
    }
}
