package dev.surrealj.reliability;

import static dev.surrealj.reliability.Support.millisSince;
import static dev.surrealj.reliability.Support.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.surrealj.testing.SurrealServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wss and https against a dev server with a self-signed certificate: accepted with a trust store
 * that holds it, refused (08001) without one, with another certificate, with the wrong store
 * password, with the wrong host name, and across protocol mismatches.
 */
@Order(40)
@Tag("reliability")
class TlsTrustTest {
    static final Report REPORT = Report.of(TlsTrustTest.class, "TLS",
            "The dev server serves `wss://`/`https://` with a self-signed certificate made by openssl "
                    + "(CN=localhost, SAN DNS:localhost, IP:127.0.0.1); trust stores are built with the KeyStore API "
                    + "(PKCS12 and JKS). Proves: a configured trust store is accepted (WebSocket and HTTP, by IP and "
                    + "by name, and through HikariCP under concurrent load); without it, with a store holding another "
                    + "certificate, with the wrong store password, with a host name the certificate does not name, "
                    + "and with plain ws:// to a TLS port or wss:// to a plain port, connecting fails within the "
                    + "connect timeout with SQLState 08001 and a message that says why, and the trust store password "
                    + "never appears in messages or logs.");

    private static final String STORE_PW = "Trust-Store-Pw-6180";
    private static final String WRONG_STORE_PW = "Wrong-Store-Pw-1414";

    @TempDir
    static Path dir;
    private static SurrealServer tlsServer;
    private static Path trustP12;
    private static Path trustJks;
    private static Path otherP12;
    private static LogCapture logs;
    private static final StringBuilder PRODUCED = new StringBuilder();

