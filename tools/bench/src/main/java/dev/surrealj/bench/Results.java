package dev.surrealj.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What one peer measured. Latencies in microseconds, CPU per op in microseconds, scan times in milliseconds. */
final class Results {
    private Results() {
    }

    /** (a) sequential point queries, and (d) the process CPU time spent per query meanwhile. */
    record Point(int count, double p50Us, double p99Us, double meanUs, double minUs, double maxUs,
                 double cpuUsPerOp, double wallMs) {

        static Point of(long[] samplesNs, double cpuUsPerOp, double wallMs) {
            long[] s = samplesNs.clone();
            Arrays.sort(s);
            double sum = 0;
            for (long x : s) {
                sum += x;
            }
            return new Point(s.length, percentile(s, 0.50) / 1e3, percentile(s, 0.99) / 1e3, sum / s.length / 1e3,
                    s[0] / 1e3, s[s.length - 1] / 1e3, cpuUsPerOp, wallMs);
        }

        static Point of(JsonNode n) {
            return new Point(n.get("count").asInt(), n.get("p50_us").asDouble(), n.get("p99_us").asDouble(),
                    n.get("mean_us").asDouble(), n.get("min_us").asDouble(), n.get("max_us").asDouble(),
                    n.get("cpu_us_per_op").asDouble(), n.get("wall_ms").asDouble());
        }
    }

    /** (b) {@code ops} point queries with {@code window} of them in flight on one connection. */
    record Pipelined(int ops, int window, double opsPerSec, double cpuUsPerOp, double wallMs) {
        static Pipelined of(JsonNode n) {
            return new Pipelined(n.get("ops").asInt(), n.get("window").asInt(), n.get("ops_per_s").asDouble(),
                    n.get("cpu_us_per_op").asDouble(), n.get("wall_ms").asDouble());
        }
    }

    /** (c) the full-table SELECT, end to end: median and minimum over {@code runs}, mean CPU per run. */
    record Scan(int rows, int runs, double medianMs, double minMs, double cpuMs, List<Double> timesMs) {
        static Scan of(JsonNode n) {
            List<Double> times = new ArrayList<>();
            n.get("times_ms").forEach(t -> times.add(t.asDouble()));
            return new Scan(n.get("rows").asInt(), n.get("runs").asInt(), n.get("median_ms").asDouble(),
                    n.get("min_ms").asDouble(), n.get("cpu_ms").asDouble(), List.copyOf(times));
        }
    }

    /**
     * (e) a bulk insert of {@code rows} rows into a fresh table: median and minimum over {@code runs}, mean CPU
     * per run of the measuring process.
     */
    record Insert(int rows, int runs, double medianMs, double minMs, double cpuMs, List<Double> timesMs) {
        static Insert of(int rows, List<Double> timesMs, double cpuMsPerRun) {
            return new Insert(rows, timesMs.size(), median(timesMs),
                    timesMs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN), cpuMsPerRun,
                    List.copyOf(timesMs));
        }

        static Insert of(JsonNode n) {
            if (n == null || n.isNull()) {
                return null;
            }
            List<Double> times = new ArrayList<>();
            n.get("times_ms").forEach(t -> times.add(t.asDouble()));
            return new Insert(n.get("rows").asInt(), n.get("runs").asInt(), n.get("median_ms").asDouble(),
                    n.get("min_ms").asDouble(), n.get("cpu_ms").asDouble(), List.copyOf(times));
        }

        /** Rows per second, from the median run. */
        double rowsPerSec() {
            return rows / (medianMs / 1e3);
        }
    }

    /**
     * All of one peer; a part it does not measure is {@code null} (the JDBC peer has no point queries).
     *
     * @param insert    the bulk insert (JDBC: a batch; RPC and engine: the request the driver sends; JS SDK:
     *                  {@code db.insert} in chunks)
     * @param insertAlt the JS SDK's bulk insert with the driver's chunk size, else {@code null}
     */
    record Peer(String name, Point point, Pipelined pipelined, Scan scan, Insert insert, Insert insertAlt) {
        static Peer of(String name, JsonNode n) {
            return new Peer(name, Point.of(n.get("point")), Pipelined.of(n.get("pipelined")), Scan.of(n.get("scan")),
                    Insert.of(n.get("insert")), Insert.of(n.get("insert_alt")));
        }
    }

    /** Nearest-rank percentile of sorted samples. */
    static double percentile(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
