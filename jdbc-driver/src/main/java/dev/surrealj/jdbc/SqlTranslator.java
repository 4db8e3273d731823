package dev.surrealj.jdbc;

import java.sql.SQLException;
import java.util.Map;

/**
 * Translates SQL into SurrealQL for connections opened with {@code sqlTranslation=true}: the service
 * provider interface behind the driver's SQL translation mode. The driver ships no translator itself; the
 * implementation lives in the {@code surrealj-jooq} artifact (jOOQ's SQL parser, rendered by its SurrealQL
 * renderer) and is part of the {@code surrealj-jdbc-<version>-all.jar} bundle.
 *
 * <p>The driver finds a {@link SqlTranslatorFactory} with {@link java.util.ServiceLoader}, or instantiates the
 * class named by the {@code sqlTranslatorFactory} property (for tools whose class loaders break the
 * ServiceLoader lookup). Each connection gets one translator from {@link SqlTranslatorFactory#create}.
 *
 * <p>A translator implements:
 * <pre>{@code
 * public final class MyFactory implements SqlTranslatorFactory {
 *     public SqlTranslator create(Map<String, String> properties) {
 *         return (sql, context) -> {
 *             if (!sql.startsWith("SELECT")) {
 *                 return null;                       // not SQL: the driver sends the text as SurrealQL
 *             }
 *             // JDBC parameter 1 is written as the SurrealQL variable $_jdbc_1 (context.parameterName(1))
 *             return SqlTranslation.of("SELECT * FROM person WHERE age > $" + context.parameterName(1), 1);
 *         };
 *     }
 * }
 * // META-INF/services/dev.surrealj.jdbc.SqlTranslatorFactory contains: com.example.MyFactory
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one connection's statements may translate concurrently.
 */
@FunctionalInterface
public interface SqlTranslator {

    /**
     * Translates one SQL text (a statement, or a script of statements separated by {@code ;}).
     *
     * @param sql     the SQL text as the application gave it (never a text with the
     *                {@value SqlTranslation#SURREALQL_HINT} hint: the driver passes those through itself)
     * @param context the connection's schema knowledge and parameter naming
     * @return the translation, or {@code null} when the text is not SQL the translator understands: the driver
     *         then sends it unchanged as SurrealQL (so one editor accepts both languages)
     * @throws SQLException for SQL that parses but cannot be translated (SQLState 0A000) or is invalid (42601)
     */
    SqlTranslation translate(String sql, Context context) throws SQLException;

    /** What a translator may ask the connection. Implemented by the driver. */
    interface Context {

        /**
         * The SurrealQL variable name (without {@code $}) that stands for JDBC parameter {@code index}
         * (1-based): {@code _jdbc_1}, {@code _jdbc_2} … The driver binds the values set with
         * {@code PreparedStatement.setXxx(index, …)} under these names.
         */
        String parameterName(int index);

        /**
         * The defined fields of a table and their type text as {@code INFO FOR TABLE} shows it
         * ({@code "record<author>"}, {@code "option<record<author>>"}, {@code "none | int"}, {@code "string"} …),
         * schemafull or schemaless; empty when the table has no defined fields or the user may not read its
         * schema. Read once per table and cached by the connection until it runs a schema statement.
         */
        Map<String, String> fieldTypes(String table) throws SQLException;

        /**
         * The {@code DEFINE TABLE} text of a table ({@code DEFINE TABLE wrote TYPE RELATION IN person OUT book
         * SCHEMALESS …}), or {@code null} when the table is not defined. Cached like {@link #fieldTypes}.
         */
        String tableDefinition(String table) throws SQLException;

        /** The server's version as it reports it ({@code "3.0.0"}, {@code "surrealdb-2.3.7"} …). */
        String serverVersion();
    }
}
