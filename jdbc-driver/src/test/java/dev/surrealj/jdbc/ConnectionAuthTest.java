package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.JdbcTestSupport.assertState;
import static dev.surrealj.jdbc.JdbcTestSupport.props;
import static dev.surrealj.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.rpc.Credentials;
import dev.surrealj.rpc.Tokens;
import dev.surrealj.testing.SurrealServer;
import dev.surrealj.value.RecordId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authentication against a server that requires it (its own server, with a root user). */
class ConnectionAuthTest {
    private static final String NS = "authns";
    private static final String DB = "authdb";
    private static final String ROOT_PW = "r00t-Secret!";
    private static SurrealServer server;
    private static String url;

    @BeforeAll
    static void start() throws SQLException {
        server = SurrealServer.builder().user("root", ROOT_PW).start();
        url = JdbcTestSupport.url(server, NS, DB);
        try (Connection c = DriverManager.getConnection("jdbc:surrealdb://" + server.host() + ":" + server.port(),
                props("user", "root", "password", ROOT_PW));
             Statement st = c.createStatement()) {
            st.execute("DEFINE NAMESPACE " + NS + "; USE NS " + NS + "; DEFINE DATABASE " + DB + ";"
                    + "DEFINE USER nsuser ON NAMESPACE PASSWORD 'ns-Pass1' ROLES EDITOR;"
                    + "USE NS " + NS + " DB " + DB + ";"
                    + "DEFINE USER dbuser ON DATABASE PASSWORD 'db-Pass1' ROLES EDITOR;"
                    + "DEFINE TABLE user SCHEMALESS PERMISSIONS FOR select WHERE id = $auth.id;"
                    + "DEFINE ACCESS account ON DATABASE TYPE RECORD"
                    + " SIGNUP (CREATE user SET email = $email, pass = crypto::argon2::generate($pass))"
                    + " SIGNIN (SELECT * FROM user WHERE email = $email AND crypto::argon2::compare(pass, $pass))"
                    + " DURATION FOR SESSION 1h;"
                    + "CREATE user:existing SET email = 'ex@x.io', pass = crypto::argon2::generate('ex-Pass1');");
        }
    }

