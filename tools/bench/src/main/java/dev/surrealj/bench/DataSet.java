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
        Object count = client.query("SELECT count() FROM item GROUP ALL").await().get(0).orThrow();
        long n = count instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> m
                && m.get("count") instanceof Number c ? c.longValue() : -1;
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
