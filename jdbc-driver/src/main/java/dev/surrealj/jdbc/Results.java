package dev.surrealj.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * How the statement side makes result sets: the one place that calls {@link SurrealResultSet}'s
 * factories.
 */
final class Results {
    private Results() {
    }

    /** The result set of one statement result, cut at the statement's max rows. */
    static ResultSet of(SurrealStatement owner, Object value) throws SQLException {
        long max = owner.maxRowsLimit();
        return SurrealResultSet.of(owner, value, ResultSetContext.ofMaxRows((int) Math.min(Integer.MAX_VALUE, max)));
    }

    /** An empty result set without columns. */
    static ResultSet empty(SurrealStatement owner) throws SQLException {
        return SurrealResultSet.empty(owner);
    }

    /** Rows of values under named columns, types inferred from the values. */
    static ResultSet rows(Statement owner, List<String> names, List<List<Object>> rows) throws SQLException {
        return SurrealResultSet.ofValues(owner, names, rows);
    }

    /** Rows of values under declared columns (database metadata). */
    static ResultSet declared(Statement owner, List<Columns.Def> defs, List<List<Object>> rows) throws SQLException {
        return SurrealResultSet.ofRows(owner, defs, rows);
    }
}
