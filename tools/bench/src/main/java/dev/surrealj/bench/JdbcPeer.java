package dev.surrealj.bench;

import dev.surrealj.rpc.SurrealClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures SurrealJ's JDBC driver over the same server: (e) a batch insert, {@code addBatch} × rows and one
 * {@code executeBatch} of {@code INSERT INTO t (n, name, score, tags) VALUES (?, ?, ?, ?)} into a fresh
 * table (the driver rewrites it into multi-row INSERTs, see {@code BatchRewriter}); (c) the full-table
 * SELECT through {@code executeQuery}, reading every column of every row with {@code getObject}.
 */
final class JdbcPeer {
    private final Connection connection;
    private final SurrealClient admin;
    private final BenchOptions o;

    /**
     * @param connection a JDBC connection to the server (auto-commit on)
     * @param admin      an RPC client on the same database, for counting the rows of the bulk tables
     */
    JdbcPeer(Connection connection, SurrealClient admin, BenchOptions o) {
        this.connection = connection;
        this.admin = admin;
        this.o = o;
    }

    /** (e) one batch of all rows; the values are made before the clock starts, binding them is timed. */
    Results.Insert insert() {
        int rows = o.insertRows;
        long[] n = new long[rows];
        String[] name = new String[rows];
        double[] score = new double[rows];
        List<?>[] tags = new List<?>[rows];
        for (int i = 0; i < rows; i++) {
            var r = DataSet.bulkRow(i + 1);
            n[i] = (Long) r.get("n");
            name[i] = (String) r.get("name");
            score[i] = (Double) r.get("score");
            tags[i] = (List<?>) r.get("tags");
        }
        return JavaPeer.bulk(admin, o, "jdbc", table -> {
            try (PreparedStatement ps = connection.prepareStatement(String.format(DataSet.BATCH_SQL_TEMPLATE, table))) {
                for (int i = 0; i < rows; i++) {
                    ps.setLong(1, n[i]);
                    ps.setString(2, name[i]);
                    ps.setDouble(3, score[i]);
                    ps.setObject(4, tags[i]);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int c : counts) {
                    if (c != 1) {
                        throw new IllegalStateException("a batch row counted " + c);
                    }
                }
                if (counts.length != rows) {
                    throw new IllegalStateException(counts.length + " counts for " + rows + " rows");
                }
            }
        });
    }

    /** The columns of {@code SELECT * FROM item}: id, n, name, score, tags. */
    private static final int ITEM_COLUMNS = 5;

    /**
     * One JDBC read of the whole table: every column of every row through {@code getObject}; the row count.
     * With {@code metaData} the column count comes from {@code getMetaData()}, as a generic tool does it
     * (the driver then infers the column types from the values); else the columns are read by index.
     */
    private int readAll(boolean metaData) throws SQLException {
        int rows = 0;
        long nonNull = 0;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(DataSet.SCAN_SQL)) {
            int columns = metaData ? rs.getMetaData().getColumnCount() : ITEM_COLUMNS;
            while (rs.next()) {
                rows++;
                for (int c = 1; c <= columns; c++) {
                    if (rs.getObject(c) != null) {
                        nonNull++;
                    }
                }
            }
            if (nonNull != (long) rows * columns) {
                throw new IllegalStateException("NULL values read from item: " + ((long) rows * columns - nonNull));
            }
        }
        return rows;
    }

    /** (c) over JDBC, the plan of {@link JavaPeer}'s scan; see {@link #readAll(boolean)}. */
    Results.Scan read(boolean metaData) {
        try {
            for (int k = 0; k < o.scanWarmup; k++) {
                expect(readAll(metaData));
            }
            List<Double> times = new ArrayList<>();
            long cpu = 0;
            for (int k = 0; k < o.scanRuns; k++) {
                System.gc();
                long c = JavaPeer.cpuNanos();
                long s = System.nanoTime();
                int rows = readAll(metaData);
                times.add((System.nanoTime() - s) / 1e6);
                cpu += JavaPeer.cpuNanos() - c;
                expect(rows);
            }
            return new Results.Scan(o.rows, o.scanRuns, Results.median(times),
                    times.stream().mapToDouble(Double::doubleValue).min().orElse(0), cpu / 1e6 / o.scanRuns,
                    List.copyOf(times));
        } catch (SQLException e) {
            throw new IllegalStateException("JDBC read failed: " + e, e);
        }
    }

    private void expect(int rows) {
        if (rows != o.rows) {
            throw new IllegalStateException("JDBC read " + rows + " rows, expected " + o.rows);
        }
    }
}
