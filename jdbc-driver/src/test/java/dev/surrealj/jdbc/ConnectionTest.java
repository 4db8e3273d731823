package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.JdbcTestSupport.assertState;
import static dev.surrealj.jdbc.JdbcTestSupport.connect;
import static dev.surrealj.jdbc.JdbcTestSupport.props;
import static dev.surrealj.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.rpc.LiveNotification;
import dev.surrealj.rpc.LiveSubscription;
import dev.surrealj.rpc.SurrealClient;
import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.RecordId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SurrealExtension.class)
class ConnectionTest {

    @Test
    void validAndClose(SurrealTestDb db) throws SQLException {
        Connection c = connect(db);
        assertTrue(c.isValid(0));
        assertTrue(c.isValid(2));
        assertState("HY092", () -> c.isValid(-1));
        Statement st = c.createStatement();
        c.close();
        c.close();
        assertTrue(c.isClosed());
        assertTrue(st.isClosed());
        assertState("08003", () -> st.execute("RETURN 1")); // the connection is closed
        assertFalse(c.isValid(1));
        assertState("08003", c::createStatement);
        assertState("08003", () -> c.prepareStatement("RETURN 1"));
        assertState("08003", () -> c.setAutoCommit(false));
        assertState("08003", c::getCatalog);
        assertState("08003", c::getMetaData);
        assertThrows(SQLClientInfoException.class, () -> c.setClientInfo("ApplicationName", "x"));
    }

