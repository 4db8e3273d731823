package dev.surrealj.bench;

import dev.surrealj.rpc.QueryResult;
import dev.surrealj.rpc.SurrealClient;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/** Measures SurrealJ's RPC client ({@link SurrealClient}, WebSocket/CBOR) with the standard plan. */
final class JavaPeer {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final SurrealClient client;
    private final BenchOptions o;

    JavaPeer(SurrealClient client, BenchOptions o) {
        this.client = client;
        this.o = o;
    }

    /** CPU time of this JVM (all threads: caller, Netty I/O, GC, JIT), in nanoseconds. The server is another process. */
    static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    Results.Peer run() {
        return new Results.Peer("surrealj", point(), pipelined(), scan(), null, null);
    }

    /** A timed part of a bulk-insert run: inserts {@link BenchOptions#insertRows} rows into {@code table}. */
    @FunctionalInterface
    interface InsertRun {
        void insert(String table) throws Exception;
    }

    /**
     * (e) warm-up and measured bulk inserts, each into a fresh table of the same (fresh) database: after a
     * GC, only {@code run} is timed; then the table's row count is checked (not timed). Tables are not
     * removed: removing one does not make the store as fast as before (see docs/benchmarks.md).
     */
    static Results.Insert bulk(SurrealClient admin, BenchOptions o, String peer, InsertRun run) {
        List<Double> times = new ArrayList<>();
        long cpu = 0;
        for (int k = 0; k < o.insertWarmup + o.insertRuns; k++) {
            String table = DataSet.bulkTable(peer, k);
            System.gc();
            long c = cpuNanos();
            long s = System.nanoTime();
            try {
                run.insert(table);
            } catch (Exception e) {
                throw new IllegalStateException(peer + ": bulk insert into " + table + " failed: " + e, e);
            }
            long wall = System.nanoTime() - s;
            long used = cpuNanos() - c;
            long n = DataSet.count(admin, table);
            if (n != o.insertRows) {
                throw new IllegalStateException(peer + ": " + table + " holds " + n + " rows, expected " + o.insertRows);
            }
            if (k >= o.insertWarmup) {
                times.add(wall / 1e6);
                cpu += used;
            }
        }
        return Results.Insert.of(o.insertRows, times, cpu / 1e6 / o.insertRuns);
    }

    /** (e) over RPC: exactly the request the JDBC driver sends for the batch ({@link DataSet#insertScript}). */
    static Results.Insert insert(SurrealClient client, BenchOptions o) {
        List<Map<String, Object>> rows = new ArrayList<>(o.insertRows);
        for (int i = 1; i <= o.insertRows; i++) {
            rows.add(DataSet.bulkRow(i));
        }
        return bulk(client, o, "rpc", table -> {
            Map.Entry<String, Map<String, Object>> script = DataSet.insertScript(table, rows, o.chunk, o.atomic);
            long written = 0;
            for (QueryResult r : client.query(script.getKey(), script.getValue()).await()) {
                written += r.orThrow() instanceof List<?> l ? l.size() : 0;
            }
            if (written != o.insertRows) {
                throw new IllegalStateException("the INSERTs returned " + written + " records");
            }
        });
    }

    private List<QueryResult> pointQuery(long k) {
        return client.query(DataSet.POINT_SQL, Map.of("id", DataSet.pointId(k, o.rows))).await();
    }

    /** (a) + (d): sequential point queries, one at a time. */
    private Results.Point point() {
        for (int k = 0; k < o.warmup; k++) {
            expectRows(pointQuery(k), 1);
        }
        long[] samples = new long[o.ops];
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        for (int k = 0; k < o.ops; k++) {
            long s = System.nanoTime();
            List<QueryResult> r = pointQuery(o.warmup + k);
            samples[k] = System.nanoTime() - s;
            expectRows(r, 1);
        }
        long wall = System.nanoTime() - t0;
        double cpuPerOp = (cpuNanos() - cpu0) / 1e3 / o.ops;
        return Results.Point.of(samples, cpuPerOp, wall / 1e6);
    }

    /** (b): {@code window} requests in flight on the one connection. */
    private Results.Pipelined pipelined() {
        pipeline(o.pipeWarmup, 0);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        pipeline(o.pipeOps, o.pipeWarmup);
        long wall = System.nanoTime() - t0;
        double cpuPerOp = (cpuNanos() - cpu0) / 1e3 / o.pipeOps;
        return new Results.Pipelined(o.pipeOps, o.window, o.pipeOps / (wall / 1e9), cpuPerOp, wall / 1e6);
    }

    private void pipeline(int total, long base) {
        if (total == 0) {
            return;
        }
        Semaphore slots = new Semaphore(o.window);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int k = 0; k < total && failure.get() == null; k++) {
            slots.acquireUninterruptibly();
            client.query(DataSet.POINT_SQL, Map.of("id", DataSet.pointId(base + k, o.rows)))
                    .whenComplete((r, e) -> {
                        try {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            } else if (DataSet.rowsOf(r) != 1) {
                                failure.compareAndSet(null, new IllegalStateException("point query lost its row"));
                            }
                        } catch (RuntimeException x) {
                            failure.compareAndSet(null, x);
                        } finally {
                            slots.release();
                        }
                    });
        }
        slots.acquireUninterruptibly(o.window);
        if (failure.get() != null) {
            throw new IllegalStateException("pipelined query failed: " + failure.get(), failure.get());
        }
    }

    /** (c): the full-table SELECT, end to end (request, server, transfer, decoding into Java values). */
    private Results.Scan scan() {
        for (int k = 0; k < o.scanWarmup; k++) {
            expectRows(client.query(DataSet.SCAN_SQL).await(), o.rows);
        }
        List<Double> times = new ArrayList<>();
        long cpu = 0;
        for (int k = 0; k < o.scanRuns; k++) {
            System.gc(); // as the JS peers do with --expose-gc: each run starts without the last one's garbage
            long c = cpuNanos();
            long s = System.nanoTime();
            List<QueryResult> r = client.query(DataSet.SCAN_SQL).await();
            times.add((System.nanoTime() - s) / 1e6);
            cpu += cpuNanos() - c;
            expectRows(r, o.rows);
        }
        // the process CPU clock ticks in 10 ms steps on Linux: the mean over the runs, not a median of steps
        return new Results.Scan(o.rows, o.scanRuns, Results.median(times),
                times.stream().mapToDouble(Double::doubleValue).min().orElse(0), cpu / 1e6 / o.scanRuns,
                List.copyOf(times));
    }

    private static void expectRows(List<QueryResult> r, int expected) {
        int n = DataSet.rowsOf(r);
        if (n != expected) {
            throw new IllegalStateException("expected " + expected + " rows, got " + n);
        }
    }
}
