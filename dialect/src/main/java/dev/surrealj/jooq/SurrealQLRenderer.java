package dev.surrealj.jooq;

import dev.surrealj.value.SurrealQL;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.QueryPart;

/**
 * Renders jOOQ queries as SurrealQL: a walk over jOOQ's query object model (the approach Neo4j's JDBC driver
 * takes for Cypher), not string rewriting of jOOQ's SQL.
 *
 * <pre>{@code
 * SurrealQLRenderer r = SurrealQLRenderer.of(SurrealVersion.V3);
 * Rendered q = r.render(DSL.select(NAME, AGE).from(PERSON).where(AGE.gt(18)).orderBy(NAME).limit(10));
 * q.sql();      // SELECT name, age FROM person WHERE age > ? ORDER BY name LIMIT ?
 * q.binds();    // [18, 10]
 * q.inlined();  // SELECT name, age FROM person WHERE age > 18 ORDER BY name LIMIT 10   (for logs only)
 *
 * Rendered named = r.renderNamed(query);   // $p1, $p2 … instead of ?, for SurrealConnection.liveQuery(sql, vars)
 * named.variables();                        // {p1=18, p2=10}
 * }</pre>
 *
 * <p>Bind values always stay parameters: the text never contains a value (except in {@link Rendered#inlined()},
 * meant for logs and tests). Constructs SurrealQL cannot express fail with {@link UnsupportedSurrealQLException}.
 * Instances are immutable and thread-safe.
 */
public final class SurrealQLRenderer {
    private static final SurrealQLRenderer V2 = new SurrealQLRenderer(SurrealVersion.V2);
    private static final SurrealQLRenderer V3 = new SurrealQLRenderer(SurrealVersion.V3);

    private final SurrealVersion version;

    private SurrealQLRenderer(SurrealVersion version) {
        this.version = version;
    }

    /** The renderer for a SurrealDB version. */
    public static SurrealQLRenderer of(SurrealVersion version) {
        return Objects.requireNonNull(version, "version") == SurrealVersion.V2 ? V2 : V3;
    }

    /** The version this renderer writes. */
    public SurrealVersion version() {
        return version;
    }

    /**
     * Renders a query (SELECT, INSERT, UPDATE, DELETE, a {@link SurrealQuery}) or any other query part (a field,
     * a condition) with JDBC {@code ?} placeholders.
     *
     * @throws UnsupportedSurrealQLException when the query uses a construct SurrealQL cannot express
     */
    public Rendered render(QueryPart query) {
        return render(query, Renderer.POSITIONAL);
    }

    /** Renders with named SurrealQL variables {@code $p1, $p2 …} instead of {@code ?}; see {@link Rendered#variables()}. */
    public Rendered renderNamed(QueryPart query) {
        return render(query, Renderer.NAMED);
    }

    /** Renders with the values written as SurrealQL literals (for DDL, logs and tests; no bind values). */
    public String renderInlined(QueryPart query) {
        return render(query, Renderer.INLINE).sql();
    }

    Rendered render(QueryPart query, int style) {
        return render(query, style, null);
    }

    /** Renders with a planner for joins along record links (SQL translation). */
    Rendered render(QueryPart query, int style, JoinPlanner joins) {
        Renderer r = new Renderer(version, style);
        r.joins = joins;
        r.renderTop(query);
        return r.result();
    }

    /**
     * A rendered statement: the SurrealQL text, its bind values in order, and the labels of the columns its rows
     * carry (null when unknown, e.g. {@code SELECT *} from a table without declared fields).
     */
    public static final class Rendered {
        private final String sql;
        private final Object[] binds;
        private final int[] starts;
        private final int[] ends;
        private final List<String> columns;
        private final boolean named;
        /** Whether the rows carry columns beyond {@link #columns()} (fields only ORDER BY needs). */
        boolean hiddenColumns;

        Rendered(String sql, Object[] binds, int[] starts, int[] ends, List<String> columns, boolean named) {
            this.sql = sql;
            this.binds = binds;
            this.starts = starts;
            this.ends = ends;
            this.columns = columns;
            this.named = named;
        }

        /** The SurrealQL text. */
        public String sql() {
            return sql;
        }

        /** The bind values, in the order of their placeholders (NULL entries allowed). */
        public List<Object> binds() {
            return new AbstractList<>() {
                @Override
                public Object get(int index) {
                    return binds[index];
                }

                @Override
                public int size() {
                    return binds.length;
                }
            };
        }

        /** The number of bind values. */
        public int bindCount() {
            return binds.length;
        }

        /** Bind value {@code i} (0-based). */
        public Object bind(int i) {
            return binds[i];
        }

        /** The labels of the columns of the statement's rows in select order, or null when unknown. */
        public List<String> columns() {
            return columns;
        }

        /**
         * The named variables ({@code p1 → value} …) of a {@link SurrealQLRenderer#renderNamed(QueryPart)} result,
         * in order; for positional results the same names are used for the {@code ?} placeholders.
         */
        public Map<String, Object> variables() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < binds.length; i++) {
                m.put("p" + (i + 1), binds[i]);
            }
            return m;
        }

        /** Whether the placeholders are named variables rather than {@code ?}. */
        public boolean isNamed() {
            return named;
        }

        /** Start offset of placeholder {@code i} in {@link #sql()}. */
        int start(int i) {
            return starts[i];
        }

        /** End offset (exclusive) of placeholder {@code i} in {@link #sql()}. */
        int end(int i) {
            return ends[i];
        }

        /**
         * The text with the values written as SurrealQL literals: for logs and tests; run the parameterized form.
         */
        public String inlined() {
            StringBuilder sb = new StringBuilder(sql.length() + 16 * binds.length);
            int pos = 0;
            for (int i = 0; i < binds.length; i++) {
                sb.append(sql, pos, starts[i]);
                sb.append(SurrealQL.literal(binds[i]));
                pos = ends[i];
            }
            return sb.append(sql, pos, sql.length()).toString();
        }

        @Override
        public String toString() {
            return sql + " " + binds();
        }
    }
}
