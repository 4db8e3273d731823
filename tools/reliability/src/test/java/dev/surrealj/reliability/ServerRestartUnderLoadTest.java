package dev.surrealj.reliability;

import static dev.surrealj.reliability.Support.millisSince;
import static dev.surrealj.reliability.Support.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.surrealj.testing.SurrealServer;
import dev.surrealj.value.RecordId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 16 threads write and read through HikariCP while the dev server (surrealkv storage) is killed with
 * SIGKILL and restarted on the same port, twice. Every write the driver acknowledged must be there
 * afterwards; every failure must be a clean connection error.
 */
@Order(70)
@Tag("reliability")
class ServerRestartUnderLoadTest {
    static final Report REPORT = Report.of(ServerRestartUnderLoadTest.class, "Server restart under load",
            "16 threads run writes and reads through HikariCP (8 connections) while the dev server with "
                    + "`surrealkv://` storage is killed (SIGKILL, no shutdown) and restarted on the same port, "
                    + "twice. Proves: clients only ever see clean errors (SQLState 08xxx, HYT00 or HikariCP's pool "
                    + "timeout), the pool serves every thread again after each restart without intervention, and "
                    + "every write the driver acknowledged is present afterwards (none lost). Writes whose answer "
                    + "was lost in the crash (in flight, outcome unknown) are counted separately.");

    private static final String PW = "Restart-pw-2207";
    private static final String NS = "rs";
    private static final String DB = "main";
    private static final int THREADS = 16;

    @TempDir
    static Path dir;

    @AfterAll
    static void report() {
        REPORT.write();
    }

    /** How a failed write ended: not sent at all, or sent with the outcome unknown. */
    private static boolean outcomeUnknown(Throwable e) {
        if (!(e instanceof SQLException s) || Errors.isPoolTimeout(e)) {
            return false;
        }
        // 08006 (lost while in flight) and HYT00 (no answer in time) may have run; 08001 / 08003 never left
        return "08006".equals(s.getSQLState()) || "HYT00".equals(s.getSQLState());
    }

