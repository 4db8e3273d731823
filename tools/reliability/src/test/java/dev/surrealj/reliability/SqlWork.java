package dev.surrealj.reliability;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The body of a transaction for {@link Transactions#retrying}: runs its statements on the given
 * connection (autocommit is off; do not commit or roll back) and returns a result.
 *
 * @param <T> what the transaction returns
 */
@FunctionalInterface
public interface SqlWork<T> {

    /** Runs the transaction's statements; may run several times, so it must not keep state between runs. */
    T run(Connection connection) throws SQLException;
}
