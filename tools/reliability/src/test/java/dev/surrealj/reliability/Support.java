package dev.surrealj.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.surrealj.testing.SurrealServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Small helpers shared by the suite. */
final class Support {
    private Support() {
    }

    /** {@code jdbc:surrealdb://127.0.0.1:port/ns/db}. */
    static String url(int port, String ns, String db) {
        return "jdbc:surrealdb://127.0.0.1:" + port + "/" + ns + "/" + db;
    }

    /** A URL for the server, or for a proxy port in front of it. */
    static String url(SurrealServer server, String ns, String db) {
        return url(server.port(), ns, db);
    }

    /** Properties from alternating names and values. */
    static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    /** Properties with a base and extra alternating names and values. */
    static Properties props(Properties base, String... kv) {
        Properties p = new Properties();
        p.putAll(base);
        p.putAll(props(kv));
        return p;
    }

    /** Defines namespace {@code ns} and databases {@code dbs} on a server, as root. */
    static void define(SurrealServer server, String user, String pass, String ns, String... dbs) throws SQLException {
        Properties p = user == null ? new Properties() : props("user", user, "password", pass);
        try (Connection c = DriverManager.getConnection("jdbc:surrealdb://127.0.0.1:" + server.port(), p);
             Statement st = c.createStatement()) {
            StringBuilder sql = new StringBuilder("DEFINE NAMESPACE IF NOT EXISTS " + ns + "; USE NS " + ns + ";");
            for (String db : dbs) {
                sql.append(" DEFINE DATABASE IF NOT EXISTS ").append(db).append(";");
            }
            st.execute(sql.toString());
        }
    }

    /** Runs SurrealQL (one or more statements, failures thrown). */
    static void exec(Connection c, String surql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(surql);
            while (st.getMoreResults() || st.getUpdateCount() != -1) {
                // walk every statement so a failure anywhere is thrown
            }
        }
    }

    /** The first column of the first row. */
    static Object scalar(Connection c, String surql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(surql)) {
            assertTrue(rs.next(), "no row from " + surql);
            return rs.getObject(1);
        }
    }

    /** Waits until {@code condition} holds, failing after {@code limit}. */
    static void await(BooleanSupplier condition, Duration limit, String what) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("not within " + limit.toMillis() + " ms: " + what);
            }
            sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    /** A HikariCP pool of the driver's DataSource. */
    static HikariDataSource pool(String name, String url, Properties driverProps, int size,
                                 long connectionTimeoutMs) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(name);
        hc.setDataSourceClassName("dev.surrealj.jdbc.SurrealDataSource");
        hc.addDataSourceProperty("url", url);
        for (Map.Entry<Object, Object> e : driverProps.entrySet()) {
            hc.addDataSourceProperty((String) e.getKey(), e.getValue());
        }
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(size);
        hc.setConnectionTimeout(connectionTimeoutMs);
        hc.setValidationTimeout(Math.max(250, Math.min(1000, connectionTimeoutMs - 100)));
        hc.setInitializationFailTimeout(-1);
        return new HikariDataSource(hc);
    }

    /** A self-signed certificate for localhost / 127.0.0.1 ({@code cert.pem}, {@code key.pem} in {@code dir}). */
    static void selfSignedCertificate(Path dir, String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", dir.resolve(name + "-key.pem").toString(),
                "-out", dir.resolve(name + "-cert.pem").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl did not finish");
        assertEquals(0, p.exitValue(), out);
    }

    /** A PKCS12 trust store holding one certificate. */
    static Path trustStore(Path certPem, Path store, char[] password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(certPem)) {
            Certificate c = CertificateFactory.getInstance("X.509").generateCertificate(in);
            ks.setCertificateEntry("surrealj-reliability", c);
        }
        try (OutputStream o = Files.newOutputStream(store)) {
            ks.store(o, password);
        }
        return store;
    }
}
