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
 *   <li>SurrealJ's RPC client ({@link SurrealClient}) in this JVM;</li>
 *   <li>the official JS SDK ({@code surrealdb@2}, {@code tools/bench/js/sdk-bench.mjs}) against the same server;</li>
 *   <li>the engine alone ({@code tools/bench/js/engine-bench.mjs}): the same build of the engine, in-process.</li>
 * </ol>
 * Each measures (a) sequential point-query latency p50/p99, (b) pipelined throughput on one connection,
 * (c) a full-table SELECT end to end and (d) CPU time per operation. The table of numbers and ratios is
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
        Results.Peer surrealj;
        JsonNode sdk;
        String server;
        double loadMs;
        List<MachineLoad.Phase> phases = new ArrayList<>();
        log("starting the dev server (mem://)");
        try (SurrealServer srv = SurrealServer.builder().storage("mem://").port(0)
                .option("--log-level", "warn").start()) {
            RpcConfig config = RpcConfig.builder().uri(srv.wsUrl())
                    .namespace(DataSet.NAMESPACE).database(DataSet.DATABASE)
                    .requestTimeout(Duration.ofMinutes(5))
                    .build();
            try (SurrealClient client = SurrealClient.connect(config)) {
                server = client.serverVersion();
                log(String.format("%s at %s; loading %,d rows", server, srv.wsUrl(), o.rows));
                loadMs = DataSet.load(client, o.rows, o.batch);
                log(String.format("loaded in %.1f s; measuring SurrealJ", loadMs / 1e3));
                MachineLoad.Snapshot s0 = MachineLoad.now();
                surrealj = new JavaPeer(client, o).run();
                phases.add(MachineLoad.between("SurrealJ", s0, MachineLoad.now()));
            }
            log("measuring the JS SDK");
            MachineLoad.Snapshot s1 = MachineLoad.now();
            sdk = node.sdk(srv.wsUrl().toString());
            phases.add(MachineLoad.between("JS SDK", s1, MachineLoad.now()));
        }
        log("measuring the engine alone");
        MachineLoad.Snapshot s2 = MachineLoad.now();
        JsonNode engine = node.engine();
        phases.add(MachineLoad.between("engine alone", s2, MachineLoad.now()));
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
        Report report = new Report(meta, o, surrealj, Results.Peer.of("js-sdk", sdk),
                Results.Peer.of("engine", engine.get("engine")), Results.Peer.of("engine+decode", engine.get("engine_decode")));
        report.write(o.out);
        log(String.format("done in %.0f s", seconds));
        return report;
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
