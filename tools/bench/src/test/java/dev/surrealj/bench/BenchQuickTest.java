package dev.surrealj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole harness in {@code --quick} mode (dev server, SurrealJ, the JS SDK, the engine alone)
 * and checks that it produced every row of the table. No timing is asserted: numbers must only exist
 * and be positive.
 */
class BenchQuickTest {

    /** Measures of every peer but the JDBC one (columns: 4 RPC, 5 JDBC, 6 JS SDK, 7 engine, 8 engine+decode). */
    private static final List<String> NOT_JDBC = List.of("point_p50", "point_p99", "point_mean",
            "pipelined_throughput", "cpu_point", "cpu_pipelined");
    /** Measures of every peer. */
    private static final List<String> ALL = List.of("scan_ms", "scan_min_ms", "cpu_scan", "insert_ms", "insert_min_ms",
            "insert_rows_per_s", "cpu_insert");
    private static final List<String> TARGETS = List.of("p50_vs_js", "cpu_point_vs_js", "scan_vs_engine",
            "insert_vs_js", "insert_vs_engine", "read_vs_rpc", "calcite_vs_jdbc");

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
    void quickRunWritesTheWholeTable(@TempDir Path out) throws Exception {
        Report report = Bench.run(BenchOptions.parse("--quick", "--out", out.toString()));
        System.out.print(report.console()); // the numbers of the smoke run, in the test's output

        Path md = out.resolve("benchmarks.md");
        Path csv = out.resolve("benchmarks.csv");
        assertTrue(Files.isRegularFile(md), "benchmarks.md written");
        assertTrue(Files.isRegularFile(csv), "benchmarks.csv written");

        // every measure has a positive number for each peer that measures it
        Map<String, String[]> rows = csvRows(Files.readString(csv, StandardCharsets.UTF_8));
        for (String key : NOT_JDBC) {
            String[] r = rows.get("measure/" + key);
            assertTrue(r != null, "CSV row of " + key);
            for (int col = 4; col <= 8; col++) {
                if (col == 5) {
                    assertEquals("", r[col], key + " has no JDBC number");
                } else {
                    assertPositive(r, col, key);
                }
            }
        }
        for (String key : ALL) {
            String[] r = rows.get("measure/" + key);
            assertTrue(r != null, "CSV row of " + key);
            for (int col = 4; col <= 8; col++) {
                assertPositive(r, col, key);
            }
        }
        assertPositive(rows.get("measure/insert_sdk_chunk_ms"), 6, "insert_sdk_chunk_ms");
        assertPositive(rows.get("measure/read_by_index_ms"), 5, "read_by_index_ms");
        // the floor: the bare JVM client's point queries
        for (String key : List.of("bare_jvm_p50_us", "bare_jvm_p99_us", "bare_jvm_cpu_us_per_op")) {
            String[] r = rows.get("meta/" + key);
            assertTrue(r != null, "CSV row of " + key);
            assertPositive(r, 9, key);
        }
        // the targets, each with a positive ratio and a verdict
        for (String key : TARGETS) {
            String[] r = rows.get("target/" + key);
            assertTrue(r != null, "CSV row of target " + key);
            assertTrue(Double.parseDouble(r[9]) > 0, key + " ratio");
            assertTrue(r[11].equals("PASS") || r[11].equals("MISS"), key + " verdict " + r[11]);
        }
        assertEquals(TARGETS.size(), report.targets().size());
        assertEquals(5, report.meta.phases().size(), "one load reading per phase");
        assertFalse(report.ratios.isEmpty());

        // the Markdown holds the run facts, the tables and, for every miss, a plain statement
        String text = Files.readString(md, StandardCharsets.UTF_8);
        for (String s : List.of("# Benchmarks", "## Targets", "## Results", "SurrealJ RPC", "SurrealJ JDBC", "JS SDK",
                "engine alone", "engine+decode", "surrealdb-3", "point query latency p50", "pipelined throughput",
                "row SELECT end to end", "CPU per point query", "row bulk insert", "batch insert rows/s",
                "## Floors", "bare JVM client", "other processes' CPU", "## Calcite", "`n` = $p0",
                Report.KEEP_MARKER)) {
            assertTrue(text.contains(s), "benchmarks.md mentions " + s);
        }
        for (Report.Ratio miss : report.misses()) {
            assertTrue(text.contains("**MISSED**: " + miss.label()), "the miss of " + miss.label() + " is stated");
        }
        assertTrue(report.console().contains("point query latency p99"));
    }

    @Test
    void rewritingKeepsTheAnalysisBelowTheMarker(@TempDir Path out) throws Exception {
        Path md = out.resolve("benchmarks.md");
        Files.writeString(md, "# old\n" + Report.KEEP_MARKER + "\n## Analysis\n\nthe lead's notes\n");
        Report report = Bench.run(BenchOptions.parse("--quick", "--out", out.toString(), "--rows", "300",
                "--warmup", "20", "--ops", "50", "--pipe-warmup", "20", "--pipe-ops", "50", "--batch", "100",
                "--insert-rows", "300"));
        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertFalse(text.contains("# old"));
        assertTrue(text.contains("# Benchmarks"));
        assertTrue(text.endsWith(Report.KEEP_MARKER + "\n## Analysis\n\nthe lead's notes\n"), text);
        assertEquals(300, report.o.rows);
    }

    private static void assertPositive(String[] r, int col, String key) {
        double v = Double.parseDouble(r[col]);
        assertTrue(v > 0 && Double.isFinite(v), key + " column " + col + " = " + r[col]);
    }

    /** "section/key" → cells, for a CSV without quoted commas in the columns read here. */
    private static Map<String, String[]> csvRows(String csv) {
        List<String[]> rows = new ArrayList<>();
        for (String line : csv.split("\n")) {
            rows.add(split(line));
        }
        assertEquals("section,key,label,unit,surrealj,surrealj_jdbc,js_sdk,engine,engine_decode,value,limit,result",
                String.join(",", rows.get(0)));
        return rows.stream().skip(1).collect(Collectors.toMap(r -> r[0] + "/" + r[1], r -> r, (a, b) -> a));
    }

    private static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cells.add(cur.toString());
        String[] out = cells.toArray(new String[0]);
        return out.length >= 12 ? out : Arrays.copyOf(out, 12);
    }
}
