package dev.surrealj.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The table of one run: absolute numbers per peer, the three targets as ratios with PASS/MISS, and
 * informational ratios; rendered as Markdown ({@code benchmarks.md}), CSV ({@code benchmarks.csv})
 * and plain text for the console.
 */
final class Report {
    static final String MD_FILE = "benchmarks.md";
    static final String CSV_FILE = "benchmarks.csv";
    /** Text below this line of an existing benchmarks.md survives a rewrite (the analysis of the results). */
    static final String KEEP_MARKER = "<!-- Everything below this line is kept when the harness rewrites this file. -->";

    /** Facts about the run. */
    record Meta(String date, String command, int cores, String cpu, long memoryMb, String os, String java,
                String node, String server, String sdk, String enginePackage, double javaLoadMs,
                double engineLoadMs, double seconds, String loadAverage, List<MachineLoad.Phase> phases) {

        /** Whether other processes took noticeable CPU during a measured phase. */
        boolean disturbed() {
            return phases.stream().anyMatch(MachineLoad.Phase::disturbed);
        }

        String foreignCpu() {
            return String.join("; ", phases.stream().map(MachineLoad.Phase::describe).toList());
        }
    }

    /** One measured quantity across the peers. */
    record Measure(String key, String label, String unit, int decimals, double[] values) {
    }

    /**
     * A ratio; {@code limit} is NaN for informational ratios. A target is met when the ratio is at most
     * {@code limit}, or, with {@code atLeast} (throughputs), at least {@code limit}.
     */
    record Ratio(String key, String label, double value, double limit, boolean atLeast, String note) {
        boolean isTarget() {
            return !Double.isNaN(limit);
        }

        boolean pass() {
            return atLeast ? value >= limit : value <= limit;
        }

        String result() {
            return !isTarget() ? "info" : pass() ? "PASS" : "MISS";
        }

        String bound() {
            return (atLeast ? "≥ " : "≤ ") + ratio(limit);
        }
    }

    static final String[] PEERS = {"SurrealJ RPC", "SurrealJ JDBC", "JS SDK", "engine alone", "engine+decode"};
    static final String[] PEER_KEYS = {"surrealj", "surrealj_jdbc", "js_sdk", "engine", "engine_decode"};

    final Meta meta;
    final BenchOptions o;
    /** The bare JVM client's sequential point queries (the floor of a JVM client), or {@code null}. */
    final Results.Point bare;
    /** The JDBC read with the columns read by index, without {@code getMetaData()}, or {@code null}. */
    final Results.Scan jdbcByIndex;
    final List<Results.Peer> peers; // in the order of PEERS
    final List<Measure> measures = new ArrayList<>();
    final List<Ratio> ratios = new ArrayList<>();

    /** The selective filter through Calcite versus through the driver, or {@code null}. */
    final CalcitePeer.Result calcite;

