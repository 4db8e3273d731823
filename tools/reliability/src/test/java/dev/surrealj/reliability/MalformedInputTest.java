package dev.surrealj.reliability;

import static dev.surrealj.reliability.Support.millisSince;
import static dev.surrealj.reliability.Support.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.surrealj.jdbc.SurrealDataSource;
import dev.surrealj.jdbc.SurrealDriver;
import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Malformed URLs and connection properties: every one gives an {@link SQLException} with SQLState
 * 08001 that names the problem, at once (before any network traffic), without echoing secrets.
 */
@Order(10)
@Tag("reliability")
@ExtendWith(SurrealExtension.class)
class MalformedInputTest {
    static final Report REPORT = Report.of(MalformedInputTest.class, "Bad input: malformed URLs and properties",
            "Dozens of malformed JDBC URLs and invalid property values (through the URL, `Properties` and the "
                    + "DataSource) are given to the driver, pointed at a port that accepts connections and never "
                    + "answers. Proves: each fails with an `SQLException` (SQLState 08001, or 0A000 for an "
                    + "unsupported feature) whose message names the offending part, in well under a second (so "
                    + "before any connection attempt), never with a RuntimeException, and never repeating a "
                    + "password or token given alongside; foreign URLs are declined (`null`), and unknown property "
                    + "names only warn.");

    private static final String SECRET = "Url-S3cret-pw!";
    private static ServerSocket silent;
    private static String hostPort;
    private static java.nio.file.Path notAKeyStore;

    @BeforeAll
    static void silentPort() throws IOException {
        // accepts TCP connections and never answers: a driver that tried to connect would hang here
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        hostPort = "127.0.0.1:" + silent.getLocalPort();
        notAKeyStore = java.nio.file.Files.createTempFile("not-a-keystore", ".p12");
        java.nio.file.Files.writeString(notAKeyStore, "this is not a key store");
    }

    @AfterAll
    static void close() throws IOException {
        silent.close();
        java.nio.file.Files.deleteIfExists(notAKeyStore);
        REPORT.write();
    }

    private record Case(String what, String url, Properties props, String state, String mentions) {
    }

    private static Case url(String what, String url, String mentions) {
        return new Case(what, url, new Properties(), "08001", mentions);
    }

    private static Case prop(String what, String name, String value, String mentions) {
        return new Case(what, "jdbc:surrealdb://" + hostPort + "/ns/db", props(name, value, "password", SECRET),
                "08001", mentions);
    }

    private static List<Case> cases() {
        String base = "jdbc:surrealdb://" + hostPort + "/ns/db";
        List<Case> c = new ArrayList<>();
        c.add(url("no host", "jdbc:surrealdb://", "host"));
        c.add(url("nothing after the prefix", "jdbc:surrealdb:", "expected"));
        c.add(url("port not a number", "jdbc:surrealdb://127.0.0.1:http/ns/db", "port"));
        c.add(url("port out of range", "jdbc:surrealdb://127.0.0.1:99999/ns/db", "port"));
        c.add(url("negative port", "jdbc:surrealdb://127.0.0.1:-1/ns/db", "port"));
        c.add(url("unknown transport", "jdbc:surrealdb:ftp://127.0.0.1/ns/db", "transport"));
        c.add(url("transport without //", "jdbc:surrealdb:ws:127.0.0.1/ns/db", "//"));
        c.add(url("three path segments", "jdbc:surrealdb://" + hostPort + "/ns/db/extra", "path"));
        c.add(url("IPv6 without ]", "jdbc:surrealdb://[::1/ns/db", "IPv6"));
        c.add(url("not an IPv6 address", "jdbc:surrealdb://[zz::1]/ns/db", "IPv6"));
        c.add(url("credentials in the authority", "jdbc:surrealdb://root:" + SECRET + "@" + hostPort + "/ns/db",
                "credentials"));
        c.add(url("fragment", base + "#frag", "fragment"));
        c.add(url("empty parameter name", base + "?=x", "name"));
        c.add(url("bad percent-encoding", "jdbc:surrealdb://" + hostPort + "/n%zzs/db", "percent"));
        c.add(url("percent-encoding of invalid UTF-8", "jdbc:surrealdb://" + hostPort + "/n%c3%28/db", "UTF-8"));
        c.add(url("empty host in a host list", "jdbc:surrealdb://127.0.0.1,,127.0.0.2/ns/db", "empty"));
        c.add(url("space in the host", "jdbc:surrealdb://bad host/ns/db", "host"));
        c.add(url("100 KB of garbage", "jdbc:surrealdb://" + "\u0000\u00ff<>".repeat(25_000), "host"));
        c.add(url("bad value in the URL", base + "?connectTimeout=soon", "connectTimeout"));
        c.add(url("secret next to a bad value in the URL", base + "?password=" + SECRET + "&requestTimeout=-3",
                "requestTimeout"));
        c.add(prop("not a number", "connectTimeout", "abc", "connectTimeout"));
        c.add(prop("a decimal for an int", "requestTimeout", "1.5", "requestTimeout"));
        c.add(prop("negative", "reconnectMaxAttempts", "-5", "reconnectMaxAttempts"));
        c.add(prop("int overflow", "keepAliveInterval", "99999999999", "keepAliveInterval"));
        c.add(prop("not a boolean", "reconnect", "maybe", "reconnect"));
        c.add(prop("not a boolean (insecure)", "insecure", "perhaps", "insecure"));
        c.add(prop("unknown enum value", "authLevel", "galaxy", "authLevel"));
        c.add(prop("below the minimum", "maxDepth", "0", "maxDepth"));
        c.add(prop("frame size too small", "maxFrameSize", "10", "maxFrameSize"));
        c.add(prop("zero live buffer", "liveQueryBuffer", "0", "liveQueryBuffer"));
        String wss = "jdbc:surrealdb:wss://" + hostPort + "/ns/db";
        c.add(new Case("trust store file missing", wss,
                props("trustStore", "/nonexistent/trust.p12", "trustStorePassword", SECRET), "08001", "trust"));
        c.add(new Case("trust store of an unknown type", wss, props("trustStore", notAKeyStore.toString(),
                "trustStoreType", "XYZ", "trustStorePassword", SECRET), "08001", "trust"));
        c.add(new Case("trust store that is not a key store", wss, props("trustStore", notAKeyStore.toString(),
                "trustStorePassword", SECRET), "08001", "trust"));
        c.add(new Case("token and authLevel together", "jdbc:surrealdb://" + hostPort + "/ns/db",
                props("token", "eyJhbGciOi.secret-token.x", "authLevel", "root", "user", "root"), "08001", "token"));
        c.add(new Case("record access without 'access'", "jdbc:surrealdb://" + hostPort + "/ns/db",
                props("authLevel", "record", "var.pass", SECRET), "08001", "access"));
        c.add(new Case("authLevel database without a database", "jdbc:surrealdb://" + hostPort,
                props("authLevel", "database", "user", "u", "password", SECRET), "08001", "database"));
        c.add(new Case("a database without a namespace", "jdbc:surrealdb://" + hostPort,
                props("database", "db"), "08001", "namespace"));
        c.add(new Case("sqlTranslation (no translator on the class path)", "jdbc:surrealdb://" + hostPort + "/ns/db",
                props("sqlTranslation", "true"), "0A000", "sqlTranslation"));
        return c;
    }

