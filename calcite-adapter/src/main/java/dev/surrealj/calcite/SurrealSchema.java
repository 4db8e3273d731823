package dev.surrealj.calcite;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import dev.surrealj.jdbc.SurrealDriver;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/**
 * One SurrealDB database as a Calcite schema: a {@link SurrealTable} per table, relation and view,
 * typed from the driver's {@code DatabaseMetaData} (schemaless tables: by the driver's sampling), and
 * the table functions {@code knn}, {@code fulltext} and {@code neighbours}.
 *
 * <p>Queries run on one driver connection per schema, opened on first use and reopened when closed.
 */
final class SurrealSchema extends AbstractSchema implements AutoCloseable {
    /** Name of the column holding the whole record as a map. */
    static final String RECORD_COLUMN = "_record";

    private final String url;
    private final Properties properties;
    private Connection connection;
    private volatile Map<String, Table> tables;

    SurrealSchema(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    /** The driver connection queries run on. */
    synchronized Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Connection c = new SurrealDriver().connect(url, properties);
            if (c == null) {
                throw new SQLException("Not a SurrealDB JDBC URL: " + redacted(url), "08001");
            }
            connection = c;
        }
        return connection;
    }

    /** Reads the tables again on the next query (after schema changes). */
    void refresh() {
        tables = null;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> t = tables;
        if (t == null) {
            synchronized (this) {
                t = tables;
                if (t == null) {
                    try {
                        t = loadTables();
                    } catch (SQLException e) {
                        throw new IllegalStateException("Cannot read the tables of " + redacted(url) + ": "
                                + e.getMessage(), e);
                    }
                    tables = t;
                }
            }
        }
        return t;
    }

    private Map<String, Table> loadTables() throws SQLException {
        Connection c = connection();
        DatabaseMetaData md = c.getMetaData();
        String database = c.getSchema();
        Map<String, List<SurrealTable.Column>> columns = new LinkedHashMap<>();
        try (ResultSet rs = md.getTables(null, database, "%", new String[] {"TABLE", "RELATION", "VIEW"})) {
            while (rs.next()) {
                columns.put(rs.getString("TABLE_NAME"), new ArrayList<>());
            }
        }
        try (ResultSet rs = md.getColumns(null, database, "%", "%")) {
            while (rs.next()) {
                List<SurrealTable.Column> list = columns.get(rs.getString("TABLE_NAME"));
                String name = rs.getString("COLUMN_NAME");
                if (list == null || name == null || !SurrealQl.isPlainField(name) || name.equals(RECORD_COLUMN)) {
                    continue; // nested paths (a.b, tags.*) are inside their parent's value
                }
                boolean nullable = !name.equals("id") && rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
                String type = rs.getString("TYPE_NAME");
                String remarks = rs.getString("REMARKS");
                boolean inferred = remarks != null && remarks.contains("inferred");
                list.add(new SurrealTable.Column(name, SurrealType.of(type), nullable,
                        name.equals("id") ? null : SurrealType.linkTarget(type), inferred));
            }
        }
        Map<String, Table> result = new LinkedHashMap<>();
        columns.forEach((name, cols) -> result.put(name, new SurrealTable(this, name, cols)));
        return result;
    }

    @Override
    protected Multimap<String, Function> getFunctionMultimap() {
        return ImmutableMultimap.<String, Function>builder()
                .put("knn", TableFunctionImpl.create(SurrealTableFunctions.class, "knn"))
                .put("fulltext", TableFunctionImpl.create(SurrealTableFunctions.class, "fulltext"))
                .put("neighbours", TableFunctionImpl.create(SurrealTableFunctions.class, "neighbours"))
                .build();
    }

    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            try {
                connection.close();
            } finally {
                connection = null;
            }
        }
    }

    /** The URL without its query (which may hold credentials). */
    static String redacted(String url) {
        int q = url == null ? -1 : url.indexOf('?');
        return q < 0 ? String.valueOf(url) : url.substring(0, q) + "?…";
    }

    @Override
    public String toString() {
        return "SurrealSchema(" + redacted(url) + ")";
    }
}
