package dev.surrealj.reliability;

import static dev.surrealj.reliability.Support.millisSince;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.surrealj.jdbc.SurrealConnection;
import dev.surrealj.rpc.LiveNotification;
import dev.surrealj.rpc.LiveSubscription;
import dev.surrealj.rpc.SurrealClient;
import dev.surrealj.testing.SurrealServer;
import dev.surrealj.value.RecordId;
import io.netty.util.ResourceLeakDetector;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A bounded soak: mixed load (CRUD, batches, scripts, transactions, failing statements, timeouts,
 * live queries, connection churn) through HikariCP for {@code surrealj.soak.seconds}; then threads,
 * file descriptors, direct memory, heap and pending requests must be back where they were after the
 * warm-up, and Netty's leak detector (paranoid) must have found nothing.
 */
@Order(90)
@Tag("reliability")
class SoakTest {
    static final Report REPORT = Report.of(SoakTest.class, "Leaks: bounded soak",
            "After a warm-up, 8 threads run a mixed load through HikariCP for `-Dsurrealj.soak.seconds` (CRUD, "
                    + "rewritten batches, multi-statement scripts, committed and rolled-back transactions, statements "
                    + "that fail, query timeouts that fire, live queries opened and closed, connections opened and "
                    + "closed outside the pool), with Netty's leak detector at PARANOID. Threads, open file "
                    + "descriptors, JDK direct buffers, Netty's direct memory and the heap after GC are sampled; "
                    + "pending requests and live queries are read from every pooled connection at the end. Proves: "
                    + "none of them grows (final sample within a small tolerance of the post-warm-up baseline), no "
                    + "pooled connection has a pending request or live query left, and no ByteBuf leaked.");

    private static final int SECONDS = Integer.getInteger("surrealj.soak.seconds", 40);
    private static final int WORKERS = 8;
    private static final int POOL = 6;
    /** Record numbers, unique across the warm-up and the soak. */
    private static final AtomicLong SEQ = new AtomicLong();

    @AfterAll
    static void report() {
        REPORT.write();
    }

