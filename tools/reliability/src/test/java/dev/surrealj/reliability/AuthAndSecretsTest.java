package dev.surrealj.reliability;

import static dev.surrealj.reliability.Support.millisSince;
import static dev.surrealj.reliability.Support.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.jdbc.SurrealConnection;
import dev.surrealj.jdbc.SurrealDataSource;
import dev.surrealj.rpc.Credentials;
import dev.surrealj.rpc.LiveSubscription;
import dev.surrealj.rpc.SurrealClient;
import dev.surrealj.rpc.Tokens;
import dev.surrealj.testing.SurrealServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Authentication failures, expired and forged tokens, record users against table PERMISSIONS, and
 * a scan of everything the driver logged, printed or put in exceptions and {@code toString}s for
 * the passwords and tokens used.
 */
@Order(30)
@Tag("reliability")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthAndSecretsTest {
    static final Report REPORT = Report.of(AuthAndSecretsTest.class, "Auth and secrets",
            "A dev server started with `--user/--pass`: wrong root, database-user and record-access passwords, "
                    + "unknown users, garbage, forged and expired tokens, a session that expires while connected, "
                    + "anonymous statements, and record-access users (and a VIEWER database user) against table "
                    + "PERMISSIONS and DDL. Meanwhile a `java.util.logging` handler at level ALL on the root logger "
                    + "(where `System.Logger` goes by default) and a tee of System.out/err capture everything. "
                    + "Proves: authentication failures are 28000 (`SQLInvalidAuthorizationSpecException`), "
                    + "forbidden DDL/INFO is 42501, PERMISSIONS filter rows silently as SurrealDB defines (other "
                    + "users' records unchanged), and no password or token (nor the wrong ones tried) appears in "
                    + "any log record, console line, exception message/toString/cause, or `toString` of "
                    + "connections, data sources, clients and subscriptions — also across a reconnect that signs in "
                    + "again.");

    private static final String ROOT_PW = "R00t-Secret-Pw-4821";
    private static final String VIEWER_PW = "Viewer-Secret-Pw-7305";
    private static final String ALICE_PW = "Alice-Secret-Pw-3141";
    private static final String BOB_PW = "Bob-Secret-Pw-2718";
    private static final String WRONG_PW = "Wrong-Guess-Pw-9999";
    private static final String NS = "auth";
    private static final String DB = "app";

    private static SurrealServer server;
    private static String url;
    private static LogCapture logs;
    /** Every secret used or tried: none may show up anywhere. */
    private static final Set<String> SECRETS = new LinkedHashSet<>(List.of(ROOT_PW, VIEWER_PW, ALICE_PW, BOB_PW,
            WRONG_PW));
    /** Texts the driver produced that are not logs: exceptions, toStrings. */
    private static final StringBuilder PRODUCED = new StringBuilder();

    @BeforeAll
    static void start() throws SQLException {
        logs = LogCapture.start();
        server = SurrealServer.builder().user("root", ROOT_PW).start();
        url = Support.url(server, NS, DB);
        try (Connection c = DriverManager.getConnection("jdbc:surrealdb://127.0.0.1:" + server.port(),
                props("user", "root", "password", ROOT_PW))) {
            Support.exec(c, "DEFINE NAMESPACE " + NS + "; USE NS " + NS + "; DEFINE DATABASE " + DB + "; USE NS " + NS
                    + " DB " + DB + ";"
                    + "DEFINE USER viewer ON DATABASE PASSWORD '" + VIEWER_PW + "' ROLES VIEWER;"
                    + "DEFINE TABLE user SCHEMALESS PERMISSIONS FOR select, update WHERE id = $auth.id"
                    + " FOR create, delete NONE;"
                    + "DEFINE TABLE doc SCHEMALESS PERMISSIONS FOR select, update, delete WHERE owner = $auth.id"
                    + " FOR create WHERE $auth.id = owner;"
                    + "DEFINE TABLE secret SCHEMALESS PERMISSIONS NONE; CREATE secret:1 SET v = 'top';"
                    + "DEFINE ACCESS account ON DATABASE TYPE RECORD"
                    + " SIGNIN (SELECT * FROM user WHERE email = $email AND crypto::argon2::compare(pass, $pass))"
                    + " DURATION FOR TOKEN 1h, FOR SESSION 1h;"
                    + "DEFINE ACCESS shortlived ON DATABASE TYPE RECORD"
                    + " SIGNIN (SELECT * FROM user WHERE email = $email AND crypto::argon2::compare(pass, $pass))"
                    + " DURATION FOR TOKEN 1s, FOR SESSION 2s;"
                    + "CREATE user:alice SET email = 'alice@x.io', pass = crypto::argon2::generate('" + ALICE_PW + "');"
                    + "CREATE user:bob SET email = 'bob@x.io', pass = crypto::argon2::generate('" + BOB_PW + "');"
                    + "CREATE doc:a1 SET owner = user:alice, text = 'alice doc';"
                    + "CREATE doc:b1 SET owner = user:bob, text = 'bob doc';");
        }
    }

    @AfterAll
    static void stop() {
        if (logs != null) {
            logs.close();
        }
        if (server != null) {
            server.close();
        }
        REPORT.write();
    }

    private static Properties alice(String access) {
        return props("access", access, "var.email", "alice@x.io", "var.pass", ALICE_PW);
    }

    private static void produced(Object o) {
        synchronized (PRODUCED) {
            PRODUCED.append(o instanceof Throwable t ? Errors.fullText(t) : String.valueOf(o)).append('\n');
        }
    }

    /** Expects an SQLException of the given state within {@code maxMillis}; keeps its text for the scan. */
    private static SQLException expect(String state, String what, long maxMillis, SqlWork<?> work) {
        long t0 = System.nanoTime();
        SQLException e = assertThrows(SQLException.class, () -> work.run(null), what);
        long ms = millisSince(t0);
        produced(e);
        REPORT.error(e);
        assertEquals(state, e.getSQLState(), () -> what + ": " + e);
        assertTrue(ms <= maxMillis, what + " took " + ms + " ms");
        REPORT.count("checks: " + state);
        return e;
    }

    @Test
    @Order(1)
    void wrongCredentialsAre28000() {
        long slowest = 0;
        List<Properties> bad = List.of(
                props("user", "root", "password", WRONG_PW),
                props("user", "nobody", "password", WRONG_PW),
                props("user", "viewer", "password", WRONG_PW, "authLevel", "database"),
                props("user", "viewer", "password", VIEWER_PW),               // a database user is not root
                props("access", "account", "var.email", "alice@x.io", "var.pass", WRONG_PW),
                props("access", "account", "var.email", "nobody@x.io", "var.pass", ALICE_PW),
                props("access", "no_such_access", "var.email", "alice@x.io", "var.pass", ALICE_PW),
                props("user", "root", "password", ""));
        for (Properties p : bad) {
            long t0 = System.nanoTime();
            SQLException e = expect("28000", "signin with " + p.keySet(), 5000,
                    x -> DriverManager.getConnection(url, p));
            assertInstanceOf(SQLInvalidAuthorizationSpecException.class, e);
            slowest = Math.max(slowest, millisSince(t0));
        }
        // the password in the URL instead of Properties
        expect("28000", "wrong password in the URL", 5000, x -> DriverManager.getConnection(url + "?user=root&password="
                + URLEncoder.encode(WRONG_PW, StandardCharsets.UTF_8)));
        // anonymous: connecting works, statements are refused
        try (Connection anonymous = DriverManager.getConnection(url)) {
            produced(anonymous);
            expect("28000", "anonymous statement", 2000, x -> Support.scalar(anonymous, "RETURN 1"));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        REPORT.set("wrong credentials tried (root, unknown user, database user, record access, empty)", bad.size() + 1);
        REPORT.set("slowest authentication failure", slowest + " ms");
    }

    @Test
    @Order(2)
    void invalidForgedAndExpiredTokensAre28000() throws Exception {
        Tokens valid;
        Tokens shortLived;
        try (Connection c = DriverManager.getConnection(url, alice("account"))) {
            SurrealConnection sc = c.unwrap(SurrealConnection.class);
            valid = sc.signin(Credentials.recordAccess(NS, DB, "account", Map.of("email", "alice@x.io",
                    "pass", ALICE_PW)));
            shortLived = sc.signin(Credentials.recordAccess(NS, DB, "shortlived", Map.of("email", "alice@x.io",
                    "pass", ALICE_PW)));
            produced(c);
            produced(valid);
            produced(sc.unwrap(SurrealClient.class));
        }
        String token = valid.access();
        assertNotNull(token);
        SECRETS.add(token);
        SECRETS.add(token.substring(token.lastIndexOf('.') + 1));
        SECRETS.add(shortLived.access());
        // the good token works, also given in the URL
        try (Connection c = DriverManager.getConnection(url + "?token=" + token)) {
            assertEquals("alice doc", Support.scalar(c, "SELECT VALUE text FROM ONLY doc:a1"));
            produced(c);
        }
        String sig = token.substring(token.lastIndexOf('.') + 1);
        String forged = token.substring(0, token.lastIndexOf('.') + 1)
                + (sig.charAt(0) == 'A' ? 'B' : 'A') + sig.substring(1);
        String otherClaims = token.substring(0, token.indexOf('.') + 1) + "eyJzdWIiOiJyb290In0." + sig;
        SECRETS.add(forged);
        for (String bad : List.of("not-a-jwt", "a.b.c", forged, otherClaims, "")) {
            if (bad.isEmpty()) {
                continue;
            }
            expect("28000", "token " + (bad.length() > 12 ? "(forged)" : bad), 3000,
                    x -> DriverManager.getConnection(url, props("token", bad)));
        }
        // on an open connection too
        try (Connection c = DriverManager.getConnection(url, props("user", "root", "password", ROOT_PW))) {
            expect("28000", "authenticate(forged)", 3000,
                    x -> {
                        c.unwrap(SurrealConnection.class).authenticate(forged);
                        return null;
                    });
        }
        Thread.sleep(2200); // the short-lived token (FOR TOKEN 1s, whole-second resolution) expires
        SQLException expired = expect("28000", "expired token", 3000,
                x -> DriverManager.getConnection(url, props("token", shortLived.access())));
        assertTrue(expired.getMessage().toLowerCase().contains("expired"), expired.getMessage());
        REPORT.set("tokens refused (garbage, forged signature, forged claims, expired)", 5);
    }

    @Test
    @Order(3)
    void aSessionThatExpiresWhileConnectedFailsWith28000() throws Exception {
        try (Connection c = DriverManager.getConnection(url, alice("account"));
             Connection connectedShort = DriverManager.getConnection(url, alice("shortlived"))) {
            c.unwrap(SurrealConnection.class).signin(Credentials.recordAccess(NS, DB, "shortlived",
                    Map.of("email", "alice@x.io", "pass", ALICE_PW)));
            assertEquals("alice doc", Support.scalar(c, "SELECT VALUE text FROM ONLY doc:a1"));
            assertEquals("alice doc", Support.scalar(connectedShort, "SELECT VALUE text FROM ONLY doc:a1"));
            // FOR SESSION 2s; expiry times have whole-second resolution, so allow one more second
            Thread.sleep(3200);
            SQLException e = expect("28000", "statement after the session expired (signin on an open connection)",
                    2000, x -> Support.scalar(c, "SELECT VALUE text FROM ONLY doc:a1"));
            assertTrue(e.getMessage().toLowerCase().contains("expired"), e.getMessage());
            SQLException e2 = expect("28000", "statement after the session expired (session opened by connect)",
                    2000, x -> Support.scalar(connectedShort, "SELECT VALUE text FROM ONLY doc:a1"));
            assertTrue(e2.getMessage().toLowerCase().contains("expired"), e2.getMessage());
            produced(c);
            produced(connectedShort);
            REPORT.set("record sessions (FOR SESSION 2s) opened by connect() and by signin(): 3.2 s later",
                    "both 28000 \"The session has expired\"");
        }
    }

    @Test
    @Order(4)
    void recordUsersMeetTablePermissions() throws Exception {
        int checks = 0;
        try (Connection a = DriverManager.getConnection(url, alice("account"));
             Connection root = DriverManager.getConnection(url, props("user", "root", "password", ROOT_PW))) {
            produced(a);
            assertEquals(List.of("doc:a1"), ids(a, "SELECT VALUE id FROM doc"), "alice sees only her document");
            assertEquals(List.of(), ids(a, "SELECT * FROM secret"), "PERMISSIONS NONE hides every record");
            assertEquals(List.of(), ids(a, "SELECT * FROM user:bob"), "other users are hidden");
            checks += 3;
            for (String write : List.of("UPDATE doc:b1 SET text = 'hacked'", "DELETE doc:b1",
                    "CREATE doc:x SET owner = user:bob, text = 'forged'", "CREATE secret:2 SET v = 'x'",
                    "DELETE user:bob", "UPDATE user:bob SET email = 'evil@x.io'")) {
                try (Statement st = a.createStatement()) {
                    assertEquals(0, st.executeUpdate(write), write);
                }
                checks++;
            }
            assertEquals("bob doc", Support.scalar(root, "SELECT VALUE text FROM ONLY doc:b1"));
            assertEquals(1L, Support.scalar(root, "RETURN count(SELECT * FROM secret)"));
            assertEquals(2L, Support.scalar(root, "RETURN count(SELECT * FROM doc)"));
            assertEquals("bob@x.io", Support.scalar(root, "SELECT VALUE email FROM ONLY user:bob"));
            for (String ddl : List.of("DEFINE TABLE x", "INFO FOR DB", "REMOVE TABLE doc",
                    "DEFINE USER evil ON DATABASE PASSWORD 'x' ROLES OWNER", "DEFINE ACCESS evil ON DATABASE TYPE RECORD",
                    "REMOVE ACCESS account ON DATABASE")) {
                SQLException e = expect("42501", "record user: " + ddl, 2000, x -> Support.scalar(a, ddl));
                assertInstanceOf(SQLSyntaxErrorException.class, e);
                checks++;
            }
            // the connection stays usable after permission errors (not a connection error: pools keep it)
            assertEquals("alice doc", Support.scalar(a, "SELECT VALUE text FROM ONLY doc:a1"));
            assertTrue(a.isValid(2));
            // a live query only sees what the user may select
            try (LiveSubscription sub = a.unwrap(SurrealConnection.class).live("doc", false)) {
                produced(sub);
                Support.exec(root, "UPDATE doc:b1 SET seen = 1; UPDATE doc:a1 SET seen = 1;");
                var n = sub.poll(java.time.Duration.ofSeconds(5));
                assertNotNull(n, "alice gets her own change");
                assertTrue(String.valueOf(n.recordId()).contains("a1"), () -> "alice was told about " + n.recordId());
                checks++;
            }
        }
        try (Connection v = DriverManager.getConnection(url, props("user", "viewer", "password", VIEWER_PW,
                "authLevel", "database"))) {
            produced(v);
            assertEquals(2, ids(v, "SELECT VALUE id FROM doc").size(), "a VIEWER reads everything");
            expect("42501", "viewer: DEFINE TABLE", 2000, x -> Support.scalar(v, "DEFINE TABLE y"));
            expect("42501", "viewer: REMOVE TABLE", 2000, x -> Support.scalar(v, "REMOVE TABLE doc"));
            checks += 3;
        }
        REPORT.set("permission checks (record user and VIEWER)", checks);
        REPORT.note("SurrealDB applies table PERMISSIONS by filtering: a record user's SELECT/UPDATE/DELETE/CREATE "
                + "on records it may not touch affects 0 records without an error; DDL and INFO fail with 42501.");
    }

    private static List<String> ids(Connection c, String surql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(surql)) {
            while (rs.next()) {
                out.add(String.valueOf(rs.getObject(1) instanceof Map<?, ?> m ? m.get("id") : rs.getObject(1)));
            }
        }
        return out;
    }

    @Test
    @Order(5)
    void secretsSurviveAReconnectAndTheApiSurface() throws Exception {
        try (FaultProxy proxy = new FaultProxy("127.0.0.1", server.port())) {
            String proxied = Support.url(proxy.port(), NS, DB) + "?reconnect=true&password="
                    + URLEncoder.encode(ROOT_PW, StandardCharsets.UTF_8);
            try (Connection c = DriverManager.getConnection(proxied, props("user", "root"))) {
                produced(c);
                assertNotNull(Support.scalar(c, "INFO FOR DB"));
                proxy.cut();
                REPORT.count("faults injected: connection cut under a signed-in session");
                Support.await(() -> {
                    try {
                        return Support.scalar(c, "INFO FOR DB") != null;
                    } catch (SQLException e) {
                        return false;
                    }
                }, java.time.Duration.ofSeconds(10), "signed in again after the reconnect");
                produced(c);
                produced(c.unwrap(SurrealClient.class));
            }
        }
        SurrealDataSource ds = new SurrealDataSource();
        ds.setUrl(url);
        ds.setUser("root");
        ds.setPassword(ROOT_PW);
        ds.setProperty("trustStorePassword", ROOT_PW);
        ds.setSigninVariable("pass", ALICE_PW);
        produced(ds);
        try (Connection c = ds.getConnection()) {
            produced(c);
        }
        produced(Credentials.root("root", ROOT_PW));
        produced(Credentials.recordAccess(NS, DB, "account", Map.of("email", "alice@x.io", "pass", ALICE_PW)));
        produced(Credentials.token(SECRETS.stream().filter(s -> s.length() > 100).findFirst().orElse("x")));
        try (Connection c = DriverManager.getConnection(url, props("user", "root", "password", ROOT_PW))) {
            expect("28000", "signin() with a wrong password on an open connection", 3000, x -> c.unwrap(
                    SurrealConnection.class).signin(Credentials.root("root", WRONG_PW)));
        }
    }

    @Test
    @Order(99)
    void noSecretAppearsInLogsConsoleExceptionsOrToString() {
        // the capture sees the driver's System.Logger output down to DEBUG
        System.getLogger("dev.surrealj.jdbc").log(System.Logger.Level.DEBUG, "capture self-check {0}", "canary-7731");
        String logged = logs.text();
        assertTrue(logged.contains("capture self-check canary-7731"), "the log capture does not see DEBUG records");
        String produced;
        synchronized (PRODUCED) {
            produced = PRODUCED.toString();
        }
        List<String> leaks = new ArrayList<>();
        for (String s : SECRETS) {
            if (s.length() < 8) {
                continue;
            }
            String shown = s.length() > 24 ? s.substring(0, 12) + "…" : s;
            if (logged.contains(s)) {
                int at = logged.indexOf(s);
                leaks.add("log/console: " + shown + " in «" + logged.substring(Math.max(0, at - 120), at) + "»");
            }
            if (produced.contains(s)) {
                int at = produced.indexOf(s);
                leaks.add("exception/toString: " + shown + " in «" + produced.substring(Math.max(0, at - 120), at) + "»");
            }
        }
        long driverRecords = logs.recordsFrom("dev.surrealj");
        REPORT.set("log records captured (all loggers, level ALL) / from dev.surrealj.*",
                logs.records() + " / " + driverRecords);
        REPORT.set("System.out/System.err bytes captured (besides java.util.logging)", logs.consoleBytes());
        REPORT.set("exception and toString texts scanned", produced.length() + " characters");
        REPORT.set("secrets searched for (passwords, wrong passwords, tokens, token signatures)", SECRETS.size());
        REPORT.set("secrets found", leaks.isEmpty() ? "none" : leaks.size());
        assertTrue(driverRecords > 10, "the capture saw too little of the driver's logging: " + driverRecords);
        assertTrue(leaks.isEmpty(), () -> "secrets leaked:\n" + String.join("\n", leaks));
    }
}
