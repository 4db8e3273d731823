package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.JdbcTestSupport.assertState;
import static dev.surrealj.jdbc.JdbcTestSupport.props;
import static dev.surrealj.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SurrealExtension.class)
class DriverTest {

    /** A port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void sqlTranslationWithoutATranslatorOnTheClassPathIsRefusedBeforeConnecting() {
        // the driver's own tests do not have surrealj-jooq (the translator) on the class path
        java.sql.SQLFeatureNotSupportedException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.sql.SQLFeatureNotSupportedException.class,
                () -> DriverManager.getConnection("jdbc:surrealdb://127.0.0.1:1/ns/db?sqlTranslation=true"));
        assertEquals("0A000", e.getSQLState());
        assertTrue(e.getMessage().contains("sqlTranslation"), e.getMessage());
        assertTrue(e.getMessage().contains("surrealj-jooq"), e.getMessage());
    }

    @Test
    void registration() throws SQLException {
        Driver d = DriverManager.getDriver("jdbc:surrealdb://localhost/ns/db");
        assertInstanceOf(SurrealDriver.class, d);
        boolean found = false;
        for (Driver s : ServiceLoader.load(Driver.class)) {
            found |= s instanceof SurrealDriver;
        }
        assertTrue(found, "META-INF/services/java.sql.Driver");
        assertEquals(SurrealDriver.MAJOR_VERSION, d.getMajorVersion());
        assertFalse(d.jdbcCompliant());
        assertEquals("dev.surrealj", d.getParentLogger().getName());
    }

    @Test
    void acceptsOnlyItsUrls() throws SQLException {
        SurrealDriver d = new SurrealDriver();
        assertTrue(d.acceptsURL("jdbc:surrealdb://h/ns/db"));
        assertTrue(d.acceptsURL("JDBC:SURREALDB:wss://h"));
        assertFalse(d.acceptsURL("jdbc:postgresql://h/db"));
        assertFalse(d.acceptsURL(null));
        assertNull(d.connect("jdbc:postgresql://h/db", null));
        assertState("08001", () -> d.connect("jdbc:surrealdb:ftp://h/ns", null));
        assertState("08001", () -> d.connect("jdbc:surrealdb://h/ns/db/extra", null));
        assertEquals(0, d.getPropertyInfo("jdbc:mysql://x", null).length);
    }

    @Test
    void propertyInfo() throws SQLException {
        DriverPropertyInfo[] info = new SurrealDriver().getPropertyInfo(
                "jdbc:surrealdb://h:1/shop/main?connectTimeout=5&user=urluser", props("user", "alice", "var.email", "a@b"));
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (DriverPropertyInfo i : info) {
            m.put(i.name, i.value);
        }
        assertEquals("alice", m.get("user"));        // Properties win
        assertEquals("5", m.get("connectTimeout"));
        assertEquals("shop", m.get("namespace"));
        assertEquals("main", m.get("database"));
        assertEquals("60", m.get("requestTimeout")); // default
        assertEquals("a@b", m.get("var.email"));
        assertTrue(m.containsKey("batchRewrite"));
        // an unfinished URL still lists the properties
        assertTrue(new SurrealDriver().getPropertyInfo("jdbc:surrealdb:", null).length > 20);
    }

    @Test
    void urlForms(SurrealTestDb db) throws SQLException {
        String hp = db.server().host() + ":" + db.server().port() + "/" + db.namespace() + "/" + db.database();
        for (String url : List.of("jdbc:surrealdb://" + hp, "jdbc:surrealdb:ws://" + hp, "jdbc:surrealdb:http://" + hp,
                "jdbc:surrealdb://" + hp + "/?requestTimeout=30")) {
            try (Connection c = DriverManager.getConnection(url)) {
                assertEquals(2L, scalar(c, "RETURN 1 + 1"), url);
                try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO forms (u, i) VALUES (?, ?)")) {
                    for (int i = 0; i < 3; i++) {
                        ps.setString(1, url);
                        ps.setInt(2, i);
                        ps.addBatch();
                    }
                    assertEquals(3, ps.executeBatch().length);
                }
                try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT VALUE i FROM forms WHERE u = ? ORDER BY i")) {
                    ps.setString(1, url);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        int n = 0;
                        while (rs.next()) {
                            assertEquals(n++, rs.getInt(1));
                        }
                        assertEquals(3, n, url);
                    }
                }
                assertEquals(db.namespace(), scalar(c, "RETURN session::ns()"), url);
                assertEquals(db.database(), scalar(c, "RETURN session::db()"), url);
            }
        }
    }

    @Test
    void failoverToTheNextHost(SurrealTestDb db) throws Exception {
        String url = "jdbc:surrealdb://127.0.0.1:" + closedPort() + "," + db.server().host() + ":" + db.server().port()
                + "/" + db.namespace() + "/" + db.database();
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(1L, scalar(c, "RETURN 1"));
        }
        String http = url.replace("jdbc:surrealdb://", "jdbc:surrealdb:http://");
        try (Connection c = DriverManager.getConnection(http)) {
            assertEquals(1L, scalar(c, "RETURN 1"));
        }
    }

    @Test
    void loadBalancedHostsRotate(SurrealTestDb db) throws Exception {
        JdbcUrl url = JdbcUrl.parse("jdbc:surrealdb://a:1,b:2,c:3/ns/db");
        Set<URI> firsts = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            List<URI> order = Connector.orderedUris(url, true);
            assertEquals(3, order.size());
            assertEquals(3, new HashSet<>(order).size());
            firsts.add(order.get(0));
        }
        assertEquals(3, firsts.size());
        assertEquals(url.rpcUris(), Connector.orderedUris(url, false));
        // with a dead host in the list every connection still succeeds
        String live = "jdbc:surrealdb://127.0.0.1:" + closedPort() + "," + db.server().host() + ":" + db.server().port()
                + "/" + db.namespace() + "/" + db.database() + "?loadBalanceHosts=true";
        for (int i = 0; i < 4; i++) {
            try (Connection c = DriverManager.getConnection(live)) {
                assertEquals(1L, scalar(c, "RETURN 1"));
            }
        }
    }

    @Test
    void unreachableHostsGive08001() throws Exception {
        int p1 = closedPort();
        int p2 = closedPort();
        SQLException e = assertState("08001", () -> DriverManager.getConnection(
                "jdbc:surrealdb://127.0.0.1:" + p1 + ",127.0.0.1:" + p2 + "/ns/db?connectTimeout=2"));
        assertTrue(e.getMessage().contains("127.0.0.1:" + p1) && e.getMessage().contains("127.0.0.1:" + p2), e.getMessage());
        assertTrue(e.getCause() != null);
    }

    @Test
    void loginTimeout() throws Exception {
        // a server that accepts TCP connections and never answers the WebSocket upgrade
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            t.setDaemon(true);
            t.start();
            long t0 = System.nanoTime();
            SQLException e = assertState("08001", () -> DriverManager.getConnection(
                    "jdbc:surrealdb://127.0.0.1:" + silent.getLocalPort() + "/ns/db?loginTimeout=1"));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms < 2500, "took " + ms);
            assertTrue(e.getMessage().contains("login timeout"), e.getMessage());
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void propertiesWinOverTheUrl(SurrealTestDb db) throws SQLException {
        db.sql("DEFINE DATABASE IF NOT EXISTS other;");
        String url = JdbcTestSupport.url(db) + "?database=nope&applicationName=fromUrl";
        try (Connection c = DriverManager.getConnection(url, props("database", "other"))) {
            assertEquals("other", scalar(c, "RETURN session::db()"));
            assertEquals("other", c.getSchema());
            assertEquals("fromUrl", c.getClientInfo("ApplicationName"));
        }
        try (Connection c = DriverManager.getConnection(url.replace("database=nope&", ""))) {
            assertEquals(db.database(), c.getSchema());
        }
        // an unknown property is a warning, not an error
        try (Connection c = DriverManager.getConnection(JdbcTestSupport.url(db) + "?colour=blue")) {
            assertTrue(c.getWarnings().getMessage().contains("colour"));
        }
        assertState("08001", () -> DriverManager.getConnection(JdbcTestSupport.url(db) + "?connectTimeout=soon"));
    }

    @Test
    void connectionsAreIndependent(SurrealTestDb db) throws SQLException {
        List<Connection> cs = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                cs.add(DriverManager.getConnection(JdbcTestSupport.url(db)));
            }
            Set<Object> ids = cs.stream().map(System::identityHashCode).collect(Collectors.toSet());
            assertEquals(3, ids.size());
            cs.get(0).close();
            assertEquals(1L, scalar(cs.get(1), "RETURN 1"));
            assertNotEquals(cs.get(1), cs.get(2));
        } finally {
            for (Connection c : cs) {
                c.close();
            }
        }
    }
}
