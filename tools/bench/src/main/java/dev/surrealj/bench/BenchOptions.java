package dev.surrealj.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@link Bench}; see {@link #USAGE}. */
final class BenchOptions {
    static final String USAGE = """
            usage: Bench [--quick] [--out DIR] [--rows N] [--batch N] [--warmup N] [--ops N]
                         [--window N] [--pipe-warmup N] [--pipe-ops N] [--scan-warmup N] [--scan-runs N]
                         [--insert-rows N] [--insert-warmup N] [--insert-runs N] [--chunk N] [--atomic N]
                         [--sdk-chunk N] [--node PATH] [--root DIR]

              --quick           smoke run with small counts (< 1 minute); writes to tools/bench/target/quick/
                                unless --out is given
              --out DIR         where benchmarks.md and benchmarks.csv go (default: <root>/docs)
              --rows N          rows in table item (default 100000)
              --batch N         rows per INSERT while loading (default 50: the engine's INSERT is
                                super-linear in its rows, 50 is the fastest size measured)
              --warmup N        sequential point queries before measuring (default 15000: the JVM reaches
                                steady state after 12-16k of them; fewer leaves JIT work in the numbers)
              --ops N           sequential point queries measured (default 20000)
              --window N        requests in flight on the one connection, pipelined measure (default 64)
              --pipe-warmup N   pipelined point queries before measuring (default 5000)
              --pipe-ops N      pipelined point queries measured (default 20000)
              --scan-warmup N   full-table SELECTs before measuring (default 2)
              --scan-runs N     full-table SELECTs measured; the median is reported (default 5)
              --insert-rows N   rows of the bulk insert (JDBC batch, the same request over RPC and into the
                                engine alone, the JS SDK's db.insert) (default 100000)
              --insert-warmup N bulk inserts before measuring, each into a fresh table (default 1)
              --insert-runs N   bulk inserts measured, each into a fresh table; the median is reported
                                (default 3)
              --chunk N         rows per INSERT of a rewritten JDBC batch: sets the driver's
                                surrealj.batchChunkRows, and the RPC and engine peers send the same script
                                (default 50, the driver's default)
              --atomic N        the driver's surrealj.batchAtomicRows: batches up to N rows are ONE INSERT
                                (default 1000, the driver's default)
              --sdk-chunk N     rows per db.insert call of the JS SDK's bulk insert (default 1000); the SDK
                                is measured with --chunk rows per call too, as information
              --node PATH       node executable (default: node on PATH)
              --root DIR        the SurrealJ checkout (default: -Dsurrealj.root, else found from the
                                working directory)
            """;

    boolean quick;
    Path out;
    Path root;
    String node = "node";
    int rows = 100_000;
    int batch = 50;
    int warmup = 15_000;
    int ops = 20_000;
    int window = 64;
    int pipeWarmup = 5_000;
    int pipeOps = 20_000;
    int scanWarmup = 3;
    int scanRuns = 11;
    int insertRows = 100_000;
    int insertWarmup = 1;
    int insertRuns = 3;
    int chunk = 50;
    int atomic = 1_000;
    int sdkChunk = 1_000;
    /** Calcite versus the driver, selective filter: warm-up and measured executions of each. */
    int filterWarmup = 2_000;
    int filterOps = 5_000;
    /** The arguments as given, for the report. */
    final List<String> args = new ArrayList<>();

    static BenchOptions parse(String... argv) {
        BenchOptions o = new BenchOptions();
        o.args.addAll(List.of(argv));
        for (String a : argv) {
            if (a.equals("--quick")) {
                o.quick = true;
                o.rows = 2_000;
                o.warmup = 200;
                o.ops = 500;
                o.window = 16;
                o.pipeWarmup = 200;
                o.pipeOps = 1_000;
                o.scanWarmup = 1;
                o.scanRuns = 2;
                o.insertRows = 2_500;
                o.insertWarmup = 0;
                o.insertRuns = 1;
                o.filterWarmup = 100;
                o.filterOps = 200;
            }
        }
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            switch (a) {
                case "--quick" -> { }
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                case "--out" -> o.out = Paths.get(value(argv, ++i, a));
                case "--root" -> o.root = Paths.get(value(argv, ++i, a));
                case "--node" -> o.node = value(argv, ++i, a);
                case "--rows" -> o.rows = positive(argv, ++i, a);
                case "--batch" -> o.batch = positive(argv, ++i, a);
                case "--warmup" -> o.warmup = count(argv, ++i, a);
                case "--ops" -> o.ops = positive(argv, ++i, a);
                case "--window" -> o.window = positive(argv, ++i, a);
                case "--pipe-warmup" -> o.pipeWarmup = count(argv, ++i, a);
                case "--pipe-ops" -> o.pipeOps = positive(argv, ++i, a);
                case "--scan-warmup" -> o.scanWarmup = count(argv, ++i, a);
                case "--scan-runs" -> o.scanRuns = positive(argv, ++i, a);
                case "--insert-rows" -> o.insertRows = positive(argv, ++i, a);
                case "--insert-warmup" -> o.insertWarmup = count(argv, ++i, a);
                case "--insert-runs" -> o.insertRuns = positive(argv, ++i, a);
                case "--chunk" -> o.chunk = positive(argv, ++i, a);
                case "--atomic" -> o.atomic = positive(argv, ++i, a);
                case "--sdk-chunk" -> o.sdkChunk = positive(argv, ++i, a);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        if (o.root == null) {
            o.root = locateRoot();
        }
        o.root = o.root.toAbsolutePath().normalize();
        if (o.out == null) {
            o.out = o.quick ? o.root.resolve("tools/bench/target/quick") : o.root.resolve("docs");
        }
        return o;
    }

    /** The folder of the JS peers. */
    Path jsDir() {
        return root.resolve("tools/bench/js");
    }

    /** tools/dev-server, whose node_modules the JS peers import from. */
    Path devServerDir() {
        return root.resolve("tools/dev-server");
    }

    /** The arguments that select the counts, as handed to the JS peers. */
    List<String> jsArgs() {
        return List.of("--rows", Integer.toString(rows), "--warmup", Integer.toString(warmup),
                "--ops", Integer.toString(ops), "--window", Integer.toString(window),
                "--pipe-warmup", Integer.toString(pipeWarmup), "--pipe-ops", Integer.toString(pipeOps),
                "--scan-warmup", Integer.toString(scanWarmup), "--scan-runs", Integer.toString(scanRuns),
                "--insert-rows", Integer.toString(insertRows), "--insert-warmup", Integer.toString(insertWarmup),
                "--insert-runs", Integer.toString(insertRuns), "--chunk", Integer.toString(chunk),
                "--atomic", Integer.toString(atomic), "--sdk-chunk", Integer.toString(sdkChunk),
                "--ns", DataSet.NAMESPACE, "--db", DataSet.DATABASE);
    }

    private static Path locateRoot() {
        String prop = System.getProperty("surrealj.root");
        if (prop != null && !prop.isBlank() && isRoot(Paths.get(prop))) {
            return Paths.get(prop);
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (isRoot(p)) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the SurrealJ checkout (tools/bench/js and tools/dev-server):"
                + " run from inside it, or pass --root DIR or -Dsurrealj.root=DIR");
    }

    private static boolean isRoot(Path p) {
        return Files.isRegularFile(p.resolve("tools/bench/js/sdk-bench.mjs"))
                && Files.isRegularFile(p.resolve("tools/dev-server/server.mjs"));
    }

    private static String value(String[] argv, int i, String name) {
        if (i >= argv.length) {
            throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
        }
        return argv[i];
    }

    private static int count(String[] argv, int i, String name) {
        int n;
        try {
            n = Integer.parseInt(value(argv, i, name).replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not " + argv[i], e);
        }
        if (n < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return n;
    }

    private static int positive(String[] argv, int i, String name) {
        int n = count(argv, i, name);
        if (n == 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return n;
    }
}
