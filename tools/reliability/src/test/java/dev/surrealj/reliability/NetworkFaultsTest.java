package dev.surrealj.reliability;

import static dev.surrealj.reliability.Support.millisSince;
import static dev.surrealj.reliability.Support.props;
import static dev.surrealj.reliability.Support.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.surrealj.jdbc.SurrealConnection;
import dev.surrealj.rpc.LiveNotification;
import dev.surrealj.rpc.LiveSubscription;
import dev.surrealj.testing.SurrealServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Network faults between the driver and the server, injected by a {@link FaultProxy}: delays, a
 * blackhole (bytes dropped, nothing closed), half-closed and cut (RST) connections, refused
 * connections. The server requires authentication, so a reconnect must sign in again.
 */
@Order(50)
@Tag("reliability")
class NetworkFaultsTest {
    static final Report REPORT = Report.of(NetworkFaultsTest.class, "Network faults",
            "A Netty TCP proxy between driver and server delays, drops (blackhole), half-closes, cuts (RST) and "
                    + "refuses connections on command. Proves: requests on a broken connection fail fast with "
                    + "SQLState 08xxx, a silent network fails at the request/connect timeout (HYT00/08001) and "
                    + "never later, late answers do not corrupt later ones, HikariCP evicts the broken connections "
                    + "and the pool works again once the path heals, and `reconnect=true` restores "
                    + "authentication, namespace/database, session variables and live queries.");

    private static final String PW = "Nf-root-pw-7731";
    private static final String NS = "nf";
    private static final String DB = "main";
    private static SurrealServer server;
    private FaultProxy proxy;

    @BeforeAll
    static void start() throws SQLException {
        server = SurrealServer.builder().user("root", PW).start();
        Support.define(server, "root", PW, NS, DB, "other");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        REPORT.write();
    }

    @BeforeEach
    void proxy() {
        proxy = new FaultProxy("127.0.0.1", server.port());
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
        proxy.counters().forEach((k, v) -> REPORT.count("proxy: " + k, v));
    }

    private String proxiedUrl() {
        return Support.url(proxy.port(), NS, DB);
    }

    private static Properties root(String... more) {
        return props(props("user", "root", "password", PW), more);
    }

    private Connection direct() throws SQLException {
        return DriverManager.getConnection(Support.url(server, NS, DB), root());
    }

    /** Runs {@code work}, expecting an SQLException; returns it and how long it took. */
    private static SQLException failure(String what, long maxMillis, SqlWork<?> work, Connection c) {
        long t0 = System.nanoTime();
        SQLException e = assertThrows(SQLException.class, () -> work.run(c), what);
        long ms = millisSince(t0);
        assertTrue(ms <= maxMillis, what + ": failed after " + ms + " ms, limit " + maxMillis + " ms");
        REPORT.error(e);
        REPORT.set("max time to fail: " + what, ms + " ms (limit " + maxMillis + " ms)");
        return e;
    }

