package dev.surrealj.jdbc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the statement knows about a result beyond its value, for {@link SurrealResultSet#of}.
 *
 * <pre>{@code
 * // SELECT * FROM person, person being SCHEMAFULL with DEFINE FIELD name ON person TYPE string …
 * Map<String, String> types = Map.of("name", "string", "age", "option<int>");
 * ResultSet rs = SurrealResultSet.of(statement, result, new ResultSetContext("person", types, maxRows));
 * ResultSet plain = SurrealResultSet.of(statement, result, ResultSetContext.NONE);
 * }</pre>
 *
 * @param tableName   the source table of a plain single-table {@code SELECT}, or {@code null}: it is what
 *                    {@code ResultSetMetaData.getTableName} reports for every column (tools such as
 *                    DBeaver use it to edit a grid in place)
 * @param schemaTypes field name → SurrealDB type text from the table's definition ({@code "option<int>"},
 *                    {@code "record<person>"}, {@code "array<string>"} …), or {@code null}. Top-level fields
 *                    only matter (nested ones such as {@code address.city} or {@code tags[*]} are ignored).
 *                    A listed column takes its JDBC type and nullability from here instead of from the values.
 *                    When the result has <em>no rows</em>, the columns are {@code id} followed by the listed
 *                    fields, so an empty table still shows its columns: pass types only for results whose
 *                    columns are the table's fields ({@code SELECT *}).
 * @param maxRows     {@link java.sql.Statement#getMaxRows()}: rows past this many are dropped; 0 = no limit
 */
record ResultSetContext(String tableName, Map<String, String> schemaTypes, int maxRows) {
    /** No table, no schema, no row limit. */
    static final ResultSetContext NONE = new ResultSetContext(null, null, 0);

    /** Copies {@code schemaTypes} (keeping its order); a negative {@code maxRows} counts as 0. */
    ResultSetContext {
        schemaTypes = schemaTypes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(schemaTypes));
        maxRows = Math.max(0, maxRows);
    }

    /** Only a row limit. */
    static ResultSetContext ofMaxRows(int maxRows) {
        return new ResultSetContext(null, null, maxRows);
    }
}