    @Test
    void everyMalformedUrlOrPropertyFailsAtOnceWithAClearSqlException() {
        List<String> problems = new ArrayList<>();
        long slowest = 0;
        int n = 0;
        for (Case k : cases()) {
            n++;
            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(k.url(), k.props())) {
                problems.add(k.what() + ": connected (" + c + ")");
                continue;
            } catch (SQLException e) {
                long ms = millisSince(t0);
                slowest = Math.max(slowest, ms);
                REPORT.error(e);
                String m = String.valueOf(e.getMessage());
                if (!k.state().equals(e.getSQLState())) {
                    problems.add(k.what() + ": SQLState " + e.getSQLState() + " (" + m + ")");
                }
                if (!m.toLowerCase(Locale.ROOT).contains(k.mentions().toLowerCase(Locale.ROOT))) {
                    problems.add(k.what() + ": message does not mention '" + k.mentions() + "': " + m);
                }
                if (Errors.fullText(e).contains(SECRET) || Errors.fullText(e).contains("secret-token")) {
                    problems.add(k.what() + ": the secret appears in the exception: " + m);
                }
                if (m.length() > 2000) {
                    problems.add(k.what() + ": a message of " + m.length() + " characters");
                }
                if (ms > 1000) {
                    problems.add(k.what() + ": took " + ms + " ms (a connection attempt?)");
                }
            } catch (RuntimeException e) {
                problems.add(k.what() + ": " + e);
            }
        }
        REPORT.set("malformed URLs and properties tried", n);
        REPORT.set("slowest failure", slowest + " ms");
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void theDataSourceAndDriverApiReportTheSame() throws SQLException {
        SurrealDataSource ds = new SurrealDataSource();
        ds.setUrl("jdbc:surrealdb://" + hostPort + "/ns/db");
        ds.setPassword(SECRET);
        ds.setProperty("requestTimeout", "forever");
        try (Connection c = ds.getConnection()) {
            fail("connected: " + c);
        } catch (SQLException e) {
            assertEquals("08001", e.getSQLState());
            assertTrue(e.getMessage().contains("requestTimeout"), e.getMessage());
            assertFalse(Errors.fullText(e).contains(SECRET));
            REPORT.error(e);
        }
        assertFalse(ds.toString().contains(SECRET), ds::toString);

        SurrealDriver driver = new SurrealDriver();
        // foreign URLs: declined, as the JDBC contract says
        for (String foreign : List.of("jdbc:postgresql://localhost/db", "jdbc:surreal://x", "surrealdb://x/ns/db",
                "", "jdbc:")) {
            assertFalse(driver.acceptsURL(foreign), foreign);
            assertNull(driver.connect(foreign, new Properties()), foreign);
        }
        assertFalse(driver.acceptsURL(null));
        // a half-typed URL in a tool's dialog still lists the properties
        assertTrue(driver.getPropertyInfo("jdbc:surrealdb://", new Properties()).length > 10);
        REPORT.count("API checks", 8);
    }

    @Test
    void unknownPropertyNamesOnlyWarn(SurrealTestDb db) throws SQLException {
        String url = Support.url(db.server(), db.namespace(), db.database()) + "?conectTimeout=5";
        try (Connection c = DriverManager.getConnection(url, props("queryTimeot", "3"))) {
            assertEquals(1L, Support.scalar(c, "RETURN 1"));
            List<String> warnings = new ArrayList<>();
            for (SQLWarning w = c.getWarnings(); w != null; w = w.getNextWarning()) {
                warnings.add(w.getMessage());
            }
            String all = String.join(" | ", warnings);
            assertTrue(all.contains("conectTimeout") && all.contains("queryTimeot"), all);
            assertNotNull(c.getWarnings());
            REPORT.set("unknown property names", "connect, with an SQLWarning each: " + warnings.size());
        }
    }
}