    @BeforeAll
    static void start() throws Exception {
        logs = LogCapture.start();
        Support.selfSignedCertificate(dir, "server");
        Support.selfSignedCertificate(dir, "other");
        trustP12 = Support.trustStore(dir.resolve("server-cert.pem"), dir.resolve("trust.p12"), STORE_PW.toCharArray());
        otherP12 = Support.trustStore(dir.resolve("other-cert.pem"), dir.resolve("other.p12"), STORE_PW.toCharArray());
        trustJks = dir.resolve("trust.jks");
        KeyStore jks = KeyStore.getInstance("JKS");
        jks.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("server-cert.pem"))) {
            jks.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (OutputStream o = Files.newOutputStream(trustJks)) {
            jks.store(o, STORE_PW.toCharArray());
        }
        tlsServer = SurrealServer.builder().tls(dir.resolve("server-cert.pem"), dir.resolve("server-key.pem")).start();
        assertEquals("wss", tlsServer.wsUrl().getScheme());
        try (Connection c = DriverManager.getConnection("jdbc:surrealdb:wss://127.0.0.1:" + tlsServer.port(),
                trusted())) {
            Support.exec(c, "DEFINE NAMESPACE tls; USE NS tls; DEFINE DATABASE main;");
        }
    }

    @AfterAll
    static void stop() {
        if (tlsServer != null) {
            tlsServer.close();
        }
        if (logs != null) {
            String all = logs.text() + PRODUCED;
            logs.close();
            REPORT.set("trust store password in messages, logs or console", all.contains(STORE_PW)
                    || all.contains(WRONG_STORE_PW) ? "FOUND" : "never");
            assertFalse(all.contains(STORE_PW) || all.contains(WRONG_STORE_PW), "a trust store password leaked");
        }
        REPORT.write();
    }

    private static Properties trusted() {
        return props("trustStore", trustP12.toString(), "trustStorePassword", STORE_PW, "connectTimeout", "5");
    }

    private static String url(String scheme, String host) {
        return "jdbc:surrealdb:" + scheme + "://" + host + ":" + tlsServer.port() + "/tls/main";
    }

    @Test
    void aConfiguredTrustStoreIsAccepted() throws Exception {
        int ok = 0;
        for (String scheme : List.of("wss", "https")) {
            for (String host : List.of("127.0.0.1", "localhost")) {
                try (Connection c = DriverManager.getConnection(url(scheme, host), trusted())) {
                    assertEquals(7L, Support.scalar(c, "RETURN 3 + 4"), scheme + "://" + host);
                    PRODUCED.append(c).append('\n');
                    ok++;
                }
            }
        }
        Properties jks = props("trustStore", trustJks.toString(), "trustStorePassword", STORE_PW);
        try (Connection c = DriverManager.getConnection(url("wss", "127.0.0.1"), jks)) {
            assertEquals(1L, Support.scalar(c, "RETURN 1"), "JKS store found by its .jks name");
            ok++;
        }
        Properties explicit = props(trusted(), "trustStoreType", "PKCS12");
        try (Connection c = DriverManager.getConnection(url("wss", "localhost"), explicit)) {
            assertEquals(1L, Support.scalar(c, "RETURN 1"));
            ok++;
        }
        try (Connection c = DriverManager.getConnection(url("wss", "127.0.0.1"), props("insecure", "true"))) {
            assertEquals(1L, Support.scalar(c, "RETURN 1"), "insecure=true (development only)");
            ok++;
        }
        REPORT.set("accepted: wss and https, by IP and by name, PKCS12 and JKS, insecure=true", ok + " connections");

        // concurrent load through a pool over wss
        try (HikariDataSource ds = Support.pool("tls", url("wss", "localhost"), trusted(), 4, 10_000)) {
            ExecutorService ex = Executors.newFixedThreadPool(8);
            List<Future<Integer>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                fs.add(ex.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        try (Connection c = ds.getConnection()) {
                            assertEquals((long) thread * 1000 + i, Support.scalar(c, "RETURN " + thread + " * 1000 + " + i));
                        }
                    }
                    return 150;
                }));
            }
            int n = 0;
            for (Future<Integer> f : fs) {
                n += f.get(120, TimeUnit.SECONDS);
            }
            ex.shutdown();
            REPORT.count("queries over wss through HikariCP (8 threads, 4 connections)", n);
        }
    }

    private static SQLException refused(String what, String url, Properties p, String... mentionsAny) {
        long t0 = System.nanoTime();
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, p), what);
        long ms = millisSince(t0);
        PRODUCED.append(Errors.fullText(e)).append('\n');
        REPORT.error(e);
        assertEquals("08001", e.getSQLState(), () -> what + ": " + e);
        assertInstanceOf(SQLNonTransientConnectionException.class, e);
        String text = Errors.fullText(e).toLowerCase(Locale.ROOT);
        boolean says = mentionsAny.length == 0;
        for (String m : mentionsAny) {
            says |= text.contains(m.toLowerCase(Locale.ROOT));
        }
        assertTrue(says, () -> what + ": the error does not say why (" + String.join("/", mentionsAny) + "): " + e);
        assertTrue(ms < 6000, what + " took " + ms + " ms (connectTimeout 5 s)");
        REPORT.set("refused: " + what, ms + " ms");
        return e;
    }

    @Test
    void withoutTheRightTrustTheConnectionIsRefused() throws Exception {
        refused("no trust store (JVM default trust)", url("wss", "127.0.0.1"), props("connectTimeout", "5"),
                "certif", "pkix", "trust");
        refused("no trust store, https", url("https", "localhost"), props("connectTimeout", "5"),
                "certif", "pkix", "trust");
        refused("trust store with another certificate", url("wss", "localhost"),
                props("trustStore", otherP12.toString(), "trustStorePassword", STORE_PW, "connectTimeout", "5"),
                "certif", "pkix", "trust");
        refused("wrong trust store password", url("wss", "localhost"),
                props("trustStore", trustP12.toString(), "trustStorePassword", WRONG_STORE_PW, "connectTimeout", "5"),
                "password", "trust store", "keystore");
        refused("plain ws:// to the TLS port", url("ws", "127.0.0.1"), props("connectTimeout", "5"));
        try (SurrealServer plain = SurrealServer.builder().start()) {
            refused("wss:// to a plain port", "jdbc:surrealdb:wss://127.0.0.1:" + plain.port() + "/tls/main",
                    trusted(), "ssl", "tls", "record", "handshake");
        }
        // a host name the certificate does not name: a TLS server on another loopback address
        SurrealServer other;
        try {
            other = SurrealServer.builder().bind("127.0.0.2")
                    .tls(dir.resolve("server-cert.pem"), dir.resolve("server-key.pem")).start();
        } catch (RuntimeException e) {
            REPORT.note("host name check not run: cannot listen on 127.0.0.2 here (" + e.getMessage() + ")");
            return;
        }
        try (other) {
            refused("certificate for another host (127.0.0.2)",
                    "jdbc:surrealdb:wss://127.0.0.2:" + other.port() + "/tls/main", trusted(),
                    "127.0.0.2", "subject", "name");
            try (Connection c = DriverManager.getConnection("jdbc:surrealdb:wss://127.0.0.2:" + other.port(),
                    props("insecure", "true"))) {
                assertEquals(1L, Support.scalar(c, "RETURN 1"), "insecure=true skips the host name check");
            }
        }
    }
}