    Report(Meta meta, BenchOptions o, Results.Point bare, Results.Scan jdbcByIndex, Results.Peer surrealj,
           Results.Peer jdbc, Results.Peer js, Results.Peer engine, Results.Peer engineDecode,
           CalcitePeer.Result calcite) {
        this.meta = meta;
        this.calcite = calcite;
        this.o = o;
        this.bare = bare;
        this.jdbcByIndex = jdbcByIndex;
        this.peers = List.of(surrealj, jdbc, js, engine, engineDecode);
        String rows = String.format(Locale.ROOT, "%,d", o.rows);
        String irows = String.format(Locale.ROOT, "%,d", o.insertRows);
        measure("point_p50", "point query latency p50", "µs", 1, p -> point(p, Results.Point::p50Us));
        measure("point_p99", "point query latency p99", "µs", 1, p -> point(p, Results.Point::p99Us));
        measure("point_mean", "point query latency mean", "µs", 1, p -> point(p, Results.Point::meanUs));
        measure("pipelined_throughput", "pipelined throughput, " + o.window + " in flight", "ops/s", 0,
                p -> p.pipelined() == null ? Double.NaN : p.pipelined().opsPerSec());
        measure("scan_ms", rows + "-row SELECT end to end, median of " + o.scanRuns, "ms", 1,
                p -> p.scan().medianMs());
        measure("scan_min_ms", rows + "-row SELECT end to end, best of " + o.scanRuns, "ms", 1,
                p -> p.scan().minMs());
        measure("read_by_index_ms", rows + "-row JDBC read without getMetaData(), median of " + o.scanRuns, "ms", 1,
                p -> p == jdbc && jdbcByIndex != null ? jdbcByIndex.medianMs() : Double.NaN);
        measure("insert_ms", irows + "-row bulk insert, median of " + o.insertRuns, "ms", 1,
                p -> insert(p, Results.Insert::medianMs));
        measure("insert_min_ms", irows + "-row bulk insert, best of " + o.insertRuns, "ms", 1,
                p -> insert(p, Results.Insert::minMs));
        measure("insert_rows_per_s", "bulk insert throughput (median run)", "rows/s", 0,
                p -> insert(p, Results.Insert::rowsPerSec));
        measure("insert_sdk_chunk_ms", irows + "-row bulk insert, JS SDK with " + o.chunk + "-row db.insert calls",
                "ms", 1, p -> p.insertAlt() == null ? Double.NaN : p.insertAlt().medianMs());
        measure("cpu_point", "CPU per point query, sequential", "µs/op", 1, p -> point(p, Results.Point::cpuUsPerOp));
        measure("cpu_pipelined", "CPU per point query, pipelined", "µs/op", 1,
                p -> p.pipelined() == null ? Double.NaN : p.pipelined().cpuUsPerOp());
        measure("cpu_scan", "CPU per " + rows + "-row SELECT", "ms", 1, p -> p.scan().cpuMs());
        measure("cpu_insert", "CPU per " + irows + "-row bulk insert", "ms", 1, p -> insert(p, Results.Insert::cpuMs));

        Results.Peer j = surrealj;
        target("p50_vs_js", "p50 latency: SurrealJ RPC / JS SDK", j.point().p50Us() / js.point().p50Us(), 0.8, false);
        target("cpu_point_vs_js", "client CPU per point query: SurrealJ RPC / JS SDK",
                j.point().cpuUsPerOp() / js.point().cpuUsPerOp(), 0.3, false);
        target("scan_vs_engine", rows + "-row SELECT end to end: SurrealJ RPC / engine alone",
                j.scan().medianMs() / engine.scan().medianMs(), 1.25, false);
        target("insert_vs_js", irows + "-row batch insert rows/s: SurrealJ JDBC / JS SDK",
                jdbc.insert().rowsPerSec() / js.insert().rowsPerSec(), 2.0, true);
        target("insert_vs_engine", irows + "-row batch insert rows/s: SurrealJ JDBC / engine alone",
                jdbc.insert().rowsPerSec() / engine.insert().rowsPerSec(), 0.8, true);
        target("read_vs_rpc", rows + "-row read time: SurrealJ JDBC / SurrealJ RPC",
                jdbc.scan().medianMs() / j.scan().medianMs(), 1.1, false);
        if (calcite != null) {
            target("calcite_vs_jdbc", "selective filter query p50: Calcite SQL / SurrealQL through the JDBC driver",
                    calcite.ratio(), 1.5, false);
        }
        if (bare != null) {
            info("bare_p50_vs_js", "p50 latency: bare JVM client / JS SDK", bare.p50Us() / js.point().p50Us(),
                    "the floor of a JVM client, see Floors");
            info("bare_cpu_vs_js", "client CPU per point query: bare JVM client / JS SDK",
                    bare.cpuUsPerOp() / js.point().cpuUsPerOp(), "the floor of a JVM client, see Floors");
        }
        info("p99_vs_js", "p99 latency: SurrealJ RPC / JS SDK", j.point().p99Us() / js.point().p99Us(), "");
        info("p50_vs_engine", "p50 latency: SurrealJ RPC / engine alone", j.point().p50Us() / engine.point().p50Us(),
                "what the socket, the server's framing and the client add");
        info("throughput_vs_js", "pipelined throughput: SurrealJ RPC / JS SDK",
                j.pipelined().opsPerSec() / js.pipelined().opsPerSec(), "higher is better");
        info("throughput_vs_engine", "pipelined throughput: SurrealJ RPC / engine alone",
                j.pipelined().opsPerSec() / engine.pipelined().opsPerSec(), "higher is better");
        info("cpu_pipelined_vs_js", "client CPU per pipelined query: SurrealJ RPC / JS SDK",
                j.pipelined().cpuUsPerOp() / js.pipelined().cpuUsPerOp(), "");
        info("scan_vs_js", rows + "-row SELECT: SurrealJ RPC / JS SDK", j.scan().medianMs() / js.scan().medianMs(), "");
        info("scan_vs_engine_decode", rows + "-row SELECT: SurrealJ RPC / engine+decode",
                j.scan().medianMs() / engineDecode.scan().medianMs(), "");
        info("cpu_scan_vs_js", "client CPU per " + rows + "-row SELECT: SurrealJ RPC / JS SDK",
                j.scan().cpuMs() / js.scan().cpuMs(), "");
        if (jdbcByIndex != null) {
            info("read_by_index_vs_rpc", rows + "-row read without getMetaData(): SurrealJ JDBC / SurrealJ RPC",
                    jdbcByIndex.medianMs() / j.scan().medianMs(), "columns read by index; getMetaData() infers the"
                    + " column types from every row");
        }
        info("read_vs_js", rows + "-row read: SurrealJ JDBC / JS SDK", jdbc.scan().medianMs() / js.scan().medianMs(),
                "");
        info("read_vs_engine", rows + "-row read: SurrealJ JDBC / engine alone",
                jdbc.scan().medianMs() / engine.scan().medianMs(), "");
        info("insert_jdbc_vs_rpc", "bulk insert time: SurrealJ JDBC / SurrealJ RPC (the same request)",
                jdbc.insert().medianMs() / j.insert().medianMs(), "what the JDBC layer adds");
        info("insert_rpc_vs_engine", "bulk insert rows/s: SurrealJ RPC / engine alone",
                j.insert().rowsPerSec() / engine.insert().rowsPerSec(), "higher is better");
        info("insert_vs_js_same_chunk", "bulk insert rows/s: SurrealJ JDBC / JS SDK with " + o.chunk + "-row calls",
                js.insertAlt() == null ? Double.NaN : jdbc.insert().rowsPerSec() / js.insertAlt().rowsPerSec(),
                "the SDK with the driver's chunk size; higher is better");
    }