    @Test
    void delayedAnswersStayMatchedAndTimeoutsAreKept() throws Exception {
        try (Connection c = DriverManager.getConnection(proxiedUrl(), root("requestTimeout", "2"))) {
            proxy.delay(Duration.ofMillis(150));
            // 8 threads multiplex on one connection through a slow path: every answer reaches its request
            ExecutorService ex = Executors.newFixedThreadPool(8);
            List<Future<Long>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                fs.add(ex.submit(() -> {
                    long slowest = 0;
                    for (int i = 0; i < 5; i++) {
                        long t0 = System.nanoTime();
                        assertEquals((long) thread * 1000 + i, scalar(c, "RETURN " + thread + " * 1000 + " + i));
                        slowest = Math.max(slowest, millisSince(t0));
                        REPORT.count("operations");
                    }
                    return slowest;
                }));
            }
            long slowest = 0;
            for (Future<Long> f : fs) {
                slowest = Math.max(slowest, f.get(30, TimeUnit.SECONDS));
            }
            ex.shutdown();
            assertTrue(slowest >= 290, "a request through the 2 x 150 ms path took only " + slowest + " ms");
            REPORT.set("slowest answer through a 150 ms each-way delay", slowest + " ms");

            // a delay longer than the timeouts: the request fails at its timeout, not later
            proxy.delay(Duration.ofMillis(3000));
            SQLException q = failure("query timeout 1 s behind a 3 s delay", 2500, conn -> {
                try (Statement st = conn.createStatement()) {
                    st.setQueryTimeout(1);
                    return st.executeQuery("RETURN 'late-1'");
                }
            }, c);
            assertInstanceOf(SQLTimeoutException.class, q);
            assertEquals("HYT00", q.getSQLState());
            SQLException r = failure("requestTimeout 2 s behind a 3 s delay", 3500,
                    conn -> scalar(conn, "RETURN 'late-2'"), c);
            assertEquals("HYT00", r.getSQLState());

            // the late answers arrive after the path heals and must not be taken for later requests' answers
            proxy.heal();
            try (Statement st = c.createStatement()) {
                st.setQueryTimeout(10);
                for (int i = 0; i < 20; i++) {
                    try (ResultSet rs = st.executeQuery("RETURN 'fresh-" + i + "'")) {
                        assertTrue(rs.next());
                        assertEquals("fresh-" + i, rs.getString(1));
                        REPORT.count("operations");
                    }
                }
            }
            assertTrue(c.isValid(2));
        }
    }

    enum Break { CUT, HALF_CLOSE_TOWARDS_CLIENT, HALF_CLOSE_TOWARDS_SERVER }

    private void inject(Break b) {
        int n = switch (b) {
            case CUT -> proxy.cut();
            case HALF_CLOSE_TOWARDS_CLIENT -> proxy.halfCloseTowardsClient();
            case HALF_CLOSE_TOWARDS_SERVER -> proxy.halfCloseTowardsServer();
        };
        assertTrue(n > 0, "no connection to break");
        REPORT.count("faults injected: " + b.name().toLowerCase().replace('_', ' '));
    }

    @ParameterizedTest
    @EnumSource(Break.class)
    void aBrokenConnectionFailsInFlightAndLaterRequestsFast(Break fault) throws Exception {
        try (Connection c = DriverManager.getConnection(proxiedUrl(), root("requestTimeout", "30"))) {
            assertEquals(1L, scalar(c, "RETURN 1"));
            ExecutorService ex = Executors.newSingleThreadExecutor();
            Future<Object> inFlight = ex.submit(() -> scalar(c, "SLEEP 5s; RETURN 'slept'"));
            Thread.sleep(300);
            long t0 = System.nanoTime();
            inject(fault);
            Exception e = assertThrows(Exception.class, () -> inFlight.get(10, TimeUnit.SECONDS));
            long ms = millisSince(t0);
            ex.shutdown();
            SQLException s = assertInstanceOf(SQLException.class, e.getCause(), () -> String.valueOf(e));
            assertEquals("08006", s.getSQLState(), s::toString);
            assertTrue(ms < 1500, fault + ": the in-flight request failed only after " + ms + " ms");
            REPORT.error(s);
            REPORT.set("in-flight request failed after " + fault.name().toLowerCase().replace('_', ' '), ms + " ms");

            // later requests fail at once, and the connection says it is gone (so pools drop it)
            SQLException later = failure("request on a broken connection", 500, conn -> scalar(conn, "RETURN 2"), c);
            assertTrue(later.getSQLState().startsWith("08"), later::toString);
            assertFalse(c.isValid(1));
            // the requests fail first, then the client marks itself closed (same event-loop task): converge
            Support.await(() -> {
                try {
                    return c.isClosed();
                } catch (SQLException closedCheck) {
                    return true;
                }
            }, Duration.ofSeconds(1), "isClosed() after the connection broke");
        }
    }

    @Test
    void aSilentNetworkFailsAtTheTimeoutsNeverLater() throws Exception {
        Properties p = root("requestTimeout", "2", "connectTimeout", "2", "keepAliveInterval", "1");
        try (Connection c = DriverManager.getConnection(proxiedUrl(), p);
             Connection idle = DriverManager.getConnection(proxiedUrl(), p)) {
            assertEquals(1L, scalar(c, "RETURN 1"));
            proxy.blackhole(true);
            REPORT.count("faults injected: blackhole");
            long t0 = System.nanoTime();
            SQLException e = failure("request into a blackhole (requestTimeout 2 s)", 3000,
                    conn -> scalar(conn, "RETURN 1"), c);
            assertTrue(millisSince(t0) >= 1900, "timed out early");
            assertInstanceOf(SQLTimeoutException.class, e);

            long v0 = System.nanoTime();
            assertFalse(c.isValid(1));
            assertTrue(millisSince(v0) < 1600, "isValid(1) took " + millisSince(v0) + " ms");

            // a new connection: TCP reaches the proxy, the WebSocket handshake gets no answer
            SQLException connect = failure("connect into a blackhole (connectTimeout 2 s)", 3500,
                    conn -> DriverManager.getConnection(proxiedUrl(), p), null);
            assertEquals("08001", connect.getSQLState(), connect::toString);

            // the idle connection's keep-alive ping goes unanswered: it closes itself
            Support.await(() -> {
                try {
                    return idle.isClosed();
                } catch (SQLException ex) {
                    return true;
                }
            }, Duration.ofSeconds(8), "an idle connection notices the dead path through its keep-alive");
            REPORT.set("idle connection closed by its keep-alive (interval 1 s, timeout 2 s) within",
                    millisSince(t0) + " ms");
            failure("request on a connection its keep-alive closed", 500, conn -> scalar(conn, "RETURN 1"), idle);
        }
        proxy.heal();
        try (Connection c = DriverManager.getConnection(proxiedUrl(), p)) {
            assertEquals(3L, scalar(c, "RETURN 3"));
        }
    }

    /**
     * CUT/HALF_CLOSE + refuse: every connection breaks and no new one can be made until the path heals.
     * BLACKHOLE: nothing passes until it heals (the connections themselves survive). STALL: the open
     * connections go silent for good while new ones work: only eviction helps.
     */
    enum PoolFault { CUT_AND_REFUSE, HALF_CLOSE_AND_REFUSE, BLACKHOLE, STALL_OPEN_CONNECTIONS }

    @ParameterizedTest
    @EnumSource(PoolFault.class)
    void hikariEvictsBrokenConnectionsAndRecoversWhenThePathHeals(PoolFault fault) throws Exception {
        Properties p = root("requestTimeout", "2", "connectTimeout", "1", "keepAliveInterval", "1");
        int workers = 8;
        int poolSize = 4;
        try (HikariDataSource ds = Support.pool("nf-" + fault, proxiedUrl(), p, poolSize, 1500)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong slowestFailure = new AtomicLong();
            AtomicLong lastFailureAt = new AtomicLong();
            List<Throwable> unclean = new CopyOnWriteArrayList<>();
            long[] lastSuccess = new long[workers];
            ExecutorService ex = Executors.newFixedThreadPool(workers);
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                fs.add(ex.submit(() -> {
                    for (long i = 0; !stop.get(); i++) {
                        long t0 = System.nanoTime();
                        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                             ResultSet rs = st.executeQuery("RETURN " + i)) {
                            assertTrue(rs.next());
                            assertEquals(i, rs.getLong(1));
                            ok.incrementAndGet();
                            synchronized (lastSuccess) {
                                lastSuccess[worker] = System.nanoTime();
                            }
                        } catch (Throwable e) {
                            failed.incrementAndGet();
                            slowestFailure.accumulateAndGet(millisSince(t0), Math::max);
                            lastFailureAt.accumulateAndGet(System.nanoTime(), Math::max);
                            REPORT.error(e);
                            if (!Errors.isCleanConnectionFailure(e)) {
                                unclean.add(e);
                            }
                            Support.sleep(20);
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(1000);
            assertEquals(0, failed.get(), "failures before any fault");
            long beforeFault = ok.get();
            assertTrue(beforeFault > 0);
            long acceptedBefore = proxy.accepted();
            long faultAt = System.nanoTime();

            switch (fault) {
                case CUT_AND_REFUSE -> {
                    proxy.refuse(true);
                    inject(Break.CUT);
                }
                case HALF_CLOSE_AND_REFUSE -> {
                    proxy.refuse(true);
                    inject(Break.HALF_CLOSE_TOWARDS_CLIENT);
                }
                case BLACKHOLE -> {
                    proxy.blackhole(true);
                    REPORT.count("faults injected: blackhole");
                }
                case STALL_OPEN_CONNECTIONS -> REPORT.count("faults injected: connections stalled for good",
                        proxy.stallOpenConnections());
            }
            Thread.sleep(3000);
            long failedDuringFault = failed.get();
            assertTrue(failedDuringFault > 0, "no request failed during " + fault);

            long healedAt = System.nanoTime();
            proxy.heal();
            Support.await(() -> {
                synchronized (lastSuccess) {
                    for (long t : lastSuccess) {
                        if (t < healedAt) {
                            return false;
                        }
                    }
                    return true;
                }
            }, Duration.ofSeconds(15), "every worker succeeds again after " + fault + " healed");
            long recoveryMs = millisSince(healedAt);
            // from now on nothing may fail: the broken connections are all gone
            long failedAfterRecovery = failed.get();
            long okAtRecovery = ok.get();
            Thread.sleep(1500);
            stop.set(true);
            for (Future<?> f : fs) {
                f.get(30, TimeUnit.SECONDS);
            }
            ex.shutdown();
            assertTrue(unclean.isEmpty(), () -> "unclean failures: " + unclean);
            assertEquals(failedAfterRecovery, failed.get(), "requests failed after the pool had recovered");
            assertTrue(ok.get() - okAtRecovery > 50, "too little work after recovery");
            if (fault != PoolFault.BLACKHOLE) {
                // a blackhole drops whole requests: the connections survive it and HikariCP (which does not
                // evict on SQLTimeoutException) keeps them; every other fault must have replaced them
                assertTrue(proxy.accepted() > acceptedBefore, "the pool never opened a new connection");
            }
            assertTrue(slowestFailure.get() <= 5000, "a failure took " + slowestFailure.get() + " ms");
            assertTrue(ds.getHikariPoolMXBean().getTotalConnections() <= poolSize);
            Support.await(() -> proxy.openConnections() <= poolSize, Duration.ofSeconds(5),
                    "broken connections closed (open through the proxy: " + proxy.openConnections() + ")");

            String f = fault.name().toLowerCase().replace('_', ' ');
            REPORT.count("pool operations succeeded", ok.get());
            REPORT.count("pool operations failed (during faults)", failed.get());
            REPORT.set("pool " + f + ": requests failed / slowest failure / last failure after the fault / "
                            + "all workers succeeding after heal (fault lasted 3 s)",
                    failedDuringFault + " / " + slowestFailure.get() + " ms / "
                            + TimeUnit.NANOSECONDS.toMillis(lastFailureAt.get() - faultAt) + " ms / " + recoveryMs + " ms");
            REPORT.set("pool " + f + ": physical connections opened to recover",
                    proxy.accepted() - acceptedBefore);
        }
    }

    @Test
    void reconnectRestoresSessionStateAndLiveQueries() throws Exception {
        Properties p = root("reconnect", "true", "reconnectMaxAttempts", "50", "requestTimeout", "15");
        try (Connection c = DriverManager.getConnection(proxiedUrl(), p); Connection writer = direct()) {
            SurrealConnection sc = c.unwrap(SurrealConnection.class);
            sc.use(NS, "other");
            sc.let("greeting", "hello");
            Support.exec(c, "DEFINE TABLE IF NOT EXISTS watched SCHEMALESS");
            try (LiveSubscription sub = sc.live("watched", false)) {
                List<UUID> resubscribed = new CopyOnWriteArrayList<>();
                sub.onResubscribed(resubscribed::add);
                UUID before = sub.liveId();
                writer.unwrap(SurrealConnection.class).use(NS, "other");
                Support.exec(writer, "CREATE watched:before SET n = 0");
                LiveNotification n0 = sub.poll(Duration.ofSeconds(5));
                assertNotNull(n0, "no notification before the fault");

                ExecutorService ex = Executors.newFixedThreadPool(2);
                Future<Object> inFlight = ex.submit(() -> scalar(c, "SLEEP 3s; RETURN 1"));
                Thread.sleep(200);
                proxy.refuse(true);
                long t0 = System.nanoTime();
                inject(Break.CUT);
                REPORT.count("faults injected: refused reconnects (window of 1 s)");
                Exception e = assertThrows(Exception.class, () -> inFlight.get(5, TimeUnit.SECONDS));
                SQLException s = assertInstanceOf(SQLException.class, e.getCause());
                assertEquals("08006", s.getSQLState(), "in-flight request when the connection dropped");
                REPORT.error(s);
                assertTrue(millisSince(t0) < 1500);

                // a request made while disconnected waits for the reconnect
                Future<Object> waiting = ex.submit(() -> scalar(c,
                        "RETURN string::join('|', $greeting, session::ns(), session::db())"));
                Thread.sleep(1000);
                assertFalse(waiting.isDone(), "answered while the path was down");
                assertTrue(proxy.counters().get("connections refused (RST on accept)") > 0,
                        "the driver did not try to reconnect");
                long healed = System.nanoTime();
                proxy.heal();
                assertEquals("hello|" + NS + "|other", waiting.get(15, TimeUnit.SECONDS));
                REPORT.set("reconnect: first answer after the path healed", millisSince(healed) + " ms");
                ex.shutdown();

                // authentication came back too: this server refuses anonymous queries
                assertNotNull(scalar(c, "INFO FOR ROOT"));
                assertTrue(c.isValid(2));
                assertFalse(c.isClosed());

                Support.await(() -> resubscribed.size() == 1, Duration.ofSeconds(5), "live query made again");
                assertNotEquals(before, sub.liveId());
                assertEquals(sub.liveId(), resubscribed.get(0));
                Support.exec(writer, "CREATE watched:after SET n = 1");
                LiveNotification n1 = sub.poll(Duration.ofSeconds(5));
                assertNotNull(n1, "no notification after the reconnect");
                assertEquals(LiveNotification.Action.CREATE, n1.action());
                assertEquals(sub.liveId(), n1.liveId());
                assertTrue(String.valueOf(n1.record()).contains("after"), () -> String.valueOf(n1.record()));
                REPORT.count("operations", 8);
                REPORT.set("reconnect: restored", "root signin, ns/db (other), $greeting, 1 live query");
            }
        }
    }
}
