package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SurrealExtension.class)
class HikariTest {

    private static HikariDataSource pool(SurrealTestDb db, int size) {
        HikariConfig hc = new HikariConfig();
        hc.setDataSourceClassName(SurrealDataSource.class.getName());
        hc.addDataSourceProperty("url", JdbcTestSupport.url(db));
        hc.addDataSourceProperty("applicationName", "hikari-test");
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(size);
        hc.setConnectionTimeout(10_000);
        hc.setPoolName("surreal-test");
        return new HikariDataSource(hc);
    }

    @Test
    void mixedLoad(SurrealTestDb db) throws Exception {
        db.sql("DEFINE TABLE item SCHEMALESS; DEFINE INDEX item_k ON item FIELDS k UNIQUE;");
        int threads = 16;
        int ops = Integer.getInteger("surrealj.hikari.opsPerThread", 10_000); // the 16 x 10,000
        AtomicLong created = new AtomicLong();
        try (HikariDataSource ds = pool(db, 8)) {
            ExecutorService ex = Executors.newFixedThreadPool(threads);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                fs.add(ex.submit(() -> {
                    for (int i = 0; i < ops; i++) {
                        try (Connection c = ds.getConnection()) {
                            switch (i % 4) {
                                case 0 -> {
                                    try (PreparedStatement ps = c.prepareStatement("CREATE item SET k = ?, t = ?")) {
                                        ps.setString(1, thread + "-" + i);
                                        ps.setInt(2, thread);
                                        assertEquals(1, ps.executeUpdate());
                                        created.incrementAndGet();
                                    }
                                }
                                case 1 -> {
                                    try (PreparedStatement ps = c.prepareStatement(
                                            "SELECT * FROM item WHERE k = ?")) {
                                        ps.setString(1, thread + "-" + (i - 1));
                                        try (ResultSet rs = ps.executeQuery()) {
                                            assertTrue(rs.next());
                                            assertEquals(thread, rs.getInt("t"));
                                        }
                                    }
                                }
                                case 2 -> {
                                    try (PreparedStatement ps = c.prepareStatement(
                                            "UPDATE item SET seen = true WHERE k = ?")) {
                                        ps.setString(1, thread + "-" + (i - 2));
                                        assertEquals(1, ps.executeUpdate());
                                    }
                                }
                                default -> {
                                    try (Statement st = c.createStatement();
                                         ResultSet rs = st.executeQuery("RETURN " + i + " + " + thread)) {
                                        assertTrue(rs.next());
                                        assertEquals(i + thread, rs.getInt(1));
                                    }
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(600, TimeUnit.SECONDS);
            }
            ex.shutdown();
            assertEquals(0, ds.getHikariPoolMXBean().getActiveConnections(), "leaked connections");
            assertEquals(8, ds.getHikariPoolMXBean().getTotalConnections());
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count() AS n FROM item WHERE seen = true GROUP ALL")) {
                assertTrue(rs.next());
                assertEquals(created.get(), rs.getLong("n"));
                assertEquals("hikari-test", c.getClientInfo("ApplicationName"));
                assertTrue(c.isWrapperFor(SurrealConnection.class));
            }
        }
    }

    @Test
    void poolResetsConnectionState(SurrealTestDb db) throws SQLException {
        db.sql("DEFINE TABLE hk SCHEMALESS;");
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(JdbcTestSupport.url(db));
        hc.setMaximumPoolSize(1);
        hc.setAutoCommit(true);
        hc.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        hc.setCatalog(db.namespace());
        hc.setSchema(db.database());
        try (HikariDataSource ds = new HikariDataSource(hc)) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                c.setReadOnly(true);
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE hk:1");
                }
                // returned dirty: Hikari rolls back and resets
            }
            try (Connection c = ds.getConnection()) {
                assertTrue(c.getAutoCommit());
                assertEquals(false, c.isReadOnly());
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT * FROM hk")) {
                    assertEquals(false, rs.next());
                }
            }
            try (Connection c = ds.getConnection()) {
                ds.evictConnection(c);              // Hikari closes the physical connection
            }
            assertEquals(0, ds.getHikariPoolMXBean().getActiveConnections());
        }
    }
}