    private static double point(Results.Peer p, ToDoubleFunction<Results.Point> f) {
        return p.point() == null ? Double.NaN : f.applyAsDouble(p.point());
    }

    private static double insert(Results.Peer p, ToDoubleFunction<Results.Insert> f) {
        return p.insert() == null ? Double.NaN : f.applyAsDouble(p.insert());
    }

    private void measure(String key, String label, String unit, int decimals, ToDoubleFunction<Results.Peer> f) {
        double[] v = new double[peers.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(peers.get(i));
        }
        measures.add(new Measure(key, label, unit, decimals, v));
    }

    private void target(String key, String label, double value, double limit, boolean atLeast) {
        ratios.add(new Ratio(key, label, value, limit, atLeast, ""));
    }

    private void info(String key, String label, double value, String note) {
        ratios.add(new Ratio(key, label, value, Double.NaN, false, note));
    }

    List<Ratio> targets() {
        return ratios.stream().filter(Ratio::isTarget).toList();
    }

    List<Ratio> misses() {
        return targets().stream().filter(r -> !r.pass()).toList();
    }

    // ------------------------------------------------------------------ rendering

    static String num(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String ratio(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, "%.2f×", v);
    }

    /** The absolute numbers as a (padded) Markdown table. */
    String measuresTable() {
        Table t = new Table("measure", "unit", PEERS[0], PEERS[1], PEERS[2], PEERS[3], PEERS[4]);
        t.rightAlign(2, 3, 4, 5, 6);
        for (Measure m : measures) {
            t.row(m.label(), m.unit(), num(m.values()[0], m.decimals()), num(m.values()[1], m.decimals()),
                    num(m.values()[2], m.decimals()), num(m.values()[3], m.decimals()),
                    num(m.values()[4], m.decimals()));
        }
        return t.render();
    }

