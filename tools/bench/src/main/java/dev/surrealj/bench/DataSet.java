package dev.surrealj.bench;

import dev.surrealj.rpc.QueryResult;
import dev.surrealj.rpc.SurrealClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's data set and statements. Mirrored exactly by {@code tools/bench/js/common.mjs}
 * (the JS peers use the same rows, the same statements and the same id sequence).
 */
final class DataSet {
    static final String NAMESPACE = "bench";
    static final String DATABASE = "bench";
    /** One record by id, the id bound as a variable: the same statement for every peer. */
    static final String POINT_SQL = "SELECT * FROM type::record('item', $id)";
    /** The whole table. */
    static final String SCAN_SQL = "SELECT * FROM item";
    static final String INSERT_SQL = "INSERT INTO item $rows RETURN NONE";
    /** The JDBC batch statement: the driver rewrites its batches into multi-row INSERTs (BatchRewriter). */
    static final String BATCH_SQL_TEMPLATE = "INSERT INTO %s (n, name, score, tags) VALUES (?, ?, ?, ?)";

    private DataSet() {
    }

    /** Row {@code i} (1-based), record {@code item:i}: {@code {n: int, name: string, score: float, tags: array}}. */
    static Map<String, Object> row(long i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i);
        m.put("n", i);
        m.put("name", "item-" + i);
        m.put("score", (i % 1000) + 0.25);
        m.put("tags", List.of("t" + (i % 7), "t" + (i % 13)));
        return m;
    }

    /** Row {@code i} of the bulk insert: row {@link #row} without {@code id} (the server makes random ids). */
    static Map<String, Object> bulkRow(long i) {
        Map<String, Object> m = row(i);
        m.remove("id");
        return m;
    }

    /** The table a bulk-insert run writes into: fresh for every run of every peer. */
    static String bulkTable(String peer, int run) {
        return "bulk_" + peer + "_" + run;
    }

    /**
     * The request the JDBC driver sends for a rewritten batch of {@code rows} (mirrors
     * {@code dev.surrealj.jdbc.BatchRewriter}, with {@code surrealj.batchChunkRows = chunk} and
     * {@code surrealj.batchAtomicRows = atomic}): one {@code INSERT INTO t $_jdbc_rows RETURN id} when the
     * batch has at most {@code atomic} rows, else {@code INSERT INTO t $_jdbc_rows_k RETURN id;} per chunk.
     * Mirrored by {@code insertScript} in {@code js/common.mjs} (the engine-alone peer).
     */
    static Map.Entry<String, Map<String, Object>> insertScript(String table, List<Map<String, Object>> rows,
                                                               int chunk, int atomic) {
        Map<String, Object> vars = new LinkedHashMap<>();
        if (rows.size() <= atomic) {
            vars.put("_jdbc_rows", rows);
            return Map.entry("INSERT INTO " + table + " $_jdbc_rows RETURN id", vars);
        }
        StringBuilder sql = new StringBuilder();
        for (int from = 0, k = 1; from < rows.size(); from += chunk, k++) {
            String name = "_jdbc_rows_" + k;
            sql.append("INSERT INTO ").append(table).append(" $").append(name).append(" RETURN id;\n");
            vars.put(name, rows.subList(from, Math.min(rows.size(), from + chunk)));
        }
        return Map.entry(sql.toString(), vars);
    }

    /** Rows of a table, by {@code count()}. */
    static long count(SurrealClient client, String table) {
        Object count = client.query("SELECT count() FROM " + table + " GROUP ALL").await().get(0).orThrow();
        return count instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> m
                && m.get("count") instanceof Number c ? c.longValue() : 0;
    }

    /** The {@code k}-th id (0-based) of the point-query sequence over rows {@code 1..rows}. */
    static long pointId(long k, long rows) {
        return (k * 7919 + 13) % rows + 1;
    }

    /** Inserts rows {@code 1..rows} in batches; returns the elapsed milliseconds. */
    static double load(SurrealClient client, int rows, int batch) {
        long t0 = System.nanoTime();
        for (int first = 1; first <= rows; first += batch) {
            List<Map<String, Object>> chunk = new ArrayList<>(batch);
            for (int i = first; i < first + batch && i <= rows; i++) {
                chunk.add(row(i));
            }
            for (QueryResult r : client.query(INSERT_SQL, Map.of("rows", chunk)).await()) {
                r.orThrow();
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        long n = count(client, "item");
        if (n != rows) {
            throw new IllegalStateException("loaded " + n + " rows into item, expected " + rows);
        }
        return ms;
    }

    /** Rows in the first statement result of a {@code query} answer. */
    static int rowsOf(List<QueryResult> results) {
        Object r = results.get(0).orThrow();
        return r instanceof List<?> l ? l.size() : -1;
    }
}
