package dev.surrealj.rpc;

import static dev.surrealj.rpc.RpcTestSupport.await;
import static dev.surrealj.rpc.RpcTestSupport.connect;
import static dev.surrealj.rpc.RpcTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.rpc.LiveNotification.Action;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.RecordId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Live queries: the three consumption forms, DIFF mode, LIVE SELECT, overflow, KILLED. */
class LiveQueryTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static SurrealTestDb db;
    private static SurrealClient client;

    @BeforeAll
    static void setUp() {
        db = RpcTestSupport.freshDb("live");
        client = connect(db);
        value(client, "DEFINE TABLE l_listen; DEFINE TABLE l_diff; DEFINE TABLE l_iter; DEFINE TABLE l_pub;"
                + "DEFINE TABLE l_select; DEFINE TABLE l_query; DEFINE TABLE l_over; DEFINE TABLE l_sess;"
                + "DEFINE TABLE l_close;");
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    @Test
    void listenerGetsCreateUpdateDeleteThenKilledOnClose() throws Exception {
        List<LiveNotification> seen = new CopyOnWriteArrayList<>();
        CountDownLatch killed = new CountDownLatch(1);
        LiveSubscription sub = client.live("l_listen", false).await();
        sub.listen(n -> {
            seen.add(n);
            if (n.action() == Action.KILLED) {
                killed.countDown();
            }
        });
        // SurrealDB does not order notifications of separate transactions: wait for each one
        RecordId id = new RecordId("l_listen", "one");
        client.create(id, Map.of("v", 1)).await();
        await(() -> seen.size() >= 1, WAIT, "CREATE");
        client.merge(id, Map.of("v", 2)).await();
        await(() -> seen.size() >= 2, WAIT, "UPDATE");
        client.delete(id).await();
        await(() -> seen.size() >= 3, WAIT, "DELETE");
        sub.close();
        assertTrue(killed.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(Action.CREATE, Action.UPDATE, Action.DELETE, Action.KILLED),
                seen.stream().map(LiveNotification::action).toList());
        assertEquals(id, seen.get(0).recordId());
        assertEquals(Map.of("id", id, "v", 1L), seen.get(0).record());
        assertEquals(2L, seen.get(1).record().get("v"));
        assertEquals(sub.liveId(), seen.get(0).liveId());
        assertNull(seen.get(0).session());
        assertTrue(sub.isClosed());
        sub.done().toCompletableFuture().get(1, TimeUnit.SECONDS);
        client.create(new RecordId("l_listen", "two"), Map.of()).await();
        Thread.sleep(100);
        assertEquals(4, seen.size(), "nothing after KILLED");
    }

    @Test
    void diffModeDeliversJsonPatches() {
        LiveSubscription sub = client.live("l_diff", true).await();
        RecordId id = new RecordId("l_diff", 1L);
        client.create(id, Map.of("a", 1)).await();
        LiveNotification created = sub.poll(WAIT);
        client.merge(id, Map.of("b", 2)).await();
        LiveNotification updated = sub.poll(WAIT);
        assertEquals(Action.CREATE, created.action());
        assertNotNull(created.diff());
        assertNull(created.record());
        assertEquals(Action.UPDATE, updated.action());
        assertEquals(List.of(Map.of("op", "add", "path", "/b", "value", 2L)), updated.diff());
        sub.close();
    }

    @Test
    void iteratorEndsAfterKillOfTheLiveId() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            LiveSubscription sub = client.live("l_iter", false).await();
            Iterator<LiveNotification> it = sub.iterator();
            List<Action> actions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                client.create("l_iter", Map.of("i", i)).await();
                actions.add(it.next().action());
            }
            client.kill(sub.liveId()).await();
            while (it.hasNext()) {
                actions.add(it.next().action());
            }
            assertEquals(List.of(Action.CREATE, Action.CREATE, Action.CREATE, Action.KILLED), actions);
            assertNull(sub.poll(Duration.ofMillis(10)), "ended");
        });
    }

    @Test
    void publisherHonoursDemandAndCompletesOnCancel() throws Exception {
        LiveSubscription sub = client.live("l_pub", false).await();
        List<LiveNotification> got = new CopyOnWriteArrayList<>();
        AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        CountDownLatch completed = new CountDownLatch(1);
        sub.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription.set(s);
                s.request(1);
            }

            @Override
            public void onNext(LiveNotification item) {
                got.add(item);
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
                completed.countDown();
            }
        });
        client.create("l_pub", Map.of("n", 1)).await();
        client.create("l_pub", Map.of("n", 2)).await();
        await(() -> got.size() == 1, WAIT, "first notification");
        Thread.sleep(100);
        assertEquals(1, got.size(), "only what was requested");
        subscription.get().request(5);
        await(() -> got.size() == 2, WAIT, "second notification");
        assertThrows(IllegalStateException.class, () -> sub.listen(n -> { }), "one consumer only");
        subscription.get().request(10);
        sub.close();
        assertTrue(completed.await(5, TimeUnit.SECONDS), "onComplete after close");
        assertEquals(Action.KILLED, got.get(got.size() - 1).action());
    }

    @Test
    void publisherRejectsNonPositiveRequests() throws Exception {
        LiveSubscription sub = client.live("l_pub", false).await();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        sub.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(0);
            }

            @Override
            public void onNext(LiveNotification item) {
            }

            @Override
            public void onError(Throwable t) {
                error.set(t);
                failed.countDown();
            }

            @Override
            public void onComplete() {
            }
        });
        assertTrue(failed.await(5, TimeUnit.SECONDS));
        assertTrue(error.get() instanceof IllegalArgumentException);
        await(sub::isClosed, WAIT, "closed after the rule violation");
    }

    @Test
    void subscribeToTheIdOfALiveSelect() {
        List<QueryResult> r = client.query("LIVE SELECT DIFF FROM l_select").await();
        assertEquals("live", r.get(0).type());
        UUID id = (UUID) r.get(0).orThrow();
        client.create("l_select", Map.of("x", 1)).await(); // before subscribing: kept for the subscriber
        LiveSubscription sub = client.subscribe(id);
        client.create("l_select", Map.of("x", 2)).await();
        LiveNotification first = sub.poll(WAIT);
        LiveNotification second = sub.poll(WAIT);
        assertEquals(id, first.liveId());
        assertNotNull(first.diff());
        assertNotNull(second);
        sub.close();
        assertTrue(sub.isClosed());
    }

    @Test
    void liveQueryWithVariablesFilters() {
        LiveSubscription sub = client.liveQuery("LIVE SELECT * FROM l_query WHERE n > $min", Map.of("min", 10))
                .await();
        client.create("l_query", Map.of("n", 5)).await();
        client.create("l_query", Map.of("n", 50)).await();
        LiveNotification n = sub.poll(WAIT);
        assertEquals(50L, n.record().get("n"));
        assertNull(sub.poll(Duration.ofMillis(200)));
        sub.close();
        assertThrows(SurrealException.class, () -> client.liveQuery("RETURN 1", null).await());
    }

    @Test
    void overflowDropsTheOldestAndCounts() {
        try (SurrealClient small = SurrealClient.connect(RpcTestSupport.config(db).liveBufferCapacity(4).build())) {
            LiveSubscription sub = small.live("l_over", false).await();
            for (int i = 1; i <= 10; i++) {
                small.create(new RecordId("l_over", (long) i), Map.of()).await();
            }
            await(() -> sub.dropped() == 6, WAIT, "6 dropped");
            List<Object> ids = new ArrayList<>();
            LiveNotification n;
            while ((n = sub.poll(Duration.ofMillis(100))) != null) {
                ids.add(((RecordId) n.recordId()).key());
            }
            // the four that arrived last survive (the server does not order notifications of separate
            // transactions strictly; the exact order is checked in LiveBufferTest)
            assertEquals(4, ids.size(), ids::toString);
            assertEquals(4, new java.util.HashSet<>(ids).size());
            assertFalse(sub.isClosed(), "overflow does not close the subscription");
            small.create(new RecordId("l_over", 11L), Map.of()).await();
            assertEquals(new RecordId("l_over", 11L), sub.poll(WAIT).recordId());
        }
    }

    @Test
    void liveQueryInASessionCarriesTheSession() {
        try (RpcSession s = client.attach().await()) {
            s.use(db.namespace(), db.database()).await();
            LiveSubscription sub = s.live("l_sess", false).await();
            client.create("l_sess", Map.of()).await();
            LiveNotification n = sub.poll(WAIT);
            assertEquals(s.id(), n.session());
            s.detach().await();
            assertTrue(sub.isClosed(), "detach ends the session's live queries");
        }
    }

    @Test
    void closingTheClientEndsSubscriptions() throws Exception {
        SurrealClient c = connect(db);
        LiveSubscription sub = c.live("l_close", false).await();
        Iterator<LiveNotification> it = sub.iterator();
        c.close();
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(it.hasNext()));
        sub.done().toCompletableFuture().get(1, TimeUnit.SECONDS);
        assertTrue(sub.toString().contains("closed"));
    }
}
