package dev.surrealj.rpc;

import static dev.surrealj.rpc.RpcTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One connection, many threads, many requests in flight. */
class ConcurrencyTest {

    @Test
    void thousandInFlightRequestsFromEightThreadsOnOneConnection() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (SurrealClient client = connect(RpcTestSupport.freshDb("concurrency"))) {
                int threads = 8;
                int perThread = 125;
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                try {
                    List<Future<List<String>>> workers = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        int thread = t;
                        workers.add(pool.submit(() -> {
                            start.await();
                            // first put all requests in flight, then collect the answers
                            List<RpcFuture<List<QueryResult>>> inFlight = new ArrayList<>();
                            for (int i = 0; i < perThread; i++) {
                                long n = thread * 1000L + i;
                                inFlight.add(client.query("RETURN [$t, $n * 2, string::concat('r', <string> $n)]",
                                        Map.of("t", (long) thread, "n", n)));
                            }
                            List<String> errors = new ArrayList<>();
                            for (int i = 0; i < perThread; i++) {
                                long n = thread * 1000L + i;
                                Object got = inFlight.get(i).await().get(0).orThrow();
                                List<Object> want = List.of((long) thread, n * 2, "r" + n);
                                if (!want.equals(got)) {
                                    errors.add("request " + n + ": expected " + want + " got " + got);
                                }
                            }
                            return errors;
                        }));
                    }
                    start.countDown();
                    List<String> errors = new ArrayList<>();
                    for (Future<List<String>> w : workers) {
                        errors.addAll(w.get());
                    }
                    assertEquals(List.of(), errors);
                } finally {
                    pool.shutdownNow();
                }
            }
        });
    }

    @Test
    void mixedMethodsInFlightAtOnce() {
        try (SurrealClient client = connect(RpcTestSupport.freshDb("mixed"))) {
            RpcTestSupport.value(client, "DEFINE TABLE m");
            List<RpcFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                all.add(client.create(new dev.surrealj.value.RecordId("m", (long) i), Map.of("i", i)));
                all.add(client.ping());
                all.add(client.run("math::abs", -i));
            }
            for (int i = 0; i < all.size(); i += 3) {
                long n = i / 3;
                assertEquals(Map.of("id", new dev.surrealj.value.RecordId("m", n), "i", n), all.get(i).await());
                assertEquals(n, all.get(i + 2).await());
            }
        }
    }
}