    @Test
    void acknowledgedWritesSurviveKillsAndThePoolRecovers() throws Exception {
        SurrealServer server = SurrealServer.builder().storage("surrealkv://" + dir.resolve("data"))
                .user("root", PW).start();
        int port = server.port();
        ServerRef current = new ServerRef(server);
        try {
            Support.define(server, "root", PW, NS, DB);
            Properties p = props("user", "root", "password", PW, "requestTimeout", "5", "connectTimeout", "2");
            try (Connection c = DriverManager.getConnection(Support.url(port, NS, DB), p)) {
                Support.exec(c, "DEFINE TABLE ack SCHEMALESS");
            }
            Set<RecordId> acked = ConcurrentHashMap.newKeySet();
            Set<RecordId> unknown = ConcurrentHashMap.newKeySet();
            List<Throwable> unclean = new CopyOnWriteArrayList<>();
            List<String> lost = new CopyOnWriteArrayList<>();
            AtomicLong ops = new AtomicLong();
            AtomicLong okOps = new AtomicLong();
            AtomicLong reads = new AtomicLong();
            AtomicLongArray lastSuccess = new AtomicLongArray(THREADS);
            AtomicBoolean stop = new AtomicBoolean();

            try (HikariDataSource ds = Support.pool("restart", Support.url(port, NS, DB), p, 8, 2000)) {
                ExecutorService ex = Executors.newFixedThreadPool(THREADS);
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    fs.add(ex.submit(() -> {
                        List<RecordId> mine = new ArrayList<>();
                        for (long i = 0; !stop.get(); i++) {
                            ops.incrementAndGet();
                            RecordId id = null;
                            try (Connection c = ds.getConnection()) {
                                if (i % 4 != 3 || mine.isEmpty()) {
                                    id = new RecordId("ack", UUID.randomUUID().toString());
                                    try (PreparedStatement ps = c.prepareStatement("CREATE ? SET w = ?, i = ?")) {
                                        ps.setObject(1, id);
                                        ps.setInt(2, thread);
                                        ps.setLong(3, i);
                                        assertEquals(1, ps.executeUpdate());
                                    }
                                    acked.add(id);
                                    mine.add(id);
                                } else {
                                    // read back one of this thread's acknowledged writes: it must be there
                                    RecordId check = mine.get((int) (i % mine.size()));
                                    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ONLY ?")) {
                                        ps.setObject(1, check);
                                        try (ResultSet rs = ps.executeQuery()) {
                                            if (!rs.next() || rs.getObject("id") == null) {
                                                lost.add(check + " missing at read " + i);
                                            }
                                        }
                                    }
                                    reads.incrementAndGet();
                                }
                                okOps.incrementAndGet();
                                lastSuccess.set(thread, System.nanoTime());
                            } catch (Throwable e) {
                                REPORT.error(e);
                                if (!Errors.isCleanConnectionFailure(e)) {
                                    unclean.add(e);
                                }
                                if (id != null && outcomeUnknown(e)) {
                                    unknown.add(id);
                                }
                                Support.sleep(10);
                            }
                        }
                        return null;
                    }));
                }

                Thread.sleep(3000);
                for (int round = 1; round <= 2; round++) {
                    long acksBefore = acked.size();
                    current.get().kill();
                    long killedAt = System.nanoTime();
                    REPORT.count("server kills (SIGKILL)");
                    Thread.sleep(1500);
                    long restartAt = System.nanoTime();
                    SurrealServer restarted = current.get().restart();
                    current.set(restarted);
                    assertEquals(port, restarted.port());
                    REPORT.count("server restarts");
                    REPORT.set("restart " + round + ": server down for", millisSince(killedAt) + " ms (restart took "
                            + millisSince(restartAt) + " ms)");
                    Support.await(() -> {
                        for (int t = 0; t < THREADS; t++) {
                            if (lastSuccess.get(t) < restartAt) {
                                return false;
                            }
                        }
                        return true;
                    }, Duration.ofSeconds(20), "all " + THREADS + " threads succeed after restart " + round);
                    REPORT.set("restart " + round + ": all 16 threads served again after", millisSince(restartAt)
                            + " ms (writes acknowledged before the kill: " + acksBefore + ")");
                    Thread.sleep(2500);
                }
                stop.set(true);
                for (Future<?> f : fs) {
                    f.get(60, TimeUnit.SECONDS);
                }
                ex.shutdown();
                assertTrue(ds.getHikariPoolMXBean().getTotalConnections() <= 8);
            }

            assertTrue(unclean.isEmpty(), () -> "unclean errors: " + unclean);
            assertTrue(lost.isEmpty(), () -> "acknowledged writes missing on read-back: " + lost);

            // every acknowledged write is there, on a fresh connection
            Set<Object> present = new HashSet<>();
            try (Connection c = DriverManager.getConnection(Support.url(port, NS, DB), p);
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT VALUE id FROM ack")) {
                while (rs.next()) {
                    present.add(rs.getObject(1));
                }
            }
            Set<RecordId> missing = new HashSet<>(acked);
            missing.removeAll(present);
            long unknownPresent = unknown.stream().filter(present::contains).count();
            Set<Object> unexplained = new HashSet<>(present);
            unexplained.removeAll(acked);
            unexplained.removeAll(unknown);

            REPORT.count("operations attempted", ops.get());
            REPORT.count("operations succeeded", okOps.get());
            REPORT.count("read-backs of acknowledged writes", reads.get());
            REPORT.set("writes acknowledged", acked.size());
            REPORT.set("acknowledged writes present afterwards", acked.size() - missing.size());
            REPORT.set("writes with unknown outcome (in flight at a kill): present / absent",
                    unknownPresent + " / " + (unknown.size() - unknownPresent));
            REPORT.set("records present that no client wrote", unexplained.size());
            assertTrue(missing.isEmpty(), () -> missing.size() + " acknowledged writes lost, e.g. "
                    + missing.stream().limit(5).toList());
            assertTrue(unexplained.isEmpty(), () -> "records nobody wrote: " + unexplained);
            assertTrue(acked.size() > 100, "too few writes: " + acked.size());
        } finally {
            current.get().close();
            server.close();
        }
    }

    /** The server object changes on every restart. */
    private static final class ServerRef {
        private volatile SurrealServer server;

        ServerRef(SurrealServer server) {
            this.server = server;
        }

        SurrealServer get() {
            return server;
        }

        void set(SurrealServer s) {
            server = s;
        }
    }
}