    @Test
    void closeFailsRunningStatementsAtOnce(SurrealTestDb db) throws Exception {
        Connection c = connect(db);
        Statement st = c.createStatement();
        java.util.concurrent.CompletableFuture<Throwable> f = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                st.execute("SLEEP 3s");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(300);
        long t0 = System.nanoTime();
        c.close();
        Throwable t = f.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 1500);
        SQLException e = assertInstanceOf(SQLException.class, t);
        assertTrue(e.getSQLState().startsWith("08"), e::toString);
        assertTrue(st.isClosed());
    }

    @Test
    void abort(SurrealTestDb db) throws Exception {
        Connection c = connect(db);
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            c.abort(ex);
            assertTrue(c.isClosed());
            ex.shutdown();
            assertTrue(ex.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(c.unwrap(SurrealClient.class).isClosed());
            c.abort(ex); // no-op once closed
        } finally {
            ex.shutdownNow();
        }
        try (Connection c2 = connect(db)) {
            assertState("HY092", () -> c2.abort(null));
        }
    }

    @Test
    void catalogAndSchema(SurrealTestDb db) throws SQLException {
        db.sql("DEFINE DATABASE IF NOT EXISTS second; DEFINE NAMESPACE IF NOT EXISTS " + db.namespace() + "_b;");
        try (Connection c = connect(db)) {
            assertEquals(db.namespace(), c.getCatalog());
            assertEquals(db.database(), c.getSchema());
            c.setSchema("second");
            assertEquals("second", c.getSchema());
            assertEquals("second", scalar(c, "RETURN session::db()"));
            c.setCatalog(db.namespace() + "_b");
            assertEquals(db.namespace() + "_b", c.getCatalog());
            assertEquals(db.namespace() + "_b", scalar(c, "RETURN session::ns()"));
            // after a USE statement the connection asks the server (whether USE outlives its request
            // depends on the server: the 3.x dev engine keeps the session's namespace)
            try (Statement st = c.createStatement()) {
                st.execute("USE NS " + db.namespace() + " DB " + db.database());
            }
            assertEquals(scalar(c, "RETURN session::ns()"), c.getCatalog());
            assertEquals(scalar(c, "RETURN session::db()"), c.getSchema());
            c.setCatalog(db.namespace());
            assertEquals(db.namespace(), c.getCatalog());
            SurrealConnection sc = c.unwrap(SurrealConnection.class);
            sc.use(null, "second");
            assertEquals("second", sc.getDatabase());
            assertEquals(db.namespace(), sc.getNamespace());
        }
    }

    @Test
    void clientInfo(SurrealTestDb db) throws SQLException {
        try (Connection c = connect(db, props("applicationName", "my-app"))) {
            assertEquals("my-app", c.getClientInfo("ApplicationName"));
            c.setClientInfo("ApplicationName", "other");
            c.setClientInfo("ClientUser", "bob");
            assertEquals("other", c.getClientInfo().getProperty("ApplicationName"));
            assertEquals("bob", c.getClientInfo("clientuser"));
            c.setClientInfo("Colour", "blue");
            assertTrue(c.getWarnings().getMessage().contains("Colour"));
            assertNull(c.getClientInfo("Colour"));
            c.clearWarnings();
            assertNull(c.getWarnings());
            Properties p = new Properties();
            p.setProperty("ApplicationName", "third");
            c.setClientInfo(p);
            assertEquals("third", c.getClientInfo("ApplicationName"));
            assertNull(c.getClientInfo("ClientUser"));
            try (ResultSet rs = c.getMetaData().getClientInfoProperties()) {
                assertTrue(rs.next());
                assertEquals("ApplicationName", rs.getString("NAME"));
            }
        }
    }

    @Test
    void stateAndFactories(SurrealTestDb db) throws SQLException {
        try (Connection c = connect(db)) {
            assertEquals("SELECT * FROM t WHERE a = $_jdbc_1 AND b = d'2024-01-31'",
                    c.nativeSQL("SELECT * FROM t WHERE a = ? AND b = {d '2024-01-31'}"));
            Array a = c.createArrayOf("int", new Object[] {1, 2});
            assertEquals(2, ((Object[]) a.getArray()).length);
            assertState("0A000", () -> c.createStruct("x", new Object[0]));
            assertState("0A000", c::createBlob);
            assertState("0A000", c::setSavepoint);
            assertState("0A000", () -> c.rollback(null));
            assertFalse(c.isReadOnly());
            c.setReadOnly(true);
            assertTrue(c.isReadOnly());
            c.setReadOnly(false);
            assertEquals(Connection.TRANSACTION_REPEATABLE_READ, c.getTransactionIsolation());
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            assertEquals(Connection.TRANSACTION_REPEATABLE_READ, c.getTransactionIsolation());
            assertState("0A000", () -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
            assertTrue(c.getAutoCommit());
            assertState("25000", c::commit);
            assertState("25000", c::rollback);
            assertTrue(c.getTypeMap().isEmpty());
            c.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
            assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, c.getHoldability());
            Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE);
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, s.getResultSetType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, s.getResultSetConcurrency());
            assertNotNull(c.getWarnings());
            assertTrue(c.isWrapperFor(SurrealConnection.class));
            assertFalse(c.isWrapperFor(String.class));
            assertState("HY000", () -> c.unwrap(String.class));
        }
    }

    @Test
    void networkTimeout(SurrealTestDb db) throws SQLException {
        try (Connection c = connect(db)) {
            c.setNetworkTimeout(Runnable::run, 500);
            assertEquals(500, c.getNetworkTimeout());
            try (Statement st = c.createStatement()) {
                SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> st.execute("SLEEP 2s"));
                assertEquals("HYT00", e.getSQLState());
            }
            c.setNetworkTimeout(null, 0);
            assertEquals(1L, scalar(c, "RETURN 1"));
        }
    }

    @Test
    void surrealConnectionExtras(SurrealTestDb db) throws Exception {
        try (Connection c = connect(db)) {
            SurrealConnection sc = c.unwrap(SurrealConnection.class);
            assertTrue(sc.getServerVersion().startsWith("surrealdb-"));
            assertTrue(sc.getServerMajorVersion() >= 2);
            sc.let("min_age", 18);
            assertEquals(18L, scalar(c, "RETURN $min_age"));
            sc.unset("min_age");
            assertNull(scalar(c, "RETURN $min_age"));

            try (Statement st = c.createStatement()) {
                st.execute("DEFINE TABLE lv SCHEMALESS");
            }
            try (LiveSubscription sub = sc.live("lv", false)) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE lv:1 SET a = 1");
                }
                LiveNotification n = sub.poll(Duration.ofSeconds(5));
                assertNotNull(n);
                assertEquals(LiveNotification.Action.CREATE, n.action());
                assertEquals(1L, n.record().get("a"));
            }
            try (LiveSubscription sub = sc.liveQuery("LIVE SELECT * FROM lv WHERE a > $min", Map.of("min", 5))) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE lv:2 SET a = 2; CREATE lv:9 SET a = 9");
                }
                LiveNotification n = sub.poll(Duration.ofSeconds(5));
                assertEquals(new RecordId("lv", 9L), n.record().get("id"));
            }
            Object rows = sc.rpc().select("lv").await();
            assertEquals(3, ((List<?>) rows).size());
        }
    }

    @Test
    void databaseMetaData(SurrealTestDb db) throws SQLException {
        db.sql("DEFINE TABLE md_person SCHEMAFULL; DEFINE TABLE md_other;");
        try (Connection c = connect(db)) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals("SurrealDB", md.getDatabaseProductName());
            assertTrue(md.getDatabaseMajorVersion() >= 2);
            assertEquals("SurrealJ", md.getDriverName());
            assertEquals("`", md.getIdentifierQuoteString());
            assertTrue(md.supportsBatchUpdates());
            assertTrue(md.getURL().startsWith("jdbc:surrealdb://"));
            assertEquals(c, md.getConnection());
            assertEquals("namespace", md.getCatalogTerm());
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, "md\\_%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                    assertEquals(db.namespace(), rs.getString("TABLE_CAT"));
                    assertEquals(db.database(), rs.getString("TABLE_SCHEM"));
                }
            }
            assertEquals(List.of("md_other", "md_person"), tables);
            try (ResultSet rs = md.getCatalogs()) {
                List<String> ns = new ArrayList<>();
                while (rs.next()) {
                    ns.add(rs.getString(1));
                }
                assertTrue(ns.contains(db.namespace()), ns::toString);
            }
            try (ResultSet rs = md.getSchemas(db.namespace(), null)) {
                assertTrue(rs.next());
            }
            // shaped answers, empty where there is nothing (no table x, no functions)
            for (ResultSet rs : List.of(md.getPrimaryKeys(null, null, "x"),
                    md.getImportedKeys(null, null, "x"), md.getIndexInfo(null, null, "x", false, true),
                    md.getFunctions(null, null, "%"), md.getProcedures(null, null, "%"))) {
                ResultSetMetaData m = rs.getMetaData();
                assertTrue(m.getColumnCount() >= 6);
                assertFalse(rs.next());
                rs.close();
            }
            for (ResultSet rs : List.of(md.getColumns(null, null, "md\\_%", "%"), md.getTypeInfo())) {
                assertTrue(rs.getMetaData().getColumnCount() >= 18);
                assertTrue(rs.next());
                rs.close();
            }
            try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
                assertEquals("COLUMN_NAME", rs.getMetaData().getColumnLabel(4));
                assertEquals(java.sql.Types.INTEGER, rs.getMetaData().getColumnType(5));
                assertEquals(24, rs.getMetaData().getColumnCount());
            }
        }
    }

    @Test
    void concurrentStatementsOnOneConnection(SurrealTestDb db) throws Exception {
        try (Connection c = connect(db)) {
            ExecutorService ex = Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<Long>> fs = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    long n = i;
                    fs.add(ex.submit(() -> (Long) scalar(c, "RETURN " + n + " * 2")));
                }
                for (int i = 0; i < 64; i++) {
                    assertEquals(i * 2L, fs.get(i).get());
                }
            } finally {
                ex.shutdown();
            }
        }
    }

    @Test
    void toStringShowsNoSecrets(SurrealTestDb db) throws SQLException {
        try (Connection c = DriverManager(db)) {
            assertFalse(c.toString().contains("s3cr3t"), c.toString());
            assertInstanceOf(SurrealConnection.class, c);
        }
    }

    private static Connection DriverManager(SurrealTestDb db) throws SQLException {
        return java.sql.DriverManager.getConnection(JdbcTestSupport.url(db) + "?trustStorePassword=s3cr3t");
    }
}
