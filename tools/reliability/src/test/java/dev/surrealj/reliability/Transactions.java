package dev.surrealj.reliability;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Runs a transaction and runs it again when SurrealDB reports a conflict (SQLState {@code 40001}).
 *
 * <p>SurrealDB 3 transactions are optimistic: two transactions that write the same record both run,
 * and the second to finish fails (at a statement or at {@code commit}) with
 * {@link java.sql.SQLTransactionRollbackException}, SQLState 40001. Such a transaction had no effect
 * and may simply be run again. This helper does that:
 *
 * <pre>{@code
 * long newBalance = Transactions.retrying(dataSource, 20, c -> {
 *     try (PreparedStatement ps = c.prepareStatement("UPDATE ONLY ? SET balance -= ? RETURN VALUE balance")) {
 *         ps.setObject(1, new RecordId("account", 1));
 *         ps.setLong(2, 100);
 *         try (ResultSet rs = ps.executeQuery()) { rs.next(); return rs.getLong(1); }
 *     }
 * });
 * }</pre>
 *
 * <ul>
 *   <li>Autocommit is switched off for the work and restored afterwards; the work must not commit or
 *       roll back itself. The helper commits after the work returns. Call it at a transaction boundary:
 *       on a connection in manual-commit mode, statements run before it join the first attempt.</li>
 *   <li>Only 40001 is retried, at most {@code maxAttempts} runs in all, with a short random back-off
 *       (full jitter, 1 ms doubling up to 64 ms) between runs. After the last attempt the 40001
 *       exception is thrown, with the earlier failures attached as suppressed exceptions.</li>
 *   <li>Every other failure rolls back and is thrown at once. A connection error during {@code commit}
 *       (08xxx) is <b>not</b> retried: the commit may or may not have happened. Give each transaction
 *       a unique id it writes (a record {@code transfer:⟨uuid⟩}) if the caller needs to find out.</li>
 *   <li>The work may run several times: it must not keep state outside the database between runs
 *       (count attempts if you like, but compute results from what the last run read).</li>
 * </ul>
 *
 * <p>Lives in the test sources of {@code tools/reliability} for now; it depends on nothing but JDBC so
 * it can move into the driver unchanged.
 */
public final class Transactions {
    /** SQLState of a retryable transaction conflict. */
    public static final String SERIALIZATION_FAILURE = "40001";
    private static final int MAX_BACKOFF_MILLIS = 64;

    private Transactions() {
    }

    /**
     * Runs {@code work} in a transaction on a connection from {@code dataSource} (returned to it
     * afterwards), retrying conflicts.
     *
     * @param maxAttempts how many times the work may run in all, at least 1
     */
    public static <T> T retrying(DataSource dataSource, int maxAttempts, SqlWork<T> work) throws SQLException {
        checkAttempts(maxAttempts);
        try (Connection c = dataSource.getConnection()) {
            return retrying(c, maxAttempts, work);
        }
    }

    /**
     * Runs {@code work} in a transaction on {@code connection}, retrying conflicts. The connection's
     * autocommit mode is restored afterwards.
     *
     * @param maxAttempts how many times the work may run in all, at least 1
     */
    public static <T> T retrying(Connection connection, int maxAttempts, SqlWork<T> work) throws SQLException {
        checkAttempts(maxAttempts);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        T result;
        try {
            result = attempts(connection, maxAttempts, work);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                restoreAutoCommit(connection, autoCommit);
            } catch (SQLException | RuntimeException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
        restoreAutoCommit(connection, autoCommit);
        return result;
    }

    private static <T> T attempts(Connection connection, int maxAttempts, SqlWork<T> work) throws SQLException {
        SQLException first = null;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                rollbackQuietly(connection, e);
                if (!isRetryable(e) || attempt >= maxAttempts) {
                    if (first != null && first != e) {
                        e.addSuppressed(first);
                    }
                    throw e;
                }
                if (first == null) {
                    first = e;
                }
                backOff(attempt, e);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        }
    }

    /** Whether the exception (or one it chains) is a transaction conflict worth running again (40001). */
    public static boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                if (SERIALIZATION_FAILURE.equals(s.getSQLState())) {
                    return true;
                }
                if (s instanceof BatchUpdateException b && b.getNextException() != null
                        && b.getNextException() != b && isRetryable(b.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void backOff(int attempt, SQLException last) throws SQLException {
        int cap = Math.min(MAX_BACKOFF_MILLIS, 1 << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(cap + 1));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw last;
        }
    }

    private static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection c, boolean autoCommit) throws SQLException {
        if (autoCommit && !c.isClosed()) {
            c.setAutoCommit(true);
        }
    }

    private static void checkAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }
}