    @Test
    void metadataShowsOnlyWhatAnUnprivilegedUserMaySee() throws SQLException {
        try (Connection root = DriverManager.getConnection(url, props("user", "root", "password", ROOT_PW));
             Statement st = root.createStatement()) {
            st.execute("DEFINE NAMESPACE IF NOT EXISTS otherns; DEFINE TABLE IF NOT EXISTS visible SCHEMALESS;");
            java.util.List<String> all = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = root.getMetaData().getCatalogs()) {
                while (rs.next()) {
                    all.add(rs.getString("TABLE_CAT"));
                }
            }
            assertTrue(all.contains(NS) && all.contains("otherns"), all.toString());
        }
        try (Connection c = DriverManager.getConnection(url,
                props("user", "dbuser", "password", "db-Pass1", "authLevel", "database"))) {
            java.util.List<String> catalogs = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = c.getMetaData().getCatalogs()) {
                while (rs.next()) {
                    catalogs.add(rs.getString("TABLE_CAT"));
                }
            }
            assertEquals(java.util.List.of(NS), catalogs, "a database user cannot list the root's namespaces");
            java.util.List<String> schemas = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = c.getMetaData().getSchemas()) {
                while (rs.next()) {
                    schemas.add(rs.getString("TABLE_SCHEM"));
                }
            }
            assertEquals(java.util.List.of(DB), schemas);
            boolean visible = false;
            try (java.sql.ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
                while (rs.next()) {
                    visible |= rs.getString("TABLE_NAME").equals("visible");
                }
            }
            assertTrue(visible, "the database user sees its database's tables");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rootUser() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, props("user", "root", "password", ROOT_PW))) {
            assertEquals(DB, scalar(c, "RETURN session::db()"));
            assertFalse(c.toString().contains(ROOT_PW));
            assertEquals("root", c.getMetaData().getUserName());
        }
        // credentials in the URL work too (Properties are preferred)
        try (Connection c = DriverManager.getConnection(url + "?user=root&password=" + ROOT_PW.replace("!", "%21"))) {
            assertEquals(1L, scalar(c, "RETURN 1"));
        }
    }

    @Test
    void wrongPasswordIs28000WithoutThePassword() throws SQLException {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            SQLException e = assertState(SQLInvalidAuthorizationSpecException.class, "28000",
                    () -> DriverManager.getConnection(url, props("user", "root", "password", "wrong-Guess-42")));
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains("wrong-Guess-42"), t::toString);
                assertFalse(t.toString().contains("wrong-Guess-42"));
            }
            SQLException e2 = assertState("28000",
                    () -> DriverManager.getConnection(url + "?password=wrong-Guess-42&user=root"));
            assertFalse(e2.getMessage().contains("wrong-Guess-42"), e2.getMessage());
            // anonymous on a server that requires authentication: connecting works, statements are refused
            try (Connection anonymous = DriverManager.getConnection(url)) {
                assertState("28000", () -> scalar(anonymous, "RETURN 1"));
            }
        } finally {
            System.setErr(err);
        }
        assertFalse(captured.toString().contains("wrong-Guess-42"));
    }

    @Test
    void namespaceAndDatabaseUsers() throws SQLException {
        try (Connection c = DriverManager.getConnection(url,
                props("user", "nsuser", "password", "ns-Pass1", "authLevel", "namespace"))) {
            assertEquals(NS, scalar(c, "RETURN session::ns()"));
            try (Statement st = c.createStatement()) {
                st.execute("CREATE nsthing:1");
            }
        }
        try (Connection c = DriverManager.getConnection(url,
                props("user", "dbuser", "password", "db-Pass1", "authLevel", "database"))) {
            assertEquals(DB, scalar(c, "RETURN session::db()"));
            assertEquals(1L, scalar(c, "RETURN count(SELECT * FROM nsthing)"));
        }
        // a database user is not a root user
        assertState("28000", () -> DriverManager.getConnection(url, props("user", "dbuser", "password", "db-Pass1")));
        assertState("28000", () -> DriverManager.getConnection(url,
                props("user", "dbuser", "password", "nope", "authLevel", "database")));
    }

    @Test
    void recordAccess() throws SQLException {
        // sign up through the SurrealConnection API on a root connection
        try (Connection c = DriverManager.getConnection(url, props("user", "root", "password", ROOT_PW))) {
            SurrealConnection sc = c.unwrap(SurrealConnection.class);
            Tokens t = sc.signup(Credentials.recordAccess(NS, DB, "account",
                    Map.of("email", "new@x.io", "pass", "new-Pass1")));
            assertNotNull(t.access());
            Object info = sc.info();
            assertTrue(info.toString().contains("new@x.io"), info::toString);
        }
        Properties p = props("access", "account", "var.email", "ex@x.io", "var.pass", "ex-Pass1");
        try (Connection c = DriverManager.getConnection(url, p)) {
            assertEquals(new RecordId("user", "existing"), scalar(c, "RETURN $auth.id"));
            assertFalse(c.toString().contains("ex-Pass1"));
        }
        Properties bad = props("access", "account", "var.email", "ex@x.io", "var.pass", "bad-Pass9");
        SQLException e = assertState("28000", () -> DriverManager.getConnection(url, bad));
        assertFalse(e.getMessage().contains("bad-Pass9"));
    }

    @Test
    void token() throws SQLException {
        String token;
        try (Connection c = DriverManager.getConnection(url, props("user", "dbuser", "password", "db-Pass1",
                "authLevel", "database"))) {
            token = c.unwrap(SurrealConnection.class).signin(Credentials.database(NS, DB, "dbuser", "db-Pass1")).access();
        }
        assertNotNull(token);
        try (Connection c = DriverManager.getConnection(url, props("token", token))) {
            assertEquals(DB, scalar(c, "RETURN session::db()"));
            assertFalse(c.toString().contains(token));
        }
        assertState("28000", () -> DriverManager.getConnection(url, props("token", token.substring(0, token.length() - 4) + "AAAA")));
        // authenticate on an open connection
        try (Connection c = DriverManager.getConnection(url, props("user", "root", "password", ROOT_PW))) {
            c.unwrap(SurrealConnection.class).authenticate(token);
            assertEquals(1L, scalar(c, "RETURN 1"));
            c.unwrap(SurrealConnection.class).invalidate();
            assertState("28000", () -> scalar(c, "RETURN 1"));
        }
    }

    @Test
    void dataSourceCredentials() throws SQLException {
        SurrealDataSource ds = new SurrealDataSource();
        ds.setUrl(url);
        ds.setUser("root");
        ds.setPassword(ROOT_PW);
        try (Connection c = ds.getConnection()) {
            assertEquals(1L, scalar(c, "RETURN 1"));
        }
        try (Connection c = ds.getConnection("dbuser", "db-Pass1")) {
            fail28000Expected(c);
        } catch (SQLException e) {
            assertEquals("28000", e.getSQLState()); // dbuser is not a root user
        }
        ds.setAuthLevel("database");
        try (Connection c = ds.getConnection("dbuser", "db-Pass1")) {
            assertEquals(1L, scalar(c, "RETURN 1"));
        }
        assertFalse(ds.toString().contains(ROOT_PW), ds::toString);
    }

    private static void fail28000Expected(Connection c) {
        throw new AssertionError("expected 28000, connected: " + c);
    }
}