    String targetsTable(boolean markdown) {
        Table t = new Table("target", "ratio", "limit", "result");
        t.rightAlign(1, 2);
        for (Ratio r : targets()) {
            t.row(r.label(), ratio(r.value()), r.bound(), r.pass() ? "PASS" : markdown ? "**MISS**" : "MISS");
        }
        return t.render();
    }

    String ratiosTable() {
        Table t = new Table("ratio", "value", "note");
        t.rightAlign(1);
        for (Ratio r : ratios) {
            if (!r.isTarget()) {
                t.row(r.label(), ratio(r.value()), r.note());
            }
        }
        return t.render();
    }

    /** What the console shows. */
    String console() {
        StringBuilder b = new StringBuilder();
        b.append('\n').append(measuresTable()).append('\n').append(targetsTable(false))
                .append('\n').append(ratiosTable()).append('\n');
        if (meta.disturbed()) {
            b.append("DISTURBED RUN: other processes used the CPU (" + meta.foreignCpu() + " cores)\n");
        }
        List<Ratio> miss = misses();
        b.append(miss.isEmpty() ? "All targets met in this run.\n"
                : "Targets MISSED in this run: " + String.join("; ", miss.stream().map(Ratio::label).toList()) + "\n");
        return b.toString();
    }

    String markdown(String kept) {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmarks\n\n");
        b.append("Results of the last full run of the benchmark harness (`tools/bench`, see `tools/bench/README.md`):\n")
                .append("SurrealJ's RPC client and JDBC driver against the official JS SDK over the same local dev server,\n")
                .append("and against SurrealDB's engine alone, executing the same statements in-process (the physical limit).\n")
                .append("Generated by the harness: the next run rewrites everything above the marker line at the end.\n\n");
        b.append("## Run\n\n");
        if (o.quick) {
            b.append("**Smoke run (`--quick`): small counts, no warm-up to speak of; these numbers mean nothing.**\n\n");
        }
        if (meta.disturbed()) {
            b.append("**Disturbed run: other processes used the CPU during a measured phase (see below);"
                    + " the ratios are not trustworthy. Rerun on a quiet machine.**\n\n");
        }
        Table facts = new Table("fact", "value");
        facts.row("date (UTC)", meta.date());
        facts.row("command", "`" + meta.command() + "`");
        facts.row("machine", meta.cores() + " cores, " + meta.cpu() + ", " + num(meta.memoryMb() / 1024.0, 1)
                + " GiB RAM, " + meta.os());
        facts.row("load average at start", meta.loadAverage() + " (1, 5, 15 min)");
        facts.row("other processes' CPU", meta.foreignCpu() + " (cores, on average, during each peer's phase; "
                + "above " + MachineLoad.DISTURBED_CORES + " the run counts as disturbed)");
        facts.row("Java", meta.java());
        facts.row("Node.js", meta.node());
        facts.row("SurrealDB", meta.server() + " (" + meta.enginePackage() + ", dev server `tools/dev-server`, mem://)");
        facts.row("JS SDK", meta.sdk() + " (over `ws`)");
        facts.row("data set", String.format(Locale.ROOT, "table `item`, %,d rows `{n: int, name: string, score: float, "
                + "tags: array}`; loaded in batches of %,d (SurrealJ through the server: %s ms; the engine alone: %s ms)",
                o.rows, o.batch, num(meta.javaLoadMs(), 0), num(meta.engineLoadMs(), 0)));
        facts.row("point query", "`" + DataSet.POINT_SQL + "` with `$id` bound, ids spread over the table");
        facts.row("counts", String.format(Locale.ROOT, "sequential: %,d warm-up + %,d measured; pipelined: %,d warm-up"
                + " + %,d measured, %d in flight; SELECT: %d warm-up + %d measured; bulk insert: %d warm-up + %d"
                + " measured", o.warmup, o.ops, o.pipeWarmup, o.pipeOps, o.window, o.scanWarmup, o.scanRuns,
                o.insertWarmup, o.insertRuns));
        facts.row("bulk insert", String.format(Locale.ROOT, "%,d rows `{n, name, score, tags}`, a fresh table per run,"
                + " each peer against a fresh server (a store that held other 100,000-row tables is slower). JDBC: `"
                + DataSet.BATCH_SQL_TEMPLATE.replace("%s", "t") + "`, `addBatch` × %,d, one `executeBatch`: ONE"
                + " request of `INSERT INTO t $_jdbc_rows_k RETURN id` per %,d rows (`surrealj.batchChunkRows`;"
                + " batches up to %,d rows are one INSERT). SurrealJ RPC and the engine alone: that same request."
                + " JS SDK: `await db.insert(new Table(t), rows)` per %,d rows, in sequence", o.insertRows,
                o.insertRows, o.chunk, o.atomic, o.sdkChunk));
        facts.row("JDBC read", "`executeQuery(\"" + DataSet.SCAN_SQL + "\")`, `getMetaData().getColumnCount()`, `next()`"
                + " over every row, `getObject` of every column; shown in the SELECT rows of the SurrealJ JDBC column;"
                + " measured again reading the 5 columns by index without `getMetaData()`");
        facts.row("run time", num(meta.seconds(), 0) + " s in all");
        b.append(facts.render()).append('\n');

        b.append("## Targets\n\n").append(targetsTable(true)).append('\n');
        List<Ratio> miss = misses();
        if (miss.isEmpty()) {
            b.append("All ").append(targets().size()).append(" targets were met in this run.\n\n");
        } else {
            b.append("**Targets missed in this run:**\n\n");
            for (Ratio r : miss) {
                b.append("- **MISSED**: ").append(r.label()).append(" is ").append(ratio(r.value()))
                        .append(", the target is ").append(r.bound()).append(".\n");
            }
            b.append('\n');
        }

        b.append("## Results\n\n").append(measuresTable()).append('\n');
        b.append("""
                - Lower is better, except throughput. Latencies are per request, measured by the caller, one
                  request at a time; the SELECT is timed from sending the query to holding every row decoded
                  into the language's values (`List<Map>` in Java, objects in JS); for JDBC, to having read every
                  column of every row of the `ResultSet` with `getObject`.
                - The bulk insert is timed from the first bound row (JDBC) or the first call (the others) to the
                  last answer; its rows are made before the clock starts. *engine alone* runs the request the
                  JDBC driver sends (encoding it included); *engine+decode* adds decoding the answer.
                - *engine alone*: the same statements through `execute(cbor) → cbor` of `@surrealdb/node` in one
                  Node.js process, no socket and no server: the answer stays CBOR bytes. *engine+decode* adds
                  decoding those bytes with the JS SDK's CBOR codec.
                - CPU is the CPU time (user + system, all threads) of the measuring process over the measured phase,
                  divided by the operations: for SurrealJ and the JS SDK that is the client alone (the server is
                  another process); for the engine columns it is the engine's own work.
                - Server, client and (for the engine columns) engine share this machine's cores; all numbers come
                  from the one run, peer after peer.

                """);
        b.append("## Other ratios\n\n").append(ratiosTable()).append('\n');
        if (calcite != null) {
            b.append("## Calcite\n\n");
            b.append("A selective filter (an indexed point lookup on `item.n`) prepared once and executed with ids spread\n"
                    + "over the table, alternating between the two; every column of the row read with `getObject`.\n\n");
            Table c = new Table("route", "statement", "p50 µs", "mean µs");
            c.rightAlign(2, 3);
            c.row("SurrealJ JDBC driver", "`" + CalcitePeer.SURREALQL + "`", num(calcite.driverP50Us(), 1),
                    num(calcite.driverMeanUs(), 1));
            c.row("Calcite (`jdbc:surrealdb-sql:`)", "`" + CalcitePeer.SQL + "` → `` " + calcite.pushed() + " ``",
                    num(calcite.calciteP50Us(), 1), num(calcite.calciteMeanUs(), 1));
            b.append(c.render()).append('\n');
            b.append(String.format(Locale.ROOT, "%,d measured executions of each; Calcite's first execution (parse, plan,"
                    + " generate and compile the plan) took %s ms.%n%n", calcite.ops(), num(calcite.firstCalciteMs(), 1)));
        }
        if (bare != null) {
            b.append("## Floors\n\n");
            b.append("""
                    The least a client can cost on this machine, measured in the same run: the *bare JVM client*
                    is `BarePeer`, one thread writing the request frame to a blocking socket and reading the answer
                    frame itself with SurrealJ's codec, and nothing else (no Netty, no second thread, no futures,
                    timeouts or reconnect): the floor of a JVM client over the same socket and server. *engine
                    alone* has no socket and no server at all.

                    """);
            Table f = new Table("sequential point query", "p50 µs", "p99 µs", "mean µs", "CPU µs/op");
            f.rightAlign(1, 2, 3, 4);
            f.row("bare JVM client", num(bare.p50Us(), 1), num(bare.p99Us(), 1), num(bare.meanUs(), 1),
                    num(bare.cpuUsPerOp(), 1));
            for (int i : new int[] {0, 2, 3}) {
                Results.Point p = peers.get(i).point();
                f.row(PEERS[i], num(p.p50Us(), 1), num(p.p99Us(), 1), num(p.meanUs(), 1), num(p.cpuUsPerOp(), 1));
            }
            b.append(f.render()).append('\n');
        }

        b.append("## Each SELECT run (ms)\n\n");
        Table runs = new Table("peer", "runs");
        for (int i = 0; i < peers.size(); i++) {
            runs.row(PEERS[i], String.join(", ", peers.get(i).scan().timesMs().stream().map(v -> num(v, 1)).toList()));
        }
        b.append(runs.render()).append('\n');
        b.append("## Each bulk insert run (ms)\n\n");
        Table inserts = new Table("peer", "runs");
        for (int i = 0; i < peers.size(); i++) {
            Results.Insert in = peers.get(i).insert();
            if (in != null) {
                inserts.row(PEERS[i], String.join(", ", in.timesMs().stream().map(v -> num(v, 1)).toList()));
            }
            Results.Insert alt = peers.get(i).insertAlt();
            if (alt != null) {
                inserts.row(PEERS[i] + ", " + o.chunk + "-row calls",
                        String.join(", ", alt.timesMs().stream().map(v -> num(v, 1)).toList()));
            }
        }
        b.append(inserts.render()).append('\n');

        b.append(KEEP_MARKER).append('\n');
        b.append(kept == null ? "\n## Analysis\n\n_Causes of missed targets and notes on these results go here._\n" : kept);
        return b.toString();
    }

