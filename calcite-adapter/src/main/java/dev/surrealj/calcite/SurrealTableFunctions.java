package dev.surrealj.calcite;

import dev.surrealj.jdbc.SurrealPreparedStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.linq4j.function.Parameter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * SurrealDB's search and graph features as SQL table functions of a SurrealDB schema. Each returns
 * record ids ({@code id}) to join back to their table:
 *
 * <pre>{@code
 * -- the 3 documents nearest to a vector (brute force; 'COSINE', 'MANHATTAN', or an HNSW index's ef such as '40')
 * SELECT d.title, k.distance
 * FROM TABLE(knn('doc', 'embedding', '[0.1, 0.9, 0.0]', 3, 'COSINE')) AS k JOIN doc AS d ON d.id = k.id
 * ORDER BY k.distance;
 *
 * -- full-text search with BM25 scores (needs a FULLTEXT index on the field)
 * SELECT d.title, f.score FROM TABLE(fulltext('doc', 'body', 'graph database')) AS f JOIN doc AS d ON d.id = f.id;
 *
 * -- graph neighbours through a relation table: 'out' (->follows->), 'in' (<-follows<-) or 'both'
 * SELECT p.name FROM TABLE(neighbours('person:alice', 'follows', 'out')) AS n JOIN person AS p ON p.id = n.id;
 * }</pre>
 *
 * <p>The functions run against the connection's default schema when it is a SurrealDB one, otherwise
 * against the only SurrealDB schema of the connection. Identifiers must be plain names (letters,
 * digits, underscore); values are bound as variables.
 */
public final class SurrealTableFunctions {
    private static final Pattern METRIC = Pattern.compile("EUCLIDEAN|COSINE|MANHATTAN|CHEBYSHEV|HAMMING|[0-9]{1,5}");

    private SurrealTableFunctions() {
    }

    /**
     * K nearest neighbours of {@code vector} among the {@code field} vectors of {@code table}:
     * rows {@code (id, distance)} nearest first.
     *
     * @param vector the query vector as text: {@code '[1.0, 0.5, 0]'}
     * @param k      how many (1 to 10,000)
     * @param metric {@code EUCLIDEAN} (default), {@code COSINE}, {@code MANHATTAN}, {@code CHEBYSHEV},
     *               {@code HAMMING} for brute force, or a number: the ef of the field's HNSW index
     */
    public static ScannableTable knn(@Parameter(name = "table") String table, @Parameter(name = "field") String field,
                                     @Parameter(name = "vector") String vector, @Parameter(name = "k") Integer k,
                                     @Parameter(name = "metric", optional = true) String metric) {
        return new FunctionTable(Kind.KNN, new Object[] {table, field, vector, k, metric});
    }

    /**
     * Full-text search of {@code query} in {@code field} of {@code table} (which needs a FULLTEXT index):
     * rows {@code (id, score)}, best first.
     */
    public static ScannableTable fulltext(@Parameter(name = "table") String table,
                                          @Parameter(name = "field") String field,
                                          @Parameter(name = "query") String query) {
        return new FunctionTable(Kind.FULLTEXT, new Object[] {table, field, query});
    }

    /**
     * The records linked to record {@code start} through relation table {@code edge}: rows {@code (id, start)}.
     *
     * @param start     a record id, {@code 'person:alice'}
     * @param direction {@code out} (default: {@code ->edge->}), {@code in} ({@code <-edge<-}) or {@code both}
     */
    public static ScannableTable neighbours(@Parameter(name = "start") String start,
                                            @Parameter(name = "edge") String edge,
                                            @Parameter(name = "direction", optional = true) String direction) {
        return new FunctionTable(Kind.NEIGHBOURS, new Object[] {start, edge, direction});
    }

    enum Kind { KNN, FULLTEXT, NEIGHBOURS }

    /** The rows of one call. */
    static final class FunctionTable extends AbstractTable implements ScannableTable {
        private final Kind kind;
        private final Object[] args;

        FunctionTable(Kind kind, Object[] args) {
            this.kind = kind;
            this.args = args;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory f) {
            RelDataTypeFactory.Builder b = f.builder().add("id", SqlTypeName.VARCHAR);
            if (kind == Kind.KNN) {
                b.add("distance", SqlTypeName.DOUBLE);
            } else if (kind == Kind.FULLTEXT) {
                b.add("score", SqlTypeName.DOUBLE);
            } else {
                b.add("start", SqlTypeName.VARCHAR);
            }
            return b.build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            try {
                return Linq4j.asEnumerable(run(schemaOf(root).connection()));
            } catch (SQLException e) {
                throw new IllegalStateException(kind.name().toLowerCase(Locale.ROOT) + ": " + e.getMessage(), e);
            }
        }

        private List<Object[]> run(Connection c) throws SQLException {
            String surrealql;
            Map<String, Object> vars;
            switch (kind) {
                case KNN: {
                    String table = identifier("table", args[0]);
                    String field = identifier("field", args[1]);
                    List<Double> vector = vector(args[2]);
                    if (!(args[3] instanceof Integer k) || k < 1 || k > 10_000) {
                        throw new SQLException("knn: k must be between 1 and 10000, not " + args[3], "22023");
                    }
                    String metric = args[4] == null ? "EUCLIDEAN" : args[4].toString().trim().toUpperCase(Locale.ROOT);
                    if (!METRIC.matcher(metric).matches()) {
                        throw new SQLException("knn: metric must be EUCLIDEAN, COSINE, MANHATTAN, CHEBYSHEV, "
                                + "HAMMING or an HNSW ef number, not '" + args[4] + "'", "22023");
                    }
                    surrealql = "SELECT id, vector::distance::knn() AS distance FROM " + table + " WHERE " + field
                            + " <|" + k + "," + metric + "|> $v ORDER BY distance";
                    vars = Map.of("v", vector);
                    break;
                }
                case FULLTEXT: {
                    String table = identifier("table", args[0]);
                    String field = identifier("field", args[1]);
                    if (args[2] == null) {
                        throw new SQLException("fulltext: the query is NULL", "22004");
                    }
                    surrealql = "SELECT id, search::score(1) AS score FROM " + table + " WHERE " + field
                            + " @1@ $q ORDER BY score DESC";
                    vars = Map.of("q", args[2].toString());
                    break;
                }
                default: {
                    if (args[0] == null || !args[0].toString().contains(":")) {
                        throw new SQLException("neighbours: start must be a record id such as 'person:alice', not '"
                                + args[0] + "'", "22023");
                    }
                    String edge = identifier("edge", args[1]);
                    String dir = args[2] == null ? "out" : args[2].toString().trim().toLowerCase(Locale.ROOT);
                    String path = switch (dir) {
                        case "out" -> "->" + edge + "->?";
                        case "in" -> "<-" + edge + "<-?";
                        case "both" -> "array::concat(->" + edge + "->?, <-" + edge + "<-?)";
                        default -> throw new SQLException("neighbours: direction must be 'out', 'in' or 'both', not '"
                                + args[2] + "'", "22023");
                    };
                    surrealql = "SELECT VALUE " + path + " FROM type::record($start)";
                    vars = Map.of("start", args[0].toString());
                }
            }
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(surrealql)) {
                ps.unwrap(SurrealPreparedStatement.class).setVariables(vars);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (kind == Kind.NEIGHBOURS) {
                            Object v = rs.getObject(1);
                            if (v instanceof List<?> list) {
                                for (Object id : list) {
                                    rows.add(new Object[] {String.valueOf(id), args[0].toString()});
                                }
                            }
                        } else {
                            Object id = rs.getObject(1);
                            Object n = rs.getObject(2);
                            rows.add(new Object[] {id == null ? null : id.toString(),
                                n instanceof Number num ? num.doubleValue() : null});
                        }
                    }
                }
            }
            return rows;
        }

        private String identifier(String what, Object value) throws SQLException {
            if (value == null || !SurrealQl.isIdentifier(value.toString())) {
                throw new SQLException(kind.name().toLowerCase(Locale.ROOT) + ": " + what
                        + " must be a plain name (letters, digits, underscore), not '" + value + "'", "42602");
            }
            return SurrealQl.field(value.toString());
        }

        private static List<Double> vector(Object value) throws SQLException {
            String s = value == null ? "" : value.toString().trim();
            if (s.startsWith("[") && s.endsWith("]")) {
                s = s.substring(1, s.length() - 1);
            }
            List<Double> v = new ArrayList<>();
            try {
                for (String part : s.split(",")) {
                    if (!part.isBlank()) {
                        v.add(Double.valueOf(part.trim()));
                    }
                }
            } catch (NumberFormatException e) {
                throw new SQLException("knn: the vector must be numbers such as '[1.0, 0.5]', not '" + value + "'",
                        "22018");
            }
            if (v.isEmpty()) {
                throw new SQLException("knn: the vector is empty", "22023");
            }
            return v;
        }
    }

    /** The SurrealDB schema a table function runs against. */
    static SurrealSchema schemaOf(DataContext root) throws SQLException {
        SchemaPlus rootSchema = root.getRootSchema();
        QueryProvider qp = root.getQueryProvider();
        if (qp instanceof CalciteConnection cc && cc.getSchema() != null) {
            SchemaPlus s = rootSchema.subSchemas().get(cc.getSchema());
            if (s != null && s.unwrap(SurrealSchema.class) != null) {
                return s.unwrap(SurrealSchema.class);
            }
        }
        SurrealSchema found = null;
        for (String name : rootSchema.subSchemas().getNames(LikePattern.any())) {
            SchemaPlus s = rootSchema.subSchemas().get(name);
            SurrealSchema ss = s == null ? null : s.unwrap(SurrealSchema.class);
            if (ss != null) {
                if (found != null) {
                    throw new SQLException("Several SurrealDB schemas: set the connection's default schema "
                            + "(the model's defaultSchema) to the one the table functions should use", "3F000");
                }
                found = ss;
            }
        }
        if (found == null) {
            throw new SQLException("No SurrealDB schema in this connection", "3F000");
        }
        return found;
    }
}
