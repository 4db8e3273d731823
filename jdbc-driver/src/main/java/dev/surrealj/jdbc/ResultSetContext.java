package dev.surrealj.jdbc;

import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the statement knows about a result beyond its value, for {@link SurrealResultSet#of}.
 *
 * <pre>{@code
 * // SELECT * FROM person, person being SCHEMAFULL with DEFINE FIELD name ON person TYPE string …
 * Map<String, String> types = Map.of("name", "string", "age", "option<int>");
 * ResultSet rs = SurrealResultSet.of(statement, result, new ResultSetContext("person", types, maxRows));
 * // SELECT name, age FROM person: columns in projection order, types fetched when getMetaData() asks
 * ResultSet ordered = SurrealResultSet.of(statement, result,
 *         new ResultSetContext("person", null, maxRows, List.of("name", "age"), source));
 * ResultSet plain = SurrealResultSet.of(statement, result, ResultSetContext.NONE);
 * }</pre>
 *
 * @param tableName    the source table of a plain single-table {@code SELECT}, or {@code null}: it is what
 *                     {@code ResultSetMetaData.getTableName} reports for every column (tools such as
 *                     DBeaver use it to edit a grid in place)
 * @param schemaTypes  field name → SurrealDB type text from the table's definition ({@code "option<int>"},
 *                     {@code "record<person>"}, {@code "array<string>"} …), or {@code null}. Top-level fields
 *                     only matter (nested ones such as {@code address.city} or {@code tags[*]} are ignored).
 *                     A listed column takes its JDBC type and nullability from here instead of from the values.
 *                     When the result has <em>no rows</em>, the columns are {@code id} followed by the listed
 *                     fields (at the {@code *} of {@code columnOrder} when there is one, not at all when
 *                     {@code columnOrder} has no {@code *}), so an empty table still shows its columns: pass
 *                     types only for columns that are the table's fields
 *                     ({@link SelectInfo#filterSchema(Map)}).
 * @param maxRows      {@link java.sql.Statement#getMaxRows()}: rows past this many are dropped; 0 = no limit
 * @param columnOrder  the column names of object rows in projection order, {@link SelectInfo#REST} where the
 *                     remaining keys go ({@link SelectInfo#columnOrder()}), or {@code null} for the server's
 *                     order ({@code id} first); see {@link Columns#ofObjects(List, Map, List)}
 * @param schemaSource where {@code schemaTypes} come from when they are {@code null}: asked only when the
 *                     metadata (or the columns of an empty {@code SELECT *}) need them, or {@code null}
 */
record ResultSetContext(String tableName, Map<String, String> schemaTypes, int maxRows, List<String> columnOrder,
                        SchemaSource schemaSource) {
    /** No table, no schema, no row limit. */
    static final ResultSetContext NONE = new ResultSetContext(null, null, 0);

    /** The schema types of a result's table, fetched lazily (the statement side's table schema cache). */
    interface SchemaSource {
        /**
         * The field types for this result (already narrowed to its columns), asking the server when they
         * are not cached; {@code null} when the table has none (SCHEMALESS, unknown, not allowed).
         */
        Map<String, String> load() throws SQLException;

        /** The field types if known without a request, else {@code null}. */
        Map<String, String> cached();
    }

    /**
     * Copies {@code schemaTypes} (keeping its order) and {@code columnOrder}; a negative {@code maxRows}
     * counts as 0.
     */
    ResultSetContext {
        schemaTypes = schemaTypes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(schemaTypes));
        maxRows = Math.max(0, maxRows);
        columnOrder = columnOrder == null ? null : List.copyOf(columnOrder);
    }

    /** Table, eager schema types and row limit; the server's column order. */
    ResultSetContext(String tableName, Map<String, String> schemaTypes, int maxRows) {
        this(tableName, schemaTypes, maxRows, null, null);
    }

    /** Only a row limit. */
    static ResultSetContext ofMaxRows(int maxRows) {
        return new ResultSetContext(null, null, maxRows);
    }

    /** This context with {@code types} as its schema types. */
    ResultSetContext withSchemaTypes(Map<String, String> types) {
        return new ResultSetContext(tableName, types, maxRows, columnOrder, schemaSource);
    }
}
