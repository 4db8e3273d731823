package dev.surrealj.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surrealj.rpc.RpcConfig;
import dev.surrealj.rpc.SurrealClient;
import dev.surrealj.testing.SurrealServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark harness. One run starts the local dev server (SurrealDB 3 behind WebSocket/CBOR),
 * loads the data set through SurrealJ, then measures, peer after peer, with the same statements and
 * counts:
 * <ol>
 *   <li>SurrealJ's RPC client ({@link SurrealClient}) in this JVM, then its JDBC driver ({@link JdbcPeer});</li>
 *   <li>the official JS SDK ({@code surrealdb@2}, {@code tools/bench/js/sdk-bench.mjs}) against the same server;</li>
 *   <li>the engine alone ({@code tools/bench/js/engine-bench.mjs}): the same build of the engine, in-process.</li>
 * </ol>
 * Each measures (a) sequential point-query latency p50/p99, (b) pipelined throughput on one connection,
 * (c) a full-table SELECT end to end, (d) CPU time per operation and (e) a 100,000-row bulk insert (a JDBC
 * batch; the same request over RPC and into the engine alone; the JS SDK's {@code db.insert}), and (f) a selective
 * filter query through Calcite's SQL versus the same query as SurrealQL through the driver ({@link CalcitePeer}). The table of numbers and ratios is
 * printed and written to {@code docs/benchmarks.md} and {@code docs/benchmarks.csv}.
 *
 * <p>Run it with {@code tools/bench/run [options]}; {@code --help} lists the options.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        BenchOptions o;
        try {
            o = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Report report = run(o);
            System.out.print(report.console());
            System.out.println("written: " + o.out.resolve(Report.MD_FILE) + ", " + o.out.resolve(Report.CSV_FILE));
            System.exit(0);
        } catch (RuntimeException e) {
            System.err.println("benchmark failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs every measurement, writes the files into {@code o.out} and returns the report. */
    public static Report run(BenchOptions o) {
        long started = System.nanoTime();
        String loadAverage = loadAverage();
        try {
            double one = Double.parseDouble(loadAverage.split(",")[0]);
            if (one > Runtime.getRuntime().availableProcessors() * 0.5) {
                log("WARNING: the machine is busy (load average " + loadAverage + "): the numbers will be skewed");
            }
        } catch (NumberFormatException e) {
            // unknown load
        }
        String date = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        NodePeers node = new NodePeers(o);
        Results.Peer rpcReads;
        Results.Scan jdbcRead;
        Results.Scan jdbcReadByIndex;
        CalcitePeer.Result calcite;
        Results.Point bare;
        JsonNode sdk;
        String server;
        double loadMs;
        List<MachineLoad.Phase> phases = new ArrayList<>();
        // the driver's chunking of rewritten batches, as the RPC and engine peers replicate it
        System.setProperty("surrealj.batchChunkRows", Integer.toString(o.chunk));
        System.setProperty("surrealj.batchAtomicRows", Integer.toString(o.atomic));

        // 1. reads and point queries, every peer against one server holding table item
        log("starting the dev server (mem://)");
        try (SurrealServer srv = startServer(); SurrealClient client = SurrealClient.connect(rpcConfig(srv))) {
            server = client.serverVersion();
            log(String.format("%s at %s; loading %,d rows", server, srv.wsUrl(), o.rows));
            loadMs = DataSet.load(client, o.rows, o.batch);
            log(String.format("loaded in %.1f s; measuring SurrealJ", loadMs / 1e3));
            MachineLoad.Snapshot s0 = MachineLoad.now();
            rpcReads = new JavaPeer(client, o).run();
            log("measuring the bare JVM client (the floor of a JVM client)");
            try (BarePeer b = new BarePeer(srv.wsUrl(), o)) {
                bare = b.point();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("bare client: " + e.getMessage(), e);
            }
            log("measuring SurrealJ's JDBC driver: read");
            try (java.sql.Connection c = jdbcConnection(srv)) {
                JdbcPeer j = new JdbcPeer(c, client, o);
                jdbcRead = j.read(true);
                jdbcReadByIndex = j.read(false);
                log("measuring a selective filter: Calcite SQL versus SurrealQL through the driver");
                try (java.sql.Connection sql = calciteConnection(srv)) {
                    calcite = CalcitePeer.run(c, sql, o);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("JDBC: " + e, e);
            }
            phases.add(MachineLoad.between("SurrealJ", s0, MachineLoad.now()));
            log("measuring the JS SDK");
            MachineLoad.Snapshot s1 = MachineLoad.now();
            sdk = node.sdk(srv.wsUrl().toString());
            phases.add(MachineLoad.between("JS SDK", s1, MachineLoad.now()));
        }

        // 2. bulk inserts, each peer against a fresh, empty server: a store that held (even removed)
        // 100,000-row tables scans and inserts measurably slower, so no peer inherits another's rows
        log("bulk inserts: SurrealJ RPC, SurrealJ JDBC (a fresh server each)");
        MachineLoad.Snapshot s2 = MachineLoad.now();
        Results.Insert rpcInsert;
        Results.Insert jdbcInsert;
        try (SurrealServer srv = startServer(); SurrealClient client = SurrealClient.connect(rpcConfig(srv))) {
            rpcInsert = JavaPeer.insert(client, o);
        }
        try (SurrealServer srv = startServer(); SurrealClient client = SurrealClient.connect(rpcConfig(srv));
             java.sql.Connection c = jdbcConnection(srv)) {
            jdbcInsert = new JdbcPeer(c, client, o).insert();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("JDBC: " + e, e);
        }
        phases.add(MachineLoad.between("SurrealJ inserts", s2, MachineLoad.now()));
        log("bulk inserts: JS SDK (a fresh server for each chunk size)");
        MachineLoad.Snapshot s3 = MachineLoad.now();
        JsonNode sdkInsert;
        JsonNode sdkInsertAlt;
        try (SurrealServer srv = startServer()) {
            sdkInsert = node.sdkInsert(srv.wsUrl().toString(), o.sdkChunk);
        }
        try (SurrealServer srv = startServer()) {
            sdkInsertAlt = node.sdkInsert(srv.wsUrl().toString(), o.chunk);
        }
        phases.add(MachineLoad.between("JS SDK inserts", s3, MachineLoad.now()));

        // 3. the engine alone, in its own process (its inserts into a fresh engine)
        log("measuring the engine alone");
        MachineLoad.Snapshot s4 = MachineLoad.now();
        JsonNode engine = node.engine();
        phases.add(MachineLoad.between("engine alone", s4, MachineLoad.now()));
        Results.Peer surrealj = new Results.Peer("surrealj", rpcReads.point(), rpcReads.pipelined(), rpcReads.scan(),
                rpcInsert, null);
        Results.Peer jdbc = new Results.Peer("surrealj-jdbc", null, null, jdbcRead, jdbcInsert, null);
        Results.Peer js = new Results.Peer("js-sdk", Results.Point.of(sdk.get("point")),
                Results.Pipelined.of(sdk.get("pipelined")), Results.Scan.of(sdk.get("scan")),
                Results.Insert.of(sdkInsert.get("insert")), Results.Insert.of(sdkInsertAlt.get("insert")));
        for (MachineLoad.Phase p : phases) {
            if (p.disturbed()) {
                log(String.format("WARNING: other processes used %.2f cores during the %s phase: this run is disturbed",
                        p.foreignCores(), p.name()));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Report.Meta meta = new Report.Meta(date, command(o), Runtime.getRuntime().availableProcessors(), cpuModel(),
                memoryMb(), System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                text(sdk, "node", node.nodeVersion()), server, text(sdk, "sdk", "surrealdb@?"),
                text(engine, "engine_package", "@surrealdb/node@?") + ", SurrealDB " + text(engine, "surreal", "?"),
                loadMs, engine.path("load_ms").asDouble(Double.NaN), seconds, loadAverage, List.copyOf(phases));
        Report report = new Report(meta, o, bare, jdbcReadByIndex, surrealj, jdbc, js,
                Results.Peer.of("engine", engine.get("engine")), Results.Peer.of("engine+decode", engine.get("engine_decode")),
                calcite);
        report.write(o.out);
        log(String.format("done in %.0f s", seconds));
        return report;
    }

    private static SurrealServer startServer() {
        return SurrealServer.builder().storage("mem://").port(0).option("--log-level", "warn").start();
    }

    private static RpcConfig rpcConfig(SurrealServer srv) {
        return RpcConfig.builder().uri(srv.wsUrl()).namespace(DataSet.NAMESPACE).database(DataSet.DATABASE)
                .requestTimeout(Duration.ofMinutes(5)).build();
    }

    /** {@code jdbc:surrealdb://host:port/bench/bench} with the server's root user, default properties. */
    private static java.sql.Connection jdbcConnection(SurrealServer srv) throws java.sql.SQLException {
        java.util.Properties p = new java.util.Properties();
        if (srv.user() != null) {
            p.setProperty("user", srv.user());
            p.setProperty("password", srv.password());
        }
        String url = "jdbc:surrealdb://" + srv.host() + ":" + srv.port() + "/" + DataSet.NAMESPACE + "/"
                + DataSet.DATABASE;
        return java.sql.DriverManager.getConnection(url, p);
    }

    /** {@code jdbc:surrealdb-sql://host:port/bench/bench}: Calcite's SQL over the same database. */
    private static java.sql.Connection calciteConnection(SurrealServer srv) throws java.sql.SQLException {
        java.util.Properties p = new java.util.Properties();
        if (srv.user() != null) {
            p.setProperty("user", srv.user());
            p.setProperty("password", srv.password());
        }
        return java.sql.DriverManager.getConnection("jdbc:surrealdb-sql://" + srv.host() + ":" + srv.port() + "/"
                + DataSet.NAMESPACE + "/" + DataSet.DATABASE, p);
    }

    private static String command(BenchOptions o) {
        return ("tools/bench/run " + String.join(" ", o.args)).trim();
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }

    private static String cpuModel() {
        Path info = Paths.get("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            try (Stream<String> lines = Files.lines(info)) {
                return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst().orElse(System.getProperty("os.arch"));
            } catch (IOException | RuntimeException e) {
                // fall through
            }
        }
        return System.getProperty("os.arch");
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.2f", l);
        }
    }

    private static long memoryMb() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024 * 1024);
    }
}
