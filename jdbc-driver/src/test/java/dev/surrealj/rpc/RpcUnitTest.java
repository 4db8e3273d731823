package dev.surrealj.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.rpc.SurrealException.Category;
import dev.surrealj.value.None;
import io.netty.buffer.Unpooled;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parts that need no server. */
class RpcUnitTest {

    @Test
    void serverErrorsAreClassified() {
        SurrealException auth = SurrealException.fromServerError(Map.of("code", -32002L, "message",
                "There was a problem with authentication", "kind", "NotAllowed",
                "details", Map.of("kind", "Auth", "details", Map.of("kind", "InvalidAuth"))));
        assertEquals(Category.AUTHENTICATION, auth.category());
        assertEquals(-32002, auth.code());
        assertEquals("NotAllowed", auth.kind());
        assertEquals(Map.of("kind", "Auth", "details", Map.of("kind", "InvalidAuth")), auth.details());
        assertEquals(Category.AUTHENTICATION, SurrealException.fromServerError(Map.of("code", -32000L,
                "message", "There was a problem with the database: There was a problem with authentication")).category());
        assertEquals(Category.AUTHENTICATION, SurrealException.fromServerError(Map.of("code", -32000L,
                "message", "x", "kind", "NotAllowed", "details", Map.of("kind", "Auth"))).category());

        SurrealException conflict = SurrealException.fromServerError(Map.of("code", -32009L, "message", "conflict"));
        assertTrue(conflict.isRetryable());
        assertTrue(SurrealException.fromServerError(Map.of("code", -32000L, "message",
                "Transaction conflict: Resource busy. This transaction can be retried")).isRetryable());
        assertTrue(SurrealException.fromStatement("Failed to commit transaction due to a read or write conflict."
                + " This transaction can be retried", null, null).isRetryable());

        assertEquals(Category.PARSE, SurrealException.fromServerError(Map.of("code", -32000L, "message",
                "Parse error: Unexpected token")).category());
        assertEquals(Category.PARSE, SurrealException.fromServerError(Map.of("code", -32000L, "message",
                "There was a problem with the database: Parse error: Unexpected token")).category());
        assertEquals(Category.TIMEOUT, SurrealException.fromServerError(Map.of("code", -32004L, "message", "t"))
                .category());
        assertEquals(Category.UNSUPPORTED, SurrealException.fromServerError(Map.of("code", -32601L, "message",
                "Method not found")).category());
        assertEquals(Category.SERVER, SurrealException.fromServerError(Map.of("code", -32000L, "message", "x"))
                .category());
        assertEquals(Category.QUERY, SurrealException.fromStatement("The table 'x' does not exist", "NotFound", null)
                .category());
        assertEquals(Category.SERVER, SurrealException.fromServerError("weird").category());
        SurrealException nested = SurrealException.fromServerError(Map.of("code", -32000L, "message", "outer",
                "cause", Map.of("code", -32000L, "message", "inner")));
        assertEquals("inner", nested.getCause().getMessage());
        assertTrue(nested.toString().contains("-32000"));
    }

    @Test
    void futuresUnwrapToSurrealException() {
        RpcFuture<Object> f = new RpcFuture<>();
        SurrealException original = SurrealException.connection("gone", null);
        f.completeExceptionally(original);
        SurrealException e = assertThrows(SurrealException.class, f::await);
        assertEquals(Category.CONNECTION, e.category());
        assertEquals(original, e.getCause(), "the original is kept as the cause");
        RpcFuture<String> mapped = RpcFuture.done(1).map(v -> {
            throw new ClassCastException("boom");
        });
        assertEquals(Category.PROTOCOL, assertThrows(SurrealException.class, mapped::await).category());
        RpcFuture<Object> cancelled = new RpcFuture<>();
        cancelled.cancel(false);
        assertEquals(Category.INTERRUPTED, assertThrows(SurrealException.class, cancelled::await).category());
        assertTrue(RpcFuture.done(1).thenApply(x -> x) instanceof RpcFuture);
    }

    @Test
    void credentialsNeverPrintSecrets() {
        List<Credentials> all = List.of(Credentials.root("root", "p4ss-root"),
                Credentials.namespace("ns", "u", "p4ss-ns"), Credentials.database("ns", "db", "u", "p4ss-db"),
                Credentials.recordAccess("ns", "db", "acc", Map.of("email", "e@x", "pass", "p4ss-rec")),
                Credentials.bearer("ns", "db", "api", "p4ss-key"), Credentials.token("p4ss.tok.en"),
                Credentials.raw(Map.of("user", "u", "pass", "p4ss-raw")));
        for (Credentials c : all) {
            assertFalse(c.toString().contains("p4ss"), c.toString());
        }
        assertTrue(all.get(3).toString().contains("email"), "variable names are shown");
        assertFalse(all.get(3).toString().contains("e@x"), "variable values are not");
        assertFalse(new Tokens("p4ss.a", "p4ss.r").toString().contains("p4ss"));
        assertEquals(Map.of("user", "root", "pass", "p4ss-root"), all.get(0).toParams());
        assertEquals(Map.of("NS", "ns", "DB", "db", "AC", "acc", "email", "e@x", "pass", "p4ss-rec"),
                all.get(3).toParams());
        assertTrue(all.get(2).isSystemUser());
        assertTrue(all.get(6).isSystemUser());
        assertFalse(all.get(3).isSystemUser());
        assertFalse(TlsOptions.trustStore(java.nio.file.Path.of("x.p12"), "p4ss".toCharArray(), null).toString()
                .contains("p4ss"));
        RpcRequest r = new RpcRequest(1, "signin", List.of(all.get(0).toParams()), null, null);
        assertFalse(r.toString().contains("p4ss"));
    }