    String csv() {
        StringBuilder b = new StringBuilder("section,key,label,unit," + String.join(",", PEER_KEYS) + ",value,limit,result\n");
        metaRow(b, "date", meta.date());
        metaRow(b, "command", meta.command());
        metaRow(b, "cores", Integer.toString(meta.cores()));
        metaRow(b, "cpu", meta.cpu());
        metaRow(b, "memory_mb", Long.toString(meta.memoryMb()));
        metaRow(b, "os", meta.os());
        metaRow(b, "load_average", meta.loadAverage());
        metaRow(b, "foreign_cpu_cores", meta.foreignCpu());
        metaRow(b, "disturbed", Boolean.toString(meta.disturbed()));
        metaRow(b, "java", meta.java());
        metaRow(b, "node", meta.node());
        metaRow(b, "surrealdb", meta.server());
        metaRow(b, "js_sdk", meta.sdk());
        metaRow(b, "engine_package", meta.enginePackage());
        metaRow(b, "rows", Integer.toString(o.rows));
        metaRow(b, "ops", Integer.toString(o.ops));
        metaRow(b, "pipe_ops", Integer.toString(o.pipeOps));
        metaRow(b, "window", Integer.toString(o.window));
        metaRow(b, "scan_runs", Integer.toString(o.scanRuns));
        metaRow(b, "insert_rows", Integer.toString(o.insertRows));
        metaRow(b, "insert_runs", Integer.toString(o.insertRuns));
        metaRow(b, "batch_chunk_rows", Integer.toString(o.chunk));
        metaRow(b, "batch_atomic_rows", Integer.toString(o.atomic));
        metaRow(b, "sdk_chunk_rows", Integer.toString(o.sdkChunk));
        if (bare != null) {
            metaRow(b, "bare_jvm_p50_us", plain(bare.p50Us()));
            metaRow(b, "bare_jvm_p99_us", plain(bare.p99Us()));
            metaRow(b, "bare_jvm_cpu_us_per_op", plain(bare.cpuUsPerOp()));
        }
        for (Measure m : measures) {
            b.append("measure,").append(m.key()).append(',').append(csvText(m.label())).append(',')
                    .append(csvText(m.unit()));
            for (double v : m.values()) {
                b.append(',').append(plain(v));
            }
            b.append(",,,\n");
        }
        for (Ratio r : ratios) {
            b.append(r.isTarget() ? "target," : "ratio,").append(r.key()).append(',').append(csvText(r.label()))
                    .append(",ratio,,,,,,").append(plain(r.value())).append(',')
                    .append(r.isTarget() ? plain(r.limit()) : "").append(',').append(r.result()).append('\n');
        }
        return b.toString();
    }

