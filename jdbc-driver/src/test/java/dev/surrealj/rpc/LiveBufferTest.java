package dev.surrealj.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The subscription buffer and the registry, fed directly (deterministic order, no server). */
class LiveBufferTest {
    private static final UUID ID = UUID.fromString("0190d0a2-0b2c-7b5e-9a1e-2f2b6f4b5f40");

    private static LiveNotification create(long n) {
        return new LiveNotification(LiveNotification.Action.CREATE, ID, n, Map.of("n", n), null);
    }

    @Test
    void fullBufferDropsTheOldestAndCounts() {
        LiveSubscription sub = new LiveSubscription(null, null, ID, null, 3);
        for (long i = 1; i <= 7; i++) {
            sub.offer(create(i));
        }
        assertEquals(4, sub.dropped());
        List<Object> got = new ArrayList<>();
        LiveNotification n;
        while ((n = sub.poll(Duration.ofMillis(1))) != null) {
            got.add(n.recordId());
        }
        assertEquals(List.of(5L, 6L, 7L), got);
        assertFalse(sub.isClosed());
    }

    @Test
    void killedIsDeliveredLastEvenWhenFull() {
        LiveSubscription sub = new LiveSubscription(null, null, ID, null, 2);
        sub.offer(create(1));
        sub.offer(create(2));
        sub.terminateKilled();
        sub.offer(create(3)); // after the end: ignored
        assertTrue(sub.isClosed());
        assertEquals(2L, sub.poll(Duration.ofMillis(1)).recordId());
        assertEquals(LiveNotification.Action.KILLED, sub.poll(Duration.ofMillis(1)).action());
        assertNull(sub.poll(Duration.ofMillis(1)));
        sub.terminateKilled(); // no second KILLED
        assertNull(sub.poll(Duration.ofMillis(1)));
    }

    @Test
    void endingWithAnErrorThrowsOnceTheBufferIsDrained() {
        LiveSubscription sub = new LiveSubscription(null, null, ID, null, 8);
        sub.offer(create(1));
        sub.terminate(SurrealException.connection("lost", null));
        assertEquals(1L, sub.poll(Duration.ofMillis(1)).recordId());
        SurrealException e = assertThrows(SurrealException.class, () -> sub.poll(Duration.ofMillis(1)));
        assertTrue(e.isConnectionError());
        assertTrue(sub.done().toCompletableFuture().isCompletedExceptionally());
    }

    @Test
    void registryKeepsEarlyNotificationsForALaterSubscriber() {
        LiveRegistry registry = new LiveRegistry();
        registry.onNotification(Map.of("id", ID, "action", "CREATE", "record", 1L, "result", Map.of()));
        registry.onNotification(Map.of("id", ID, "action", "UPDATE", "record", 1L, "result", Map.of()));
        registry.onNotification(Map.of("id", UUID.randomUUID(), "action", "CREATE", "record", 9L, "result", Map.of()));
        LiveSubscription sub = registry.register(new LiveSubscription(null, null, ID, null, 8));
        assertEquals(LiveNotification.Action.CREATE, sub.poll(Duration.ofMillis(1)).action());
        assertEquals(LiveNotification.Action.UPDATE, sub.poll(Duration.ofMillis(1)).action());
        assertNull(sub.poll(Duration.ofMillis(1)));
        registry.onNotification(Map.of("id", ID.toString(), "action", "DELETE", "record", 1L, "result", Map.of()));
        assertEquals(LiveNotification.Action.DELETE, sub.poll(Duration.ofMillis(1)).action());
        registry.onNotification(Map.of("id", ID, "action", "KILLED", "record", dev.surrealj.value.None.NONE,
                "result", dev.surrealj.value.None.NONE));
        LiveNotification killed = sub.poll(Duration.ofMillis(1));
        assertEquals(LiveNotification.Action.KILLED, killed.action());
        assertNull(killed.recordId());
        assertTrue(registry.all().isEmpty());
        registry.onNotification(Map.of("id", ID, "action", "CREATE", "record", 2L, "result", Map.of()));
        assertNull(sub.poll(Duration.ofMillis(1)), "nothing after KILLED");
    }

    @Test
    void oneConsumptionModeOnly() {
        LiveSubscription sub = new LiveSubscription(null, null, ID, null, 8);
        sub.poll(Duration.ofMillis(1));
        sub.iterator(); // pulling twice is fine
        assertThrows(IllegalStateException.class, () -> sub.listen(n -> { }));
    }
}
