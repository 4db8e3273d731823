package dev.surrealj.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * A SurrealJ {@link PreparedStatement}, with SurrealQL's named {@code $variables} besides JDBC's
 * {@code ?} placeholders. Reach it with {@code unwrap(SurrealPreparedStatement.class)}.
 *
 * <pre>{@code
 * try (PreparedStatement ps = conn.prepareStatement(
 *         "SELECT * FROM person WHERE age > ? AND country = $country")) {
 *     ps.setInt(1, 18);                                                 // becomes $_jdbc_1
 *     ps.unwrap(SurrealPreparedStatement.class).setVariable("country", "CH");
 *     try (ResultSet rs = ps.executeQuery()) { ... }
 * }
 * }</pre>
 *
 * <p>Placeholders: every {@code ?} becomes a bound variable {@code $_jdbc_<n>} ({@code n} the JDBC
 * parameter index) sent in the request's {@code vars}; values are never spliced into the text, so
 * quotes, backticks, {@code ;} and {@code $} in values are stored verbatim. Values are converted as
 * {@code setObject} documents ({@code Conversions}: java.time, UUID, BigDecimal, byte[], Map, List,
 * RecordId, geometries …). A parameter left unset fails the execution with SQLState 07001 naming it.
 */
public interface SurrealPreparedStatement extends PreparedStatement {

    /**
     * Binds a named SurrealQL variable: {@code $name} in the statement (give the name with or without
     * the {@code $}). Kept until {@link #clearParameters()} or {@link #clearVariables()}; captured per
     * row by {@code addBatch()}.
     *
     * @param name  the variable name, a valid SurrealQL parameter name not starting with {@code _jdbc_}
     * @param value the value, converted like {@link #setObject(int, Object)}
     */
    void setVariable(String name, Object value) throws SQLException;

    /** Binds several named variables; see {@link #setVariable(String, Object)}. */
    default void setVariables(Map<String, ?> variables) throws SQLException {
        for (Map.Entry<String, ?> e : variables.entrySet()) {
            setVariable(e.getKey(), e.getValue());
        }
    }

    /** Removes the named variables (placeholders stay bound). */
    void clearVariables() throws SQLException;

    /**
     * The SurrealQL sent to the server: placeholders rewritten to {@code $_jdbc_<n>} and JDBC escapes
     * translated.
     */
    String getSurrealQL() throws SQLException;
}
