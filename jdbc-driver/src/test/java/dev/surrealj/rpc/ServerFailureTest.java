package dev.surrealj.rpc;

import static dev.surrealj.rpc.RpcTestSupport.assertSurreal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.rpc.SurrealException.Category;
import dev.surrealj.testing.SurrealServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the client does when the real server dies or is not there. */
class ServerFailureTest {

    @Test
    void killingTheServerFailsEveryPendingRequestWithinASecond() throws Exception {
        SurrealServer server = SurrealServer.builder().start();
        try (SurrealClient client = SurrealClient.connect(RpcTestSupport.config(server.wsUrl())
                .namespace("k").database("k").requestTimeout(Duration.ofSeconds(30)).build())) {
            List<RpcFuture<List<QueryResult>>> pending = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                pending.add(client.query("SLEEP 20s"));
            }
            Thread.sleep(300); // let them reach the server
            assertTrue(pending.stream().noneMatch(CompletableFuture::isDone));
            long t0 = System.nanoTime();
            server.kill();
            CompletableFuture.allOf(pending.stream().map(f -> f.exceptionally(e -> null))
                    .toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.out.println("100 pending requests failed " + ms + " ms after the server was killed");
            assertTrue(ms < 1000, "pending requests failed after " + ms + " ms");
            for (RpcFuture<?> f : pending) {
                SurrealException e = assertSurreal(Category.CONNECTION, f::await);
                assertTrue(e.isConnectionError());
            }
            // without a reconnect policy the client is closed for good and fails fast
            RpcTestSupport.await(client::isClosed, Duration.ofSeconds(2), "client closed");
            long t1 = System.nanoTime();
            assertSurreal(Category.CONNECTION, () -> client.ping().await());
            assertTrue(System.nanoTime() - t1 < TimeUnit.MILLISECONDS.toNanos(200), "fails fast");
        } finally {
            server.close();
        }
    }

    @Test
    void connectionRefusedIsAConnectionError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI uri = URI.create("ws://127.0.0.1:" + port + "/rpc");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            SurrealException e = assertSurreal(Category.CONNECTION,
                    () -> SurrealClient.connect(RpcConfig.builder().uri(uri).connectTimeout(Duration.ofSeconds(2)).build()));
            assertTrue(e.getMessage().contains(String.valueOf(port)), e.getMessage());
        });
    }

    @Test
    void failOverToTheNextUri() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SurrealServer shared = SurrealServer.shared();
        try (SurrealClient c = SurrealClient.connect(RpcConfig.builder()
                .uri("ws://127.0.0.1:" + port + "/rpc").uri(shared.wsUrl()).build())) {
            assertEquals(1L, RpcTestSupport.value(c, "RETURN 1"));
        }
    }

    @Test
    void closingTheClientFailsPendingRequests() {
        SurrealClient c = SurrealClient.connect(RpcTestSupport.config(SurrealServer.shared().wsUrl()).build());
        RpcFuture<List<QueryResult>> slow = c.query("SLEEP 5s");
        c.close();
        assertSurreal(Category.CONNECTION, slow::await);
        assertSurreal(Category.CONNECTION, () -> c.ping().await());
        c.close(); // idempotent
    }
}
