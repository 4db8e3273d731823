package dev.surrealj.calcite;

import dev.surrealj.jdbc.SurrealPreparedStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A SurrealQL statement ready to run: binds its variables (constants, and the SQL statement's dynamic
 * parameters from the {@link DataContext}), runs it on the schema's connection and converts each row
 * into Calcite's representation of the output types.
 */
final class SurrealQuery implements Function1<DataContext, Enumerable<Object>> {
    private final SurrealSchema schema;
    final String surrealql;
    private final List<SelectBuilder.Param> params;
    private final List<SqlTypeName> types;
    private final boolean scalar;

    SurrealQuery(SurrealSchema schema, String surrealql, List<SelectBuilder.Param> params, List<SqlTypeName> types,
                 boolean scalar) {
        this.schema = schema;
        this.surrealql = surrealql;
        this.params = List.copyOf(params);
        this.types = List.copyOf(types);
        this.scalar = scalar;
    }

    @Override
    public Enumerable<Object> apply(DataContext root) {
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object> enumerator() {
                try {
                    return Linq4j.enumerator(run(root));
                } catch (SQLException e) {
                    throw new IllegalStateException("SurrealDB failed on [" + surrealql + "]: " + e.getMessage(), e);
                }
            }
        };
    }

    List<Object> run(DataContext root) throws SQLException {
        Connection c = schema.connection();
        try (PreparedStatement ps = c.prepareStatement(surrealql)) {
            SurrealPreparedStatement sps = ps.unwrap(SurrealPreparedStatement.class);
            for (int i = 0; i < params.size(); i++) {
                SelectBuilder.Param p = params.get(i);
                Object v = p.index() >= 0 ? root.get("?" + p.index()) : p.value();
                if (v != null && p.type() == SqlTypeName.TIMESTAMP) {
                    if (v instanceof Long millis) {
                        v = Instant.ofEpochMilli(millis);
                    } else if (v instanceof java.util.Date d) {
                        v = Instant.ofEpochMilli(d.getTime());
                    }
                }
                sps.setVariable("p" + i, v);
            }
            List<Object> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = types.size();
                while (rs.next()) {
                    if (scalar) {
                        rows.add(SurrealType.convert(rs.getObject(1), types.get(0)));
                    } else {
                        Object[] row = new Object[n];
                        for (int i = 0; i < n; i++) {
                            row[i] = SurrealType.convert(rs.getObject(i + 1), types.get(i));
                        }
                        rows.add(row);
                    }
                }
            }
            return rows;
        }
    }

    @Override
    public String toString() {
        return surrealql;
    }
}
