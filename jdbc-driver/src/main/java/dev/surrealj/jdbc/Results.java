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

    /**
     * The result set of one statement result, cut at the statement's max rows. For a {@code SELECT}
     * ({@code select} not {@code null}): columns in projection order, the source table of a plain
     * single-table select, and its SCHEMAFULL field types fetched when the metadata asks.
     */
    static ResultSet of(SurrealStatement owner, Object value, SelectInfo select) throws SQLException {
        int max = (int) Math.min(Integer.MAX_VALUE, owner.maxRowsLimit());
        if (select == null) {
            return SurrealResultSet.of(owner, value, ResultSetContext.ofMaxRows(max));
        }
        return SurrealResultSet.of(owner, value, new ResultSetContext(select.table(), null, max,
                select.columnOrder(), owner.connection.schemas().source(select)));
    }

    /** The result set of one statement result that is not a {@code SELECT}. */
    static ResultSet of(SurrealStatement owner, Object value) throws SQLException {
        return of(owner, value, null);
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
