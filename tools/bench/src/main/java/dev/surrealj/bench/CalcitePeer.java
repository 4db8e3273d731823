package dev.surrealj.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A selective filter query two ways over the same server and table: as SurrealQL through the JDBC driver,
 * and as SQL through Calcite ({@code jdbc:surrealdb-sql:}, the Calcite adapter), which pushes the filter
 * and the projection into the same SurrealQL. Both are prepared once and executed with a bound id; the
 * calls alternate so that both see the same machine. {@code item.n} gets an index first, so the query is
 * a point lookup and what Calcite adds per query is visible rather than hidden behind a table scan.
 */
final class CalcitePeer {
    /** The statement through the driver. */
    static final String SURREALQL = "SELECT n, name, score FROM item WHERE n = ?";
    /** The statement through Calcite. */
    static final String SQL = "SELECT n, name, score FROM item WHERE n = ?";

    /**
     * @param driverP50Us    driver: median latency of one execution, reading every column of the row
     * @param calciteP50Us   Calcite: the same
     * @param firstCalciteMs Calcite: the first execution (parsing, planning and compiling the plan included)
     * @param pushed         the SurrealQL Calcite sent (from its EXPLAIN)
     */
    record Result(int ops, double driverP50Us, double calciteP50Us, double driverMeanUs, double calciteMeanUs,
                  double firstCalciteMs, String pushed) {
        double ratio() {
            return calciteP50Us / driverP50Us;
        }
    }

    private CalcitePeer() {
    }

    /**
     * @param driver  a driver connection to the bench database
     * @param calcite a {@code jdbc:surrealdb-sql:} connection to the same database
     */
    static Result run(Connection driver, Connection calcite, BenchOptions o) throws SQLException {
        try (Statement s = driver.createStatement()) {
            s.execute("DEFINE INDEX IF NOT EXISTS item_n ON item FIELDS n");
        }
        String pushed;
        try (Statement s = calcite.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR "
                + SQL)) {
            rs.next();
            String plan = rs.getString(1);
            int at = plan.indexOf("surrealql=[");
            pushed = at < 0 ? plan : plan.substring(at + 11, plan.indexOf("])", at));
        }
        try (PreparedStatement d = driver.prepareStatement(SURREALQL)) {
            long t0 = System.nanoTime();
            PreparedStatement c = calcite.prepareStatement(SQL);
            once(c, 1);
            double first = (System.nanoTime() - t0) / 1e6;
            try (c) {
                for (int k = 0; k < o.filterWarmup; k++) {
                    long id = DataSet.pointId(k, o.rows);
                    once(d, id);
                    once(c, id);
                }
                List<Double> dt = new ArrayList<>();
                List<Double> ct = new ArrayList<>();
                for (int k = 0; k < o.filterOps; k++) {
                    long id = DataSet.pointId(k + o.filterWarmup, o.rows);
                    boolean driverFirst = (k & 1) == 0;
                    if (driverFirst) {
                        dt.add(timed(d, id));
                        ct.add(timed(c, id));
                    } else {
                        ct.add(timed(c, id));
                        dt.add(timed(d, id));
                    }
                }
                return new Result(o.filterOps, Results.median(dt), Results.median(ct), mean(dt), mean(ct), first, pushed);
            }
        }
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double timed(PreparedStatement ps, long id) throws SQLException {
        long t = System.nanoTime();
        once(ps, id);
        return (System.nanoTime() - t) / 1e3;
    }

    private static void once(PreparedStatement ps, long id) throws SQLException {
        ps.setLong(1, id);
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows++;
                if (rs.getObject(1) == null || rs.getObject(2) == null || rs.getObject(3) == null) {
                    throw new IllegalStateException("NULL in item " + id);
                }
            }
        }
        if (rows != 1) {
            throw new IllegalStateException(rows + " rows for n = " + id + " (expected 1)");
        }
    }
}
