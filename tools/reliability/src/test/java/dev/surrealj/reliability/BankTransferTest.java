package dev.surrealj.reliability;

import static dev.surrealj.reliability.Support.millisSince;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealServer;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.RecordId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bank-transfer invariant under 8 concurrent threads with real SurrealDB 3 interactive
 * transactions, conflicts retried by {@link Transactions#retrying}.
 */
@Order(60)
@Tag("reliability")
@ExtendWith(SurrealExtension.class)
class BankTransferTest {
    static final Report REPORT = Report.of(BankTransferTest.class, "Transactions: bank transfers",
            "8 threads move money between a few hot accounts (server with `rocksdb://` storage, see the engine note), each transfer one interactive SurrealDB 3 "
                    + "transaction (`setAutoCommit(false)`: read the balance, decline if short, debit, credit, and "
                    + "create `transfer:⟨uuid⟩` in the same transaction), write conflicts (40001) retried with "
                    + "`Transactions.retrying`. Half the threads borrow from HikariCP, half own a connection. An "
                    + "auditor keeps summing all balances meanwhile. Proves: the total never changes at any "
                    + "snapshot, no balance goes negative, every committed transfer has exactly its one record, no "
                    + "failed or abandoned one left a trace, and every account's balance equals its opening "
                    + "balance plus the transfer records (nothing lost, nothing applied twice).");

    private static final int ACCOUNTS = 10;
    private static final long OPENING = 1_000;
    private static final int THREADS = 8;
    private static final int TRANSFERS_PER_THREAD = Integer.getInteger("surrealj.bank.transfersPerThread", 150);
    private static final long TIME_CAP_MILLIS = 60_000;
    private static final int MAX_ATTEMPTS = 100;
    private static final int PROBE_TRANSFERS_PER_THREAD = 75;

    enum Outcome { DONE, DECLINED }

    @TempDir
    static Path dir;
    private static SurrealServer server;

    @BeforeAll
    static void start() throws SQLException {
        // rocksdb: SurrealDB 3.0.2's mem:// and surrealkv:// engines lose updates under concurrent
        // transactions (see engineProbes and tools/reliability/engine-repro/bank-invariant.mjs)
        server = SurrealServer.builder().storage("rocksdb://" + dir.resolve("bank")).start();
        Support.define(server, null, null, "bank", "main");
        ReportAssembler.runInfo("server", "dev server: SurrealDB 3.0.2 embedded (@surrealdb/node 3.0.3), "
                + "mem:// unless a section says otherwise");
    }

    @AfterAll
    static void report() {
        if (server != null) {
            server.close();
        }
        REPORT.write();
    }

    /**
     * Opens a transaction, reads a table, lets two other transactions update one of its records and
     * commit, then reads again inside the first transaction: snapshot isolation says it sees the same.
     *
     * @return what the second read saw, or {@code null} when it saw the same as the first
     */
    private static String snapshotProbe(String url) throws SQLException {
        try (Connection setup = DriverManager.getConnection(url)) {
            Support.exec(setup, "DEFINE TABLE IF NOT EXISTS probe SCHEMALESS; DELETE probe; CREATE probe:1 SET v = 1; "
                    + "CREATE probe:2 SET v = 2; CREATE probe:3 SET v = 3;");
        }
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            String read = "RETURN <string> (SELECT VALUE v FROM probe ORDER BY v)";
            Object first = Support.scalar(a, read);
            for (int i = 0; i < 2; i++) {
                Support.exec(b, "UPDATE probe:1 SET v += 10");
                b.commit();
            }
            Object second = Support.scalar(a, read);
            a.commit();
            return first.equals(second) ? null : "first read " + first + ", after two commits elsewhere " + second;
        }
    }

    /**
     * 8 threads, each on its own connection, {@link #PROBE_TRANSFERS_PER_THREAD} transfers each (debit and
     * credit in one transaction, conflicts retried): returns the total afterwards, which must be {@code ACCOUNTS * OPENING}.
     */
    private static long lostUpdateProbe(String url) throws Exception {
        StringBuilder setup = new StringBuilder("DEFINE TABLE IF NOT EXISTS lu SCHEMALESS; DELETE lu;");
        for (int i = 1; i <= ACCOUNTS; i++) {
            setup.append("CREATE lu:").append(i).append(" SET balance = ").append(OPENING).append(";");
        }
        try (Connection c = DriverManager.getConnection(url)) {
            Support.exec(c, setup.toString());
        }
        ExecutorService ex = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            fs.add(ex.submit(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    for (int i = 0; i < PROBE_TRANSFERS_PER_THREAD; i++) {
                        int a = rnd.nextInt(1, ACCOUNTS + 1);
                        int b = rnd.nextInt(1, ACCOUNTS);
                        long x = rnd.nextLong(1, 300);
                        RecordId from = new RecordId("lu", (long) a);
                        RecordId to = new RecordId("lu", (long) (b >= a ? b + 1 : b));
                        Transactions.retrying(c, 1000, tx -> {
                            try (PreparedStatement debit = tx.prepareStatement("UPDATE ? SET balance -= ?");
                                 PreparedStatement credit = tx.prepareStatement("UPDATE ? SET balance += ?")) {
                                debit.setObject(1, from);
                                debit.setLong(2, x);
                                debit.executeUpdate();
                                credit.setObject(1, to);
                                credit.setLong(2, x);
                                credit.executeUpdate();
                            }
                            return null;
                        });
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get(120, TimeUnit.SECONDS);
        }
        ex.shutdown();
        try (Connection c = DriverManager.getConnection(url)) {
            return ((Number) Support.scalar(c, "RETURN math::sum(SELECT VALUE balance FROM lu)")).longValue();
        }
    }

    @Test
    void engineProbes(SurrealTestDb shared, @TempDir Path kvDir) throws Exception {
        String rocks = Support.url(server, "bank", "main");
        assertEquals(null, snapshotProbe(rocks), "rocksdb:// transaction lost its snapshot");
        REPORT.set("engine probe rocksdb:// (used here): snapshot isolation", "holds");
        String mem = Support.url(shared.server(), shared.namespace(), shared.database());
        String memSnapshot = snapshotProbe(mem);
        REPORT.set("engine probe mem://: snapshot isolation", memSnapshot == null ? "holds" : "BROKEN: " + memSnapshot);
        long memTotal = lostUpdateProbe(mem);
        long expected = ACCOUNTS * OPENING;
        REPORT.set("engine probe mem://: total after " + THREADS * PROBE_TRANSFERS_PER_THREAD
                        + " concurrent transfers (expected " + expected + ")",
                memTotal + (memTotal == expected ? " (held this run)" : " (BROKEN: updates lost)"));
        try (SurrealServer kv = SurrealServer.builder().storage("surrealkv://" + kvDir.resolve("kv")).start()) {
            Support.define(kv, null, null, "bank", "main");
            long kvTotal = lostUpdateProbe(Support.url(kv, "bank", "main"));
            REPORT.set("engine probe surrealkv://: total after " + THREADS * PROBE_TRANSFERS_PER_THREAD
                            + " concurrent transfers (expected " + expected + ")",
                    kvTotal + (kvTotal == expected ? " (held this run; it breaks intermittently)"
                            : " (BROKEN: updates lost)"));
        }
        REPORT.note("Engine findings (not the driver's: reproduced with the official JS SDK on the embedded engine, "
                + "without SurrealJ or the dev server, by `node tools/reliability/engine-repro/bank-invariant.mjs`): "
                + "SurrealDB 3.0.2 (@surrealdb/node 3.0.3) with `mem://` storage loses records from an open "
                + "transaction's snapshot once two later transactions commit changes to them, and with `mem://` "
                + "and `surrealkv://` concurrent interactive transactions lose updates (the total drifts although "
                + "every conflict was reported and retried; intermittent: not every run shows it). `rocksdb://` "
                + "held both properties in every run, so "
                + "the bank transfers run on `rocksdb://`. The engine probes record what this run saw and assert "
                + "nothing about mem:// and surrealkv://.");
    }

    private static RecordId account(int n) {
        return new RecordId("account", (long) n);
    }

    /** One transfer: the transaction's statements (the helper commits). */
    private static Outcome transfer(Connection c, RecordId transferId, RecordId from, RecordId to, long amount)
            throws SQLException {
        long balance;
        try (PreparedStatement ps = c.prepareStatement("SELECT VALUE balance FROM ONLY ?")) {
            ps.setObject(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no account " + from);
                balance = rs.getLong(1);
            }
        }
        if (balance < amount) {
            return Outcome.DECLINED;
        }
        try (PreparedStatement debit = c.prepareStatement("UPDATE ? SET balance -= ?");
             PreparedStatement credit = c.prepareStatement("UPDATE ? SET balance += ?");
             PreparedStatement record = c.prepareStatement("CREATE ? SET src = ?, dst = ?, amount = ?")) {
            debit.setObject(1, from);
            debit.setLong(2, amount);
            assertEquals(1, debit.executeUpdate());
            credit.setObject(1, to);
            credit.setLong(2, amount);
            assertEquals(1, credit.executeUpdate());
            record.setObject(1, transferId);
            record.setObject(2, from);
            record.setObject(3, to);
            record.setLong(4, amount);
            assertEquals(1, record.executeUpdate());
        }
        return Outcome.DONE;
    }

    @Test
    void totalIsConstantAndEveryTransferIsAccountedForOnce() throws Exception {
        String url = Support.url(server, "bank", "main");
        StringBuilder setup = new StringBuilder("DEFINE TABLE account SCHEMALESS; DEFINE TABLE transfer SCHEMALESS;");
        for (int i = 1; i <= ACCOUNTS; i++) {
            setup.append("CREATE account:").append(i).append(" SET balance = ").append(OPENING).append(";");
        }
        try (Connection c = DriverManager.getConnection(url)) {
            Support.exec(c, setup.toString());
        }
        long total = ACCOUNTS * OPENING;

        Map<RecordId, Long> committed = new ConcurrentHashMap<>(); // transfer id -> amount
        Map<RecordId, RecordId[]> ends = new ConcurrentHashMap<>();
        Set<RecordId> notCommitted = ConcurrentHashMap.newKeySet();
        AtomicLong attempts = new AtomicLong();
        AtomicLong declined = new AtomicLong();
        AtomicLong audits = new AtomicLong();
        AtomicLong snapshotChecks = new AtomicLong();
        List<String> violations = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        long t0 = System.nanoTime();

        try (HikariDataSource pool = Support.pool("bank", url, new Properties(), THREADS / 2, 10_000)) {
            ExecutorService ex = Executors.newFixedThreadPool(THREADS + 1);
            // the auditor: the total, in one statement (its own snapshot) and twice in one transaction
            Future<?> auditor = ex.submit(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    while (!stop.get()) {
                        long sum = ((Number) Support.scalar(c,
                                "RETURN math::sum(SELECT VALUE balance FROM account)")).longValue();
                        audits.incrementAndGet();
                        if (sum != total) {
                            violations.add("audit saw a total of " + sum);
                        }
                        long[] twice = Transactions.retrying(c, 10, tx -> {
                            long a = ((Number) Support.scalar(tx,
                                    "RETURN math::sum(SELECT VALUE balance FROM account)")).longValue();
                            Support.sleep(15);
                            long b = ((Number) Support.scalar(tx,
                                    "RETURN math::sum(SELECT VALUE balance FROM account)")).longValue();
                            long neg = ((Number) Support.scalar(tx,
                                    "RETURN count(SELECT * FROM account WHERE balance < 0)")).longValue();
                            return new long[] {a, b, neg};
                        });
                        snapshotChecks.incrementAndGet();
                        if (twice[0] != total || twice[1] != total || twice[2] != 0) {
                            violations.add("snapshot saw " + twice[0] + " then " + twice[1] + ", negative "
                                    + twice[2]);
                        }
                        Support.sleep(10);
                    }
                }
                return null;
            });
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                boolean pooled = t % 2 == 0;
                workers.add(ex.submit(() -> {
                    Connection own = pooled ? null : DriverManager.getConnection(url);
                    try {
                        ThreadLocalRandom rnd = ThreadLocalRandom.current();
                        for (int i = 0; i < TRANSFERS_PER_THREAD && millisSince(t0) < TIME_CAP_MILLIS; i++) {
                            int a = rnd.nextInt(1, ACCOUNTS + 1);
                            int b = rnd.nextInt(1, ACCOUNTS);
                            if (b >= a) {
                                b++;
                            }
                            RecordId from = account(a);
                            RecordId to = account(b);
                            long amount = rnd.nextLong(1, 300);
                            RecordId id = new RecordId("transfer", UUID.randomUUID().toString());
                            SqlWork<Outcome> work = c -> {
                                attempts.incrementAndGet();
                                return transfer(c, id, from, to, amount);
                            };
                            try {
                                Outcome o = pooled ? Transactions.retrying(pool, MAX_ATTEMPTS, work)
                                        : Transactions.retrying(own, MAX_ATTEMPTS, work);
                                if (o == Outcome.DONE) {
                                    committed.put(id, amount);
                                    ends.put(id, new RecordId[] {from, to});
                                } else {
                                    declined.incrementAndGet();
                                }
                            } catch (SQLException e) {
                                notCommitted.add(id);
                                REPORT.error(e);
                                if (!Transactions.isRetryable(e)) {
                                    failures.add(e);
                                }
                            }
                        }
                    } finally {
                        if (own != null) {
                            own.close();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get(120, TimeUnit.SECONDS);
            }
            stop.set(true);
            auditor.get(30, TimeUnit.SECONDS);
            ex.shutdown();
            assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "connections not returned");
        }
        long elapsed = millisSince(t0);

        // reconcile against the database
        Map<Object, Long> balances = new HashMap<>();
        Map<RecordId, Long> records = new HashMap<>();
        Map<RecordId, RecordId[]> recordEnds = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, balance FROM account")) {
                while (rs.next()) {
                    balances.put(rs.getObject("id"), rs.getLong("balance"));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT id, src, dst, amount FROM transfer")) {
                while (rs.next()) {
                    RecordId id = (RecordId) rs.getObject("id");
                    records.put(id, rs.getLong("amount"));
                    recordEnds.put(id, new RecordId[] {(RecordId) rs.getObject("src"), (RecordId) rs.getObject("dst")});
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> "transfers failed with something other than a conflict: " + failures);
        assertTrue(violations.isEmpty(), () -> "invariant violated: " + violations);
        assertEquals(ACCOUNTS, balances.size());
        assertEquals(total, balances.values().stream().mapToLong(Long::longValue).sum(), "total balance");
        balances.forEach((k, v) -> assertTrue(v >= 0, k + " went negative: " + v));
        assertEquals(committed, records, "transfer records differ from the committed transfers");
        for (RecordId id : notCommitted) {
            assertTrue(!records.containsKey(id), "a transfer reported as failed left its record: " + id);
        }
        Map<Object, Long> expected = new HashMap<>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            expected.put(account(i), OPENING);
        }
        records.forEach((id, amount) -> {
            RecordId[] e = recordEnds.get(id);
            assertEquals(List.of(ends.get(id)), List.of(e), "ends of " + id);
            expected.merge(e[0], -amount, Long::sum);
            expected.merge(e[1], amount, Long::sum);
        });
        assertEquals(expected, balances, "balances differ from opening balance + transfer records");
        Set<RecordId> ids = new HashSet<>(records.keySet());
        assertEquals(records.size(), ids.size());
        assertTrue(committed.size() > THREADS * 10, "too few transfers committed: " + committed.size());
        long conflicts = attempts.get() - committed.size() - declined.get() - notCommitted.size();
        assertTrue(audits.get() > 0 && snapshotChecks.get() > 0, "the auditor did not run");

        REPORT.set("accounts / opening balance / threads", ACCOUNTS + " / " + OPENING + " / " + THREADS);
        REPORT.set("transfers attempted", committed.size() + declined.get() + notCommitted.size());
        REPORT.set("transfers committed (each verified by its record)", committed.size());
        REPORT.set("transfers declined (insufficient balance, read in the transaction)", declined.get());
        REPORT.set("transfers abandoned after " + MAX_ATTEMPTS + " conflicts", notCommitted.size());
        REPORT.set("transaction runs in all / conflicts retried (40001)", attempts.get() + " / " + conflicts);
        REPORT.set("audits of the total (single statement / twice in one transaction)",
                audits.get() + " / " + snapshotChecks.get());
        REPORT.set("total balance before / after", total + " / "
                + balances.values().stream().mapToLong(Long::longValue).sum());
        REPORT.set("elapsed", elapsed + " ms (" + String.format("%.0f", committed.size() * 1000.0 / elapsed)
                + " committed transfers/s)");
        if (conflicts > 0) {
            REPORT.error("40001 SQLTransactionRollbackException (retried by Transactions.retrying)", conflicts);
        }
    }
}
