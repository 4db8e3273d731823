package dev.surrealj.rpc;

import static dev.surrealj.rpc.RpcTestSupport.assertSurreal;
import static dev.surrealj.rpc.RpcTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.surrealj.cbor.CborCodec;
import dev.surrealj.rpc.SurrealException.Category;
import dev.surrealj.testing.SurrealServer;
import dev.surrealj.value.None;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /rpc}: stateless calls with the session kept by the client and sent as headers. */
class HttpTransportTest {
    private static SurrealServer server;

    @BeforeAll
    static void start() {
        server = SurrealServer.builder().user("root", "secret").start();
        try (SurrealClient ws = RpcTestSupport.connect(server, "h", "d")) {
            value(ws, "DEFINE TABLE item;"
                    + "DEFINE ACCESS account ON DATABASE TYPE RECORD"
                    + " SIGNUP (CREATE user SET email = $email, pass = crypto::argon2::generate($pass))"
                    + " SIGNIN (SELECT * FROM user WHERE email = $email AND crypto::argon2::compare(pass, $pass));"
                    + "DEFINE TABLE user PERMISSIONS FOR select WHERE id = $auth;");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RpcConfig.Builder http() {
        return RpcTestSupport.config(server.httpUrl());
    }

    @Test
    void queriesWithNamespaceDatabaseAndBasicAuthFromTheClientsState() {
        try (SurrealClient c = SurrealClient.connect(http().namespace("h").database("d")
                .credentials(Credentials.root("root", "secret")).build())) {
            assertEquals(RpcConfig.Transport.HTTP, c.config().transport());
            assertTrue(c.serverVersion().startsWith("surrealdb-3"));
            assertEquals(List.of("h", "d"), value(c, "RETURN [session::ns(), session::db()]"));
            value(c, "INFO FOR ROOT"); // root authentication travels with every call
            c.use(null, "d2").await();
            assertEquals(List.of("h", "d2"), value(c, "RETURN [session::ns(), session::db()]"));
            c.use("h", "d").await();
            c.let("greeting", "hello").await();
            assertEquals(List.of("hello", 1L), value(c, "RETURN [$greeting, $n]", Map.of("n", 1)));
            assertEquals("override", value(c, "RETURN $greeting", Map.of("greeting", "override")));
            c.unset("greeting").await();
            assertEquals(None.NONE, value(c, "RETURN $greeting"));
            Object created = c.create("item", Map.of("n", 1)).await();
            assertEquals(1L, ((Map<?, ?>) created).get("n"));
            assertEquals(1, ((List<?>) c.select("item").await()).size());
            c.invalidate().await();
            assertSurreal(Category.AUTHENTICATION, () -> c.query("RETURN 1").await());
        }
    }

    @Test
    void wrongOrMissingCredentialsAreAuthenticationErrors() {
        assertSurreal(Category.AUTHENTICATION, () -> SurrealClient.connect(http()
                .credentials(Credentials.root("root", "wrong")).build()));
        try (SurrealClient anonymous = SurrealClient.connect(http().build())) {
            assertSurreal(Category.AUTHENTICATION, () -> anonymous.query("RETURN 1").await());
        }
    }

    @Test
    void recordAccessSignupGivesABearerToken() {
        try (SurrealClient c = SurrealClient.connect(http().namespace("h").database("d").build())) {
            Tokens t = c.signup(Credentials.recordAccess("h", "d", "account",
                    Map.of("email", "http@example.com", "pass", "pw"))).await();
            assertNotNull(t.access());
            assertEquals("http@example.com", value(c, "RETURN $auth.email"));
            assertEquals("http@example.com", ((Map<?, ?>) c.info().await()).get("email"));
            try (SurrealClient other = SurrealClient.connect(http().namespace("h").database("d").build())) {
                other.authenticate(t.access()).await();
                assertEquals("http@example.com", value(other, "RETURN $auth.email"));
            }
        }
    }

    @Test
    void statefulMethodsAreUnsupported() {
        try (SurrealClient c = SurrealClient.connect(http().namespace("h").database("d")
                .credentials(Credentials.root("root", "secret")).build())) {
            assertSurreal(Category.UNSUPPORTED, () -> c.live("item", false).await());
            assertSurreal(Category.UNSUPPORTED, () -> c.begin().await());
            assertSurreal(Category.UNSUPPORTED, () -> c.attach().await());
            assertSurreal(Category.UNSUPPORTED, () -> c.sessions().await());
            assertSurreal(Category.UNSUPPORTED, () -> c.call("kill", java.util.UUID.randomUUID()).await());
        }
    }

    @Test
    void manyConcurrentCallsOverThePool() {
        try (SurrealClient c = SurrealClient.connect(http().namespace("h").database("d").httpPoolSize(3)
                .credentials(Credentials.root("root", "secret")).build())) {
            List<RpcFuture<List<QueryResult>>> all = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                all.add(c.query("RETURN $i", Map.of("i", i)));
            }
            for (int i = 0; i < 100; i++) {
                assertEquals((long) i, all.get(i).await().get(0).orThrow());
            }
        }
    }

    @Test
    void sendsTheDocumentedHeaders() throws Exception {
        CborCodec codec = new CborCodec();
        List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Object> signinAnswer = new java.util.concurrent.atomic.AtomicReference<>(None.NONE);
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/rpc", exchange -> {
            Map<String, String> h = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(), v.get(0)));
            h.put(":path", exchange.getRequestURI().getPath());
            h.put(":method", exchange.getRequestMethod());
            Map<?, ?> req = (Map<?, ?>) codec.decode(exchange.getRequestBody().readAllBytes());
            String method = (String) req.get("method");
            h.put(":rpc", method);
            seen.add(h);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", req.get("id"));
            if ("Bearer expired.token".equals(h.get("authorization"))) {
                answer.put("error", Map.of("code", -32002L, "message", "The token has expired"));
            } else {
                answer.put("result", method.equals("version") ? "surrealdb-3.0.2"
                        : method.equals("signin") ? signinAnswer.get() : List.of());
            }
            byte[] body = codec.encode(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/cbor");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fake.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + fake.getAddress().getPort());
            RpcConfig config = RpcConfig.builder().uri(uri).namespace("ns1").database("db1")
                    .credentials(Credentials.database("ns1", "db1", "alice", "pw")).build();
            // no token from signin: Basic with the auth namespace/database
            try (SurrealClient c = SurrealClient.connect(config)) {
                assertTrue(seen.stream().anyMatch(x -> "signin".equals(x.get(":rpc"))), "credentials were checked");
                c.query("RETURN 1").await();
                Map<String, String> h = seen.get(seen.size() - 1);
                assertEquals("POST", h.get(":method"));
                assertEquals("/rpc", h.get(":path"));
                assertEquals("query", h.get(":rpc"));
                assertEquals("application/cbor", h.get("content-type"));
                assertEquals("application/cbor", h.get("accept"));
                assertEquals("ns1", h.get("surreal-ns"));
                assertEquals("db1", h.get("surreal-db"));
                assertEquals("Basic " + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8)),
                        h.get("authorization"));
                assertEquals("ns1", h.get("surreal-auth-ns"));
                assertEquals("db1", h.get("surreal-auth-db"));

