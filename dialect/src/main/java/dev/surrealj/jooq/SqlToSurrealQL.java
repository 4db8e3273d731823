package dev.surrealj.jooq;

import dev.surrealj.jdbc.SqlTranslator;
import dev.surrealj.jdbc.SqlTranslatorFactory;
import java.util.Map;

/**
 * The SQL → SurrealQL translator of the SurrealJ JDBC driver's {@code sqlTranslation=true} mode: jOOQ's SQL parser
 * reads the statement, {@link SurrealQLRenderer} writes it as SurrealQL. Registered for {@link java.util.ServiceLoader}
 * (so having {@code surrealj-jooq} on the class path, or using the {@code -all} bundle jar, is enough); tools whose
 * class loaders break ServiceLoader name it with the {@code sqlTranslatorFactory} property.
 *
 * <pre>{@code
 * Connection c = DriverManager.getConnection(
 *         "jdbc:surrealdb://localhost:8000/shop/main?sqlTranslation=true", props);
 * c.nativeSQL("SELECT \"name\" FROM \"person\" WHERE age > ? ORDER BY 1 FETCH FIRST 10 ROWS ONLY");
 * //  → SELECT name FROM person WHERE age > $_jdbc_1 ORDER BY name LIMIT 10
 * c.nativeSQL("/*+ surrealql *" + "/ SELECT ->wrote->post FROM person");   // sent untouched
 * }</pre>
 *
 * <p>Translations are cached in a bounded LRU map keyed by the SQL text and the SurrealDB major version, shared by all
 * connections (those of joins, which depend on the connection's schema, are not cached). See {@code docs/sql-translation.md}
 * for what is translated.
 */
public final class SqlToSurrealQL implements SqlTranslatorFactory {

    /** For {@link java.util.ServiceLoader} and the {@code sqlTranslatorFactory} property. */
    public SqlToSurrealQL() {
    }

    @Override
    public SqlTranslator create(Map<String, String> properties) {
        return SqlTranslatorImpl.INSTANCE;
    }
}
