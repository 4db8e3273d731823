package dev.surrealj.calcite;

import java.util.Map;
import java.util.Properties;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaFactory;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Exposes one SurrealDB database as a Calcite schema: its tables with typed columns (schemaless ones
 * typed by sampling, plus {@code _record}, the whole record as a map), filters, projections, sorts,
 * limits and aggregates pushed into SurrealQL, and the table functions {@code knn}, {@code fulltext}
 * and {@code neighbours}.
 *
 * <p>In a Calcite model ({@code jdbc:calcite:model=/path/model.json}):
 * <pre>{@code
 * {
 *   "version": "1.0",
 *   "defaultSchema": "shop",
 *   "schemas": [{
 *     "name": "shop",
 *     "type": "custom",
 *     "factory": "dev.surrealj.calcite.SurrealSchemaFactory",
 *     "operand": {"url": "jdbc:surrealdb://localhost:8000/shop/main", "user": "root", "password": "secret"}
 *   }]
 * }
 * }</pre>
 * {@code url} is required; every other operand is passed to the SurrealJ driver as a connection
 * property ({@code user}, {@code password}, {@code metadataSampleSize}, ...). Without a model file, use
 * {@link SurrealSqlDriver}'s {@code jdbc:surrealdb-sql://host:port/ns/db}.
 */
public final class SurrealSchemaFactory implements SchemaFactory {

    /** Creates the factory (Calcite instantiates it from the model). */
    public SurrealSchemaFactory() {
    }

    @Override
    public Schema create(SchemaPlus parentSchema, String name, Map<String, Object> operand) {
        Object url = operand == null ? null : operand.get("url");
        if (!(url instanceof String u) || !u.regionMatches(true, 0, "jdbc:surrealdb:", 0, 15)) {
            throw new IllegalArgumentException("SurrealDB schema '" + name
                    + "': the operand 'url' must be a SurrealJ URL such as jdbc:surrealdb://localhost:8000/ns/db");
        }
        Properties properties = new Properties();
        operand.forEach((k, v) -> {
            if (!k.equals("url") && v != null) {
                properties.setProperty(k, String.valueOf(v));
            }
        });
        return new SurrealSchema(u, properties);
    }
}
