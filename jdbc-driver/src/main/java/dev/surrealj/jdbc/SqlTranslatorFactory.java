package dev.surrealj.jdbc;

import java.util.Map;

/**
 * Creates {@link SqlTranslator}s: registered in {@code META-INF/services/dev.surrealj.jdbc.SqlTranslatorFactory}
 * for {@link java.util.ServiceLoader}, or named by the connection property {@code sqlTranslatorFactory} (a class
 * with a public no-argument constructor, loaded with the driver's class loader, then the thread's context class
 * loader).
 *
 * <pre>{@code
 * // jdbc:surrealdb://localhost:8000/shop/main?sqlTranslation=true
 * // jdbc:surrealdb://localhost:8000/shop/main?sqlTranslation=true&sqlTranslatorFactory=dev.surrealj.jooq.SqlToSurrealQL
 * }</pre>
 *
 * When several factories are registered, the one with the highest {@link #priority()} wins.
 */
public interface SqlTranslatorFactory {

    /**
     * A translator for a new connection.
     *
     * @param properties the connection's properties (secrets removed)
     */
    SqlTranslator create(Map<String, String> properties);

    /** Ordering among several registered factories: the highest wins. Default 0. */
    default int priority() {
        return 0;
    }
}