    /** One sample of the resources that must not grow. */
    record Sample(long threads, long deliveryThreads, long fds, long jdkDirect, long jdkDirectCount, long nettyDirect,
                  long heapAfterGc) {
        static Sample take() {
            System.gc();
            Support.sleep(200);
            System.gc();
            Support.sleep(100);
            long threads = 0;
            long delivery = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("surrealj-live-")) {
                    delivery++; // the cached pool that runs live-query listeners: grows and shrinks by itself
                } else {
                    threads++;
                }
            }
            long direct = 0;
            long count = 0;
            for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
                if (b.getName().equals("direct")) {
                    direct = b.getMemoryUsed();
                    count = b.getCount();
                }
            }
            long fds = ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.UnixOperatingSystemMXBean u ? u.getOpenFileDescriptorCount() : -1;
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            return new Sample(threads, delivery, fds, direct, count,
                    io.netty.util.internal.PlatformDependent.usedDirectMemory(), mem.getHeapMemoryUsage().getUsed());
        }

        @Override
        public String toString() {
            return String.format("threads %d (+%d live delivery), fds %d, JDK direct %,d B in %d buffers, Netty direct %,d B, heap %,d KiB",
                    threads, deliveryThreads, fds, jdkDirect, jdkDirectCount, nettyDirect, heapAfterGc >> 10);
        }
    }

    /** The requests waiting for an answer on a client's connection (read from the driver's fields), or -1. */
    static int pendingRequests(SurrealClient client) {
        try {
            Field core = Class.forName("dev.surrealj.rpc.RpcOperations").getDeclaredField("core");
            core.setAccessible(true);
            Object c = core.get(client);
            Field conn = c.getClass().getDeclaredField("conn");
            conn.setAccessible(true);
            Object ws = conn.get(c);
            if (ws == null) {
                return 0;
            }
            Field pending = ws.getClass().getDeclaredField("pending");
            pending.setAccessible(true);
            return ((Map<?, ?>) pending.get(ws)).size();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.MINUTES) // the soak's length is configurable
    void nothingGrowsUnderABoundedMixedLoad() throws Exception {
        ResourceLeakDetector.Level previousLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        // Netty reports leaks through its logger (java.util.logging here) at SEVERE: count them, keep nothing else
        AtomicLong leakReports = new AtomicLong();
        java.util.logging.Handler leakCounter = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord rec) {
                if (String.valueOf(rec.getMessage()).contains("LEAK:")) {
                    leakReports.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger.getLogger("").addHandler(leakCounter);
        try (SurrealServer server = SurrealServer.builder().start()) {
            Support.define(server, null, null, "soak", "main");
            String url = Support.url(server, "soak", "main");
            try (Connection c = DriverManager.getConnection(url)) {
                Support.exec(c, "DEFINE TABLE item SCHEMALESS; DEFINE TABLE bulk SCHEMALESS; DEFINE TABLE live SCHEMALESS;"
                        + "DEFINE INDEX item_k ON item FIELDS k UNIQUE;"
                        + "FOR $i IN 1..=500 { CREATE big SET n = $i, pad = string::repeat('x', 64) };");
            }
            Map<String, AtomicLong> ops = new TreeMap<>();
            List<Throwable> unexpected = new CopyOnWriteArrayList<>();
            Sample[] afterWarmUp = new Sample[1];
            try (HikariDataSource ds = Support.pool("soak", url, new Properties(), POOL, 10_000)) {
                runLoad(ds, url, 5, ops, unexpected); // warm-up: every code path once, pools and threads created
                Sample baseline = Sample.take();
                afterWarmUp[0] = baseline;
                List<Sample> samples = new ArrayList<>();
                samples.add(baseline);
                long t0 = System.nanoTime();
                ops.clear();
                ExecutorService sampler = Executors.newSingleThreadExecutor();
                AtomicBoolean sampling = new AtomicBoolean(true);
                Future<?> s = sampler.submit(() -> {
                    while (sampling.get()) {
                        Support.sleep(Math.max(2000, SECONDS * 1000L / 8));
                        if (sampling.get()) {
                            synchronized (samples) {
                                samples.add(Sample.take());
                            }
                        }
                    }
                    return null;
                });
                runLoad(ds, url, SECONDS, ops, unexpected);
                sampling.set(false);
                s.get(30, TimeUnit.SECONDS);
                sampler.shutdown();
                long loadMs = millisSince(t0);
                Support.sleep(1000);
                Sample end = Sample.take();
                samples.add(end);

                // every pooled connection: nothing pending, no live query left
                List<Connection> all = new ArrayList<>();
                int pendingTotal = 0;
                try {
                    for (int i = 0; i < POOL; i++) {
                        all.add(ds.getConnection());
                    }
                    for (Connection c : all) {
                        SurrealClient client = c.unwrap(SurrealClient.class);
                        int p = pendingRequests(client);
                        assertTrue(p >= 0, "cannot read pending requests");
                        pendingTotal += p;
                        assertTrue(client.toString().contains("queued=0"), client::toString);
                        assertTrue(client.toString().contains("live=0"), client::toString);
                    }
                } finally {
                    for (Connection c : all) {
                        c.close();
                    }
                }
                assertEquals(0, pendingTotal, "requests still pending on idle pooled connections");
                assertEquals(0, ds.getHikariPoolMXBean().getActiveConnections());

                long leaks = leakReports.get();
                long total = ops.values().stream().mapToLong(AtomicLong::get).sum();
                ops.forEach((k, v) -> REPORT.set("operations: " + k, v.get()));
                REPORT.count("operations in the soak", total);
                REPORT.set("soak duration (-Dsurrealj.soak.seconds)", SECONDS + " s (ran " + loadMs + " ms, "
                        + String.format("%.0f", total * 1000.0 / loadMs) + " ops/s)");
                REPORT.set("baseline after warm-up", baseline);
                REPORT.set("end of soak", end);
                StringBuilder series = new StringBuilder();
                synchronized (samples) {
                    for (Sample x : samples) {
                        series.append(x.threads()).append('/').append(x.fds()).append('/')
                                .append(x.jdkDirect() >> 10).append('/').append(Math.max(-1, x.nettyDirect() >> 10))
                                .append('/').append(x.heapAfterGc() >> 20).append("  ");
                    }
                }
                REPORT.set("samples: threads / fds / JDK direct KiB / Netty direct KiB / heap MiB", series.toString().trim());
                REPORT.set("pending requests / live queries left on " + POOL + " pooled connections", pendingTotal + " / 0");
                REPORT.set("Netty LEAK reports (PARANOID)", leaks);

                assertTrue(unexpected.isEmpty(), () -> "unexpected failures: " + unexpected.subList(0,
                        Math.min(5, unexpected.size())));
                assertEquals(0, leaks, "Netty reported leaked buffers");
                assertTrue(end.threads() <= baseline.threads() + 2, "threads grew: " + baseline + " -> " + end);
                assertTrue(end.deliveryThreads() <= WORKERS * 2, "live delivery threads: " + end.deliveryThreads());
                assertTrue(end.fds() <= baseline.fds() + 4, "file descriptors grew: " + baseline + " -> " + end);
                assertTrue(end.jdkDirect() <= baseline.jdkDirect() + (16 << 20), "JDK direct memory grew: "
                        + baseline + " -> " + end);
                assertTrue(end.nettyDirect() <= baseline.nettyDirect() + (16 << 20), "Netty direct memory grew: "
                        + baseline + " -> " + end);
                assertTrue(end.heapAfterGc() <= baseline.heapAfterGc() + (64 << 20), "heap grew: " + baseline
                        + " -> " + end);
            }
            // after the pool closed: its connections are gone too
            Support.sleep(1500);
            Sample closed = Sample.take();
            REPORT.set("after closing the pool", closed);
            // the detector works: a buffer dropped on purpose is reported
            leakReports.set(0);
            io.netty.buffer.ByteBuf dropped = io.netty.buffer.ByteBufAllocator.DEFAULT.directBuffer(16);
            dropped.writeInt(42);
            dropped = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (leakReports.get() == 0 && System.nanoTime() < until) {
                System.gc();
                Support.sleep(50);
                io.netty.buffer.ByteBufAllocator.DEFAULT.directBuffer(16).release();
            }
            REPORT.set("leak detector self-check (one buffer dropped on purpose)", leakReports.get() > 0
                    ? "reported" : "NOT reported");
            assertTrue(leakReports.get() > 0, "the leak detector did not report a buffer dropped on purpose");
            assertTrue(closed.threads() <= afterWarmUp[0].threads() + 2, "threads left after closing the pool: "
                    + closed);
            assertTrue(closed.fds() <= afterWarmUp[0].fds() + 4, "file descriptors left after closing the pool: "
                    + closed);
        } finally {
            java.util.logging.Logger.getLogger("").removeHandler(leakCounter);
            ResourceLeakDetector.setLevel(previousLevel);
        }
    }

    private static void count(Map<String, AtomicLong> ops, String what) {
        AtomicLong c;
        synchronized (ops) {
            c = ops.computeIfAbsent(what, k -> new AtomicLong());
        }
        c.incrementAndGet();
    }

    /** The mixed load: {@link #WORKERS} threads for {@code seconds}. */
    private static void runLoad(HikariDataSource ds, String url, int seconds, Map<String, AtomicLong> ops,
                                List<Throwable> unexpected) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService ex = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            fs.add(ex.submit(() -> {
                for (long i = 0; System.nanoTime() < end; i++) {
                    long n = SEQ.incrementAndGet();
                    int kind = (int) (i % 20);
                    try {
                        step(ds, url, worker, n, kind, ops);
                    } catch (Throwable e) {
                        unexpected.add(e);
                        REPORT.error(e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get(seconds + 120L, TimeUnit.SECONDS);
        }
        ex.shutdown();
    }

    private static void step(HikariDataSource ds, String url, int worker, long n, int kind,
                             Map<String, AtomicLong> ops) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        switch (kind) {
            case 0, 1, 2 -> {
                try (Connection c = ds.getConnection();
                     PreparedStatement ps = c.prepareStatement("CREATE ? SET k = ?, w = ?, v = ?")) {
                    ps.setObject(1, new RecordId("item", n));
                    ps.setString(2, "k" + n);
                    ps.setInt(3, worker);
                    ps.setString(4, "v".repeat(r.nextInt(1, 200)));
                    assertEquals(1, ps.executeUpdate());
                }
                count(ops, "create");
            }
            case 3, 4, 5 -> {
                try (Connection c = ds.getConnection();
                     PreparedStatement ps = c.prepareStatement("SELECT * FROM item WHERE w = ? LIMIT 5")) {
                    ps.setInt(1, worker);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            assertNotNull(rs.getObject("id"));
                        }
                    }
                }
                count(ops, "select");
            }
            case 6 -> {
                try (Connection c = ds.getConnection();
                     PreparedStatement ps = c.prepareStatement("UPDATE item SET seen += 1 WHERE w = ? AND k = ?")) {
                    ps.setInt(1, worker);
                    ps.setString(2, "k" + Math.max(1, n - r.nextInt(1, 50)));
                    ps.executeUpdate();
                }
                count(ops, "update");
            }
            case 7 -> {
                try (Connection c = ds.getConnection();
                     PreparedStatement ps = c.prepareStatement("INSERT INTO bulk (w, i) VALUES (?, ?)")) {
                    for (int i = 0; i < 20; i++) {
                        ps.setInt(1, worker);
                        ps.setInt(2, i);
                        ps.addBatch();
                    }
                    assertEquals(20, ps.executeBatch().length);
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("DELETE bulk WHERE w = " + worker);
                    }
                }
                count(ops, "batch of 20 + delete");
            }
            case 8 -> {
                try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                    st.execute("LET $a = " + n + "; RETURN $a * 2; SELECT count() FROM item GROUP ALL; RETURN 'x';");
                    int results = 1;
                    while (st.getMoreResults() || st.getUpdateCount() != -1) {
                        results++;
                    }
                    assertTrue(results >= 3);
                }
                count(ops, "multi-statement script");
            }
            case 9, 10 -> {
                boolean commit = kind == 9;
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement("UPSERT ? SET n = ?")) {
                        ps.setObject(1, new RecordId("tx", (long) worker));
                        ps.setLong(2, n);
                        ps.executeUpdate();
                    }
                    try {
                        if (commit) {
                            c.commit();
                        } else {
                            c.rollback();
                        }
                    } catch (SQLException e) {
                        if (!Transactions.isRetryable(e)) {
                            throw e;
                        }
                        count(ops, "transaction conflict (40001)");
                    }
                    c.setAutoCommit(true);
                }
                count(ops, commit ? "transaction committed" : "transaction rolled back");
            }
            case 11 -> {
                try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                    st.executeQuery("SELEC nonsense FROM");
                    throw new AssertionError("a syntax error passed");
                } catch (SQLException e) {
                    assertEquals("42601", e.getSQLState(), e::toString);
                }
                count(ops, "failing statement (42601)");
            }
            case 12 -> {
                if (n % 10 == 0) {
                    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                        st.setQueryTimeout(1);
                        st.executeQuery("SLEEP 1500ms; RETURN 1");
                        throw new AssertionError("the query timeout did not fire");
                    } catch (SQLException e) {
                        assertEquals("HYT00", e.getSQLState(), e::toString);
                    }
                    count(ops, "query timeout fired (HYT00)");
                } else {
                    try (Connection c = ds.getConnection()) {
                        assertTrue(c.isValid(2));
                    }
                    count(ops, "isValid");
                }
            }
            case 13 -> {
                try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT * FROM big")) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                    }
                    assertEquals(500, rows);
                    assertNotNull(rs.getMetaData().getColumnName(1));
                }
                count(ops, "select 500 rows");
            }
            case 14 -> {
                if (n % 4 == 0) {
                    try (Connection c = ds.getConnection()) {
                        SurrealConnection sc = c.unwrap(SurrealConnection.class);
                        try (LiveSubscription sub = sc.live("live", false)) {
                            try (PreparedStatement ps = c.prepareStatement("CREATE live SET w = ?")) {
                                ps.setInt(1, worker);
                                ps.executeUpdate();
                            }
                            LiveNotification note = sub.poll(Duration.ofSeconds(5));
                            assertNotNull(note, "live notification");
                        }
                    }
                    count(ops, "live query opened, notified, closed");
                } else {
                    try (Connection c = DriverManager.getConnection(url)) {
                        assertEquals(n, Support.scalar(c, "RETURN " + n));
                    }
                    count(ops, "connection opened and closed outside the pool");
                }
            }
            default -> {
                try (Connection c = ds.getConnection();
                     PreparedStatement ps = c.prepareStatement("SELECT * FROM ONLY ?")) {
                    ps.setObject(1, new RecordId("item", Math.max(1, n - r.nextInt(1, 50))));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                    }
                }
                count(ops, "select by id");
            }
        }
    }
}