    private static void metaRow(StringBuilder b, String key, String value) {
        b.append("meta,").append(key).append(",,,,,,,,").append(csvText(value)).append(",,\n");
    }

    private static String plain(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String csvText(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Writes benchmarks.md (keeping the text below {@link #KEEP_MARKER} of the old one) and benchmarks.csv. */
    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path md = dir.resolve(MD_FILE);
            String kept = null;
            if (Files.isRegularFile(md)) {
                String old = Files.readString(md, StandardCharsets.UTF_8);
                int i = old.indexOf(KEEP_MARKER);
                if (i >= 0) {
                    kept = old.substring(i + KEEP_MARKER.length()).replaceFirst("^\r?\n", "");
                }
            }
            Files.writeString(md, markdown(kept), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(CSV_FILE), csv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + dir, e);
        }
    }

    /** A Markdown table with padded columns (readable as plain text too). */
    static final class Table {
        private final String[] header;
        private final List<String[]> rows = new ArrayList<>();
        private boolean[] right;

        Table(String... header) {
            this.header = header;
            this.right = new boolean[header.length];
        }

        void rightAlign(int... columns) {
            for (int c : columns) {
                right[c] = true;
            }
        }

        void row(String... cells) {
            rows.add(cells);
        }

        String render() {
            int[] w = new int[header.length];
            for (int c = 0; c < w.length; c++) {
                w[c] = Math.max(3, header[c].length());
                for (String[] r : rows) {
                    w[c] = Math.max(w[c], r[c].length());
                }
            }
            StringBuilder b = new StringBuilder();
            line(b, header, w);
            b.append('|');
            for (int c = 0; c < w.length; c++) {
                b.append(right[c] ? " " + "-".repeat(w[c] - 1) + ": |" : " " + "-".repeat(w[c]) + " |");
            }
            b.append('\n');
            for (String[] r : rows) {
                line(b, r, w);
            }
            return b.toString();
        }

        private void line(StringBuilder b, String[] cells, int[] w) {
            b.append('|');
            for (int c = 0; c < w.length; c++) {
                String pad = " ".repeat(w[c] - cells[c].length());
                b.append(' ').append(right[c] ? pad + cells[c] : cells[c] + pad).append(" |");
            }
            b.append('\n');
        }
    }
}
