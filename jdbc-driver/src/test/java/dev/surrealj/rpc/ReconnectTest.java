package dev.surrealj.rpc;

import static dev.surrealj.rpc.RpcTestSupport.assertSurreal;
import static dev.surrealj.rpc.RpcTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.rpc.SurrealException.Category;
import dev.surrealj.testing.SurrealServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reconnect restores namespace/database, authentication, variables, sessions and live queries. */
class ReconnectTest {
    private static final ReconnectPolicy FAST = ReconnectPolicy.exponential()
            .withInitialDelay(Duration.ofMillis(50)).withMaxDelay(Duration.ofMillis(300))
            .withMaxElapsed(Duration.ofSeconds(60));

    @TempDir
    Path tmp;

    @Test
    void restartOnTheSamePortRestoresTheSession() throws Exception {
        SurrealServer server = SurrealServer.builder().storage("surrealkv://" + tmp.resolve("data"))
                .user("root", "secret").start();
        SurrealServer restarted = null;
        AtomicInteger supplied = new AtomicInteger();
        try (SurrealClient c = SurrealClient.connect(RpcTestSupport.config(server.wsUrl()).reconnect(FAST).build());
             SurrealClient configured = SurrealClient.connect(RpcTestSupport.config(server.wsUrl()).reconnect(FAST)
                     .namespace("rc").database("db")
                     .credentials(() -> {
                         supplied.incrementAndGet();
                         return Credentials.root("root", "secret");
                     }).build())) {
            assertEquals(1, supplied.get());
            // state built with RPC calls on the default session ...
            c.signin(Credentials.root("root", "secret")).await();
            c.use("rc", "db").await();
            c.let("greeting", "hi").await();
            value(c, "DEFINE TABLE watched");
            // ... on an attached 3.x session ...
            RpcSession s = c.attach().await();
            s.signin(Credentials.root("root", "secret")).await();
            s.use("rc", "other").await();
            s.let("who", "session").await();
            // ... and a live query
            LiveSubscription sub = c.live("watched", false).await();
            List<UUID> resubscribed = new CopyOnWriteArrayList<>();
            sub.onResubscribed(resubscribed::add);
            UUID oldId = sub.liveId();

            RpcFuture<List<QueryResult>> inFlight = c.query("SLEEP 10s");
            Thread.sleep(100);
            server.stop();
            assertSurreal(Category.CONNECTION, () -> inFlight.await(Duration.ofSeconds(2)));
            assertFalse(c.isConnected());
            assertFalse(c.isClosed());

            // issued while the server is down: waits for the reconnect
            RpcFuture<List<QueryResult>> waiting = c.query("RETURN [session::ns(), session::db(), $greeting]");
            Thread.sleep(300);
            assertFalse(waiting.isDone());

            restarted = server.restart();
            assertEquals(server.port(), restarted.port());
            assertEquals(List.of("rc", "db", "hi"), waiting.await().get(0).orThrow());
            assertTrue(c.isConnected());
            value(c, "INFO FOR ROOT"); // needs the root authentication restored

            assertEquals(List.of("session", "rc", "other"), value(s, "RETURN [$who, session::ns(), session::db()]"));

            RpcTestSupport.await(() -> resubscribed.size() == 1, Duration.ofSeconds(5), "resubscribed callback");
            assertNotEquals(oldId, sub.liveId());
            assertEquals(sub.liveId(), resubscribed.get(0));
            c.create("watched", Map.of("n", 1)).await();
            LiveNotification n = sub.poll(Duration.ofSeconds(5));
            assertEquals(LiveNotification.Action.CREATE, n.action());
            assertEquals(sub.liveId(), n.liveId());

            // the configured client signed in again with freshly supplied credentials
            assertEquals(List.of("rc", "db"), value(configured, "RETURN [session::ns(), session::db()]"));
            value(configured, "INFO FOR ROOT");
            assertEquals(2, supplied.get());
        } finally {
            if (restarted != null) {
                restarted.close();
            }
            server.close();
        }
    }

    @Test
    void givesUpAfterMaxAttemptsAndFailsWaitingRequests() {
        SurrealServer server = SurrealServer.builder().start();
        try (SurrealClient c = SurrealClient.connect(RpcTestSupport.config(server.wsUrl()).namespace("g").database("g")
                .reconnect(FAST.withMaxAttempts(3)).build())) {
            value(c, "DEFINE TABLE t");
            LiveSubscription sub = c.live("t", false).await();
            server.kill();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                SurrealException e = assertSurreal(Category.CONNECTION, () -> c.ping().await());
                assertTrue(e.getMessage().contains("gave up") || c.isClosed(), e.getMessage());
                RpcTestSupport.await(c::isClosed, Duration.ofSeconds(5), "client closed after giving up");
                ExecutionException done = assertThrows(ExecutionException.class,
                        () -> sub.done().toCompletableFuture().get(5, TimeUnit.SECONDS));
                assertTrue(done.getCause() instanceof SurrealException);
                assertSurreal(Category.CONNECTION, () -> c.ping().await());
            });
        } finally {
            server.close();
        }
    }

    @Test
    void requestsWaitingForAReconnectStillTimeOut() {
        SurrealServer server = SurrealServer.builder().start();
        try (SurrealClient c = SurrealClient.connect(RpcTestSupport.config(server.wsUrl()).reconnect(FAST).build())) {
            server.kill();
            RpcTestSupport.await(() -> !c.isConnected(), Duration.ofSeconds(2), "disconnect noticed");
            long t0 = System.nanoTime();
            assertSurreal(Category.TIMEOUT, () -> c.withTimeout(Duration.ofMillis(300)).ping().await());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms >= 250 && ms < 2000, "waited " + ms + " ms");
        } finally {
            server.close();
        }
    }
}