    @Test
    void tokensFromEitherShape() {
        assertEquals(new Tokens("a", null), Tokens.of("a"));
        assertEquals(new Tokens("a", "r"), Tokens.of(Map.of("access", "a", "refresh", "r")));
        assertEquals(new Tokens(null, null), Tokens.of(None.NONE));
    }

    @Test
    void queryResultsAndRustDurations() {
        List<QueryResult> r = QueryResult.listOf(List.of(
                Map.of("status", "OK", "time", "1.5ms", "result", 1L, "type", "other"),
                Map.of("status", "ERR", "time", "850ns", "result", "bad", "kind", "AlreadyExists",
                        "details", Map.of("kind", "Record"))));
        assertEquals(Duration.ofNanos(1_500_000), r.get(0).elapsed());
        assertEquals("other", r.get(0).type());
        assertEquals(Duration.ofNanos(850), r.get(1).elapsed());
        assertEquals("bad", r.get(1).errorMessage());
        assertEquals(Map.of("kind", "Record"), r.get(1).errorDetails());
        assertNull(r.get(0).error());
        assertEquals("AlreadyExists", r.get(1).error().kind());
        assertEquals(Duration.ofNanos(12_300), QueryResult.parseRustDuration("12.3µs"));
        assertEquals(Duration.ofSeconds(62), QueryResult.parseRustDuration("1m2s"));
        assertNull(QueryResult.parseRustDuration("soon"));
        assertThrows(SurrealException.class, () -> QueryResult.listOf("not a list"));
        assertEquals(r.get(0), QueryResult.of(Map.of("status", "OK", "time", "1.5ms", "result", 1L, "type", "other")));
    }

    @Test
    void peekFindsTheIdOfUndecodableAnswers() {
        assertEquals(5, CborPeek.id(Unpooled.wrappedBuffer(new byte[] {(byte) 0xa2, 0x62, 'i', 'd', 0x05, 0x00})));
        assertEquals(300, CborPeek.id(Unpooled.wrappedBuffer(new byte[] {(byte) 0xa2, 0x62, 'i', 'd', 0x19, 0x01,
                0x2c})));
        assertEquals(CborPeek.NO_ID, CborPeek.id(Unpooled.wrappedBuffer(new byte[] {(byte) 0xa1, 0x66, 'r', 'e', 's'})));
        assertEquals(CborPeek.NOT_A_MAP, CborPeek.id(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff})));
        assertEquals(CborPeek.NOT_A_MAP, CborPeek.id(Unpooled.wrappedBuffer(new byte[0])));
        assertEquals(CborPeek.NO_ID, CborPeek.id(Unpooled.wrappedBuffer(new byte[] {(byte) 0xa2, 0x62, 'i', 'd'})));
    }

    @Test
    void reconnectDelaysGrowWithJitterUpToTheMaximum() {
        ReconnectPolicy p = ReconnectPolicy.exponential().withInitialDelay(Duration.ofMillis(100))
                .withMaxDelay(Duration.ofSeconds(1)).withJitter(0.2).withMaxAttempts(10);
        for (int i = 0; i < 50; i++) {
            long d1 = p.delayMillis(1);
            assertTrue(d1 >= 80 && d1 <= 120, "attempt 1: " + d1);
            long d3 = p.delayMillis(3);
            assertTrue(d3 >= 320 && d3 <= 480, "attempt 3: " + d3);
            long d10 = p.delayMillis(10);
            assertTrue(d10 >= 800 && d10 <= 1200, "attempt 10: " + d10);
        }
        assertEquals(100, p.withJitter(0).delayMillis(1));
        assertFalse(ReconnectPolicy.disabled().isEnabled());
        assertThrows(IllegalArgumentException.class, () -> p.withJitter(2));
        assertThrows(IllegalArgumentException.class, () -> p.withMaxAttempts(0));
    }

    @Test
    void configPicksTheTransportFromTheScheme() {
        assertEquals(RpcConfig.Transport.WEBSOCKET, RpcConfig.builder().uri("wss://h/rpc").build().transport());
        assertEquals(RpcConfig.Transport.HTTP, RpcConfig.builder().uri("https://h").build().transport());
        RpcConfig c = RpcConfig.builder().uri(URI.create("ws://h:1/rpc")).build();
        assertEquals(Duration.ofSeconds(60), c.requestTimeout());
        assertEquals(Duration.ofSeconds(30), c.keepAliveInterval());
        assertFalse(c.reconnect().isEnabled());
        assertThrows(IllegalArgumentException.class, () -> RpcConfig.builder().uri("ftp://h").build());
        assertThrows(IllegalArgumentException.class, () -> RpcConfig.builder().build());
        assertThrows(IllegalArgumentException.class,
                () -> RpcConfig.builder().uri("ws://a/rpc").uri("http://b").build());
        assertThrows(IllegalArgumentException.class, () -> RpcConfig.builder().requestTimeout(Duration.ZERO));
        RpcConfig secret = RpcConfig.builder().uri("ws://h/rpc").credentials(Credentials.root("r", "p4ss")).build();
        assertFalse(secret.toString().contains("p4ss"));
        assertEquals(secret.uris(), secret.toBuilder().build().uris());
    }
}