                c.authenticate("tok.en.value").await();
                c.ping().await();
                assertEquals("Bearer tok.en.value", seen.get(seen.size() - 1).get("authorization"));
                c.invalidate().await();
                c.ping().await();
                assertNull(seen.get(seen.size() - 1).get("authorization"));
                c.use("ns2", null).await();
                c.ping().await();
                assertEquals("ns2", seen.get(seen.size() - 1).get("surreal-ns"));
                assertEquals("db1", seen.get(seen.size() - 1).get("surreal-db"));
            }
            // a token from signin is preferred; when refused it signs in again and retries once
            signinAnswer.set("expired.token");
            try (SurrealClient c = SurrealClient.connect(config)) {
                signinAnswer.set("fresh.token");
                seen.clear();
                c.ping().await();
                assertEquals(List.of("ping", "signin", "ping"), seen.stream().map(x -> x.get(":rpc")).toList());
                assertEquals("Bearer expired.token", seen.get(0).get("authorization"));
                assertNull(seen.get(1).get("authorization"));
                assertEquals("Bearer fresh.token", seen.get(2).get("authorization"));
                c.ping().await();
                assertEquals("Bearer fresh.token", seen.get(3).get("authorization"));
            }
        } finally {
            fake.stop(0);
        }
    }

    @Test
    void unansweredHttpRequestTimesOutAndFreesItsConnection() throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CborCodec codec = new CborCodec();
        fake.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        fake.createContext("/rpc", exchange -> {
            Map<?, ?> req = (Map<?, ?>) codec.decode(exchange.getRequestBody().readAllBytes());
            if (req.get("method").equals("ping")) {
                return; // never answers
            }
            byte[] body = req.get("method").equals("select") ? "not cbor at all".getBytes(StandardCharsets.UTF_8)
                    : codec.encode(Map.of("id", req.get("id"), "result", "surrealdb-3.0.2"));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fake.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + fake.getAddress().getPort());
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try (SurrealClient c = SurrealClient.connect(RpcConfig.builder().uri(uri).httpPoolSize(1)
                        .requestTimeout(Duration.ofMillis(300)).build())) {
                    assertSurreal(Category.TIMEOUT, () -> c.ping().await());
                    assertSurreal(Category.TIMEOUT, () -> c.ping().await());
                    assertEquals("surrealdb-3.0.2", c.version().await(), "the single pooled connection was freed");
                    assertSurreal(Category.PROTOCOL, () -> c.select("x").await());
                }
            });
        } finally {
            fake.stop(0);
        }
    }
}
