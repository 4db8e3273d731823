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

    private static final List<String> MEASURES = List.of("point_p50", "point_p99", "point_mean",
            "pipelined_throughput", "scan_ms", "scan_min_ms", "cpu_point", "cpu_pipelined", "cpu_scan");
    private static final List<String> TARGETS = List.of("p50_vs_js", "cpu_point_vs_js", "scan_vs_engine");

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
    void quickRunWritesTheWholeTable(@TempDir Path out) throws Exception {
        Report report = Bench.run(BenchOptions.parse("--quick", "--out", out.toString()));

        Path md = out.resolve("benchmarks.md");
        Path csv = out.resolve("benchmarks.csv");
        assertTrue(Files.isRegularFile(md), "benchmarks.md written");
        assertTrue(Files.isRegularFile(csv), "benchmarks.csv written");

        // every measure has a positive number for each of the four peers
        Map<String, String[]> rows = csvRows(Files.readString(csv, StandardCharsets.UTF_8));
        for (String key : MEASURES) {
            String[] r = rows.get("measure/" + key);
            assertTrue(r != null, "CSV row of " + key);
            for (int col = 4; col <= 7; col++) {
                double v = Double.parseDouble(r[col]);
                assertTrue(v > 0 && Double.isFinite(v), key + " column " + col + " = " + r[col]);
            }
        }
        // the three targets, each with a positive ratio and a verdict
        for (String key : TARGETS) {
            String[] r = rows.get("target/" + key);
            assertTrue(r != null, "CSV row of target " + key);
            assertTrue(Double.parseDouble(r[8]) > 0, key + " ratio");
            assertTrue(r[10].equals("PASS") || r[10].equals("MISS"), key + " verdict " + r[10]);
        }
        assertEquals(3, report.targets().size());
        assertEquals(3, report.meta.phases().size(), "one load reading per peer");
        assertFalse(report.ratios.isEmpty());

        // the Markdown holds the run facts, the tables and, for every miss, a plain statement
        String text = Files.readString(md, StandardCharsets.UTF_8);
        for (String s : List.of("# Benchmarks", "## Targets", "## Results", "SurrealJ", "JS SDK", "engine alone",
                "engine+decode", "surrealdb-3", "point query latency p50", "pipelined throughput",
                "row SELECT end to end", "CPU per point query", "other processes' CPU", Report.KEEP_MARKER)) {
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
                "--warmup", "20", "--ops", "50", "--pipe-warmup", "20", "--pipe-ops", "50", "--batch", "100"));
        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertFalse(text.contains("# old"));
        assertTrue(text.contains("# Benchmarks"));
        assertTrue(text.endsWith(Report.KEEP_MARKER + "\n## Analysis\n\nthe lead's notes\n"), text);
        assertEquals(300, report.o.rows);
    }

    /** "section/key" → cells, for a CSV without quoted commas in the columns read here. */
    private static Map<String, String[]> csvRows(String csv) {
        List<String[]> rows = new ArrayList<>();
        for (String line : csv.split("\n")) {
            rows.add(split(line));
        }
        assertEquals("section,key,label,unit,surrealj,js_sdk,engine,engine_decode,value,limit,result",
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
        return out.length >= 11 ? out : Arrays.copyOf(out, 11);
    }
}
