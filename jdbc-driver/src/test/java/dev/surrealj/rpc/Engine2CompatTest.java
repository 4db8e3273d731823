package dev.surrealj.rpc;

import static dev.surrealj.rpc.RpcTestSupport.assertSurreal;
import static dev.surrealj.rpc.RpcTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.rpc.SurrealException.Category;
import dev.surrealj.testing.SurrealServer;
import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.None;
import dev.surrealj.value.RecordId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same client against SurrealDB 2.x (2.6 in WebAssembly: one shared session, so one client):
 * everything but sessions and interactive transactions, which 2.x does not have.
 */
class Engine2CompatTest {
    private static SurrealServer server;
    private static SurrealClient client;

    @BeforeAll
    static void start() {
        server = SurrealServer.builder().engine(2).start();
        client = SurrealClient.connect(RpcTestSupport.config(server.wsUrl()).namespace("two").database("db").build());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    @Test
    void versionAndPing() {
        assertTrue(client.serverVersion().startsWith("surrealdb-2."), client.serverVersion());
        assertEquals(2, client.serverMajorVersion());
        assertNull(client.ping().await());
    }

    @Test
    void useAnswersNoneOn2x() {
        assertEquals(None.NONE, client.call("use", "two", "db").await());
        assertEquals(List.of("two", "db"), value(client, "RETURN [session::ns(), session::db()]"));
    }

    @Test
    void queryResultsAndErrors() {
        List<QueryResult> r = client.query("CREATE q2:1 SET a = $a; THROW 'boom'", Map.of("a", 1)).await();
        assertTrue(r.get(0).isOk());
        assertEquals(QueryResult.Status.ERR, r.get(1).status());
        assertNull(r.get(1).errorKind(), "2.x has no error kinds");
        assertSurreal(Category.QUERY, () -> r.get(1).orThrow());
        SurrealException parse = assertSurreal(Category.PARSE, () -> client.query("SELEC x").await());
        assertEquals(-32000, parse.code());
    }

    @Test
    void dataMethods() {
        RecordId id = new RecordId("p2", "ada");
        assertEquals(Map.of("id", id, "n", 1L), client.create(id, Map.of("n", 1)).await());
        assertEquals(Map.of("id", id, "n", 2L), client.update(id, Map.of("n", 2)).await());
        assertEquals(Map.of("id", id, "n", 2L, "m", 1L), client.merge(id, Map.of("m", 1)).await());
        client.upsert(new RecordId("p2", "bob"), Map.of("n", 3)).await();
        client.insert("p2", List.of(Map.of("id", "cy", "n", 4))).await();
        client.patch(id, List.of(Map.of("op", "replace", "path", "/n", "value", 5)), false).await();
        Map<?, ?> rel = (Map<?, ?>) client.relate(id, "knows2", new RecordId("p2", "bob"), null).await();
        assertEquals(id, rel.get("in"));
        List<?> ins = (List<?>) client.insertRelation("knows2", Map.of("in", id, "out", new RecordId("p2", "cy")))
                .await();
        assertEquals(1, ins.size());
        assertEquals(3, ((List<?>) client.select("p2").await()).size());
        client.delete(new RecordId("p2", "cy")).await();
        assertEquals(2, ((List<?>) client.select("p2").await()).size());
        assertEquals(3L, client.run("string::len", "abc").await());
    }

    @Test
    void letUnsetAndValues() {
        client.let("v", 7).await();
        assertEquals(7L, value(client, "RETURN $v"));
        client.unset("v").await();
        assertEquals(None.NONE, value(client, "RETURN $v"));
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("d", Instant.parse("2024-01-02T03:04:05.123456789Z"));
        vars.put("dur", Duration.ofMinutes(90));
        vars.put("u", UUID.fromString("0190d0a2-0b2c-7b5e-9a1e-2f2b6f4b5f40"));
        vars.put("dec", new BigDecimal("1.25"));
        vars.put("pt", new GeometryPoint(1.5, 2.5));
        vars.put("rid", new RecordId("x", List.of(1L, "a")));
        vars.put("bytes", new byte[] {1, 2, 3});
        Object back = value(client, "CREATE ONLY v2:1 CONTENT $data; SELECT * FROM ONLY v2:1", Map.of("data", vars));
        Map<?, ?> m = (Map<?, ?>) back;
        for (String k : List.of("d", "dur", "u", "pt", "rid")) {
            assertEquals(vars.get(k), m.get(k), k);
        }
        assertEquals(0, new BigDecimal("1.25").compareTo((BigDecimal) m.get("dec")));
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), toList((byte[]) m.get("bytes")));
    }

    @Test
    void futuresAreAcceptedAndEvaluatedOnRead() {
        Object row = value(client, "CREATE f2:1 SET a = 2, v = $v; SELECT * FROM ONLY f2:1",
                Map.of("v", new dev.surrealj.value.Future("{ a * 10 }")));
        assertEquals(20L, ((Map<?, ?>) row).get("v"));
    }

    private static List<Byte> toList(byte[] b) {
        return List.of(b[0], b[1], b[2]);
    }

    @Test
    void liveQueriesAndKill() {
        LiveSubscription sub = client.live("l2", false).await();
        client.create("l2", Map.of("n", 1)).await();
        LiveNotification n = sub.poll(Duration.ofSeconds(5));
        assertEquals(LiveNotification.Action.CREATE, n.action());
        assertEquals(1L, n.record().get("n"));
        sub.close();
        assertEquals(LiveNotification.Action.KILLED, sub.poll(Duration.ofSeconds(1)).action(),
                "2.x sends no KILLED: the client delivers it");

        LiveSubscription diff = client.live("l2", true).await();
        client.create("l2", Map.of("n", 2)).await();
        assertNotNull(diff.poll(Duration.ofSeconds(5)).diff());
        diff.close();
    }

    @Test
    void sessionsAndTransactionsAreUnsupported() {
        assertSurreal(Category.UNSUPPORTED, () -> client.begin().await());
        assertSurreal(Category.UNSUPPORTED, () -> client.attach().await());
        assertSurreal(Category.UNSUPPORTED, () -> client.sessions().await());
    }

    @Test
    void authenticationErrors() {
        SurrealException e = assertSurreal(Category.AUTHENTICATION,
                () -> client.signin(Credentials.root("nobody", "nothing")).await());
        assertTrue(e.getMessage().contains("authentication"), e.getMessage());
        value(client, "DEFINE USER OVERWRITE two_root ON ROOT PASSWORD 'pw' ROLES OWNER");
        assertInstanceOf(String.class, client.signin(Credentials.root("two_root", "pw")).await().access());
        client.invalidate().await();
        client.use("two", "db").await();
    }
}
