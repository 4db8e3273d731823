package dev.surrealj.jooq;

import dev.surrealj.value.RecordId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;

/**
 * {@code RELATE from->edge->to}: creates edge records between records. {@code from} and {@code to} are record ids
 * (bound), fields (arrays of ids …) or subqueries. Immutable.
 *
 * <pre>{@code
 * SurrealDSL.relate(new RecordId("person", "tobie"), "likes", new RecordId("post", 1))
 *           .set(field(name("weight")), 3)
 *           .fetch(dsl);
 *     // RELATE (?)->likes->(?) SET weight = ?
 * SurrealDSL.relate(new RecordId("person", "tobie"), "follows",
 *                   dsl.select(field(name("id"))).from(table("person")).where(AGE.gt(30)))
 *           .execute(dsl);
 *     // RELATE (?)->follows->(SELECT VALUE id FROM person WHERE age > ?)
 * }</pre>
 */
public final class SurrealRelate extends SurrealQuery<Record> {
    private static final long serialVersionUID = 1L;

    private final Object from;
    private final String edge;
    private final Object to;
    private final boolean only;
    private final Map<Field<?>, Field<?>> set;
    private final Object content;
    private final String returnMode;
    private final List<Field<?>> returning;
    private final Duration timeout;

    SurrealRelate(Object from, String edge, Object to) {
        this(from, edge, to, false, Map.of(), null, null, List.of(), null);
    }

    private SurrealRelate(Object from, String edge, Object to, boolean only, Map<Field<?>, Field<?>> set,
            Object content, String returnMode, List<Field<?>> returning, Duration timeout) {
        this.from = from;
        this.edge = edge;
        this.to = to;
        this.only = only;
        this.set = set;
        this.content = content;
        this.returnMode = returnMode;
        this.returning = returning;
        this.timeout = timeout;
    }

    /** {@code RELATE ONLY}: one edge, returned as an object. */
    public SurrealRelate only() {
        return new SurrealRelate(from, edge, to, true, set, content, returnMode, returning, timeout);
    }

    /** {@code SET field = value} on the edge. */
    public <T> SurrealRelate set(Field<T> field, T value) {
        return set(field, SurrealDSL.bindAs(value, field));
    }

    /** {@code SET field = expression} on the edge. */
    public <T> SurrealRelate set(Field<T> field, Field<T> value) {
        if (content != null) {
            throw new IllegalStateException("SET after CONTENT");
        }
        Map<Field<?>, Field<?>> m = new LinkedHashMap<>(set);
        m.put(field, value);
        return new SurrealRelate(from, edge, to, only, m, null, returnMode, returning, timeout);
    }

    /** {@code CONTENT $v}: the edge's content. */
    public SurrealRelate content(Object value) {
        if (!set.isEmpty()) {
            throw new IllegalStateException("CONTENT after SET");
        }
        return new SurrealRelate(from, edge, to, only, set, ObjectBinding.toMap(value), returnMode, returning, timeout);
    }

    /** {@code RETURN NONE}. */
    public SurrealRelate returnNone() {
        return new SurrealRelate(from, edge, to, only, set, content, "NONE", List.of(), timeout);
    }

    /** {@code RETURN f, …}. */
    public SurrealRelate returning(Field<?>... fields) {
        return new SurrealRelate(from, edge, to, only, set, content, null, List.of(fields), timeout);
    }

    /** {@code TIMEOUT d}. */
    public SurrealRelate timeout(Duration d) {
        return new SurrealRelate(from, edge, to, only, set, content, returnMode, returning, d);
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        Renderer r = (Renderer) out;
        r.sql(only ? "RELATE ONLY " : "RELATE ");
        end(r, from, false);
        r.sql("->").ident(edge).sql("->");
        end(r, to, true);
        if (!set.isEmpty()) {
            r.sql(" SET ");
            boolean saved = r.dataValue(true);
            try {
                int n = 0;
                for (Map.Entry<Field<?>, Field<?>> e : set.entrySet()) {
                    if (n++ > 0) {
                        r.sql(", ");
                    }
                    r.columnPath(e.getKey());
                    r.sql(" = ");
                    r.field(e.getValue());
                }
            } finally {
                r.dataValue(saved);
            }
        } else if (content != null) {
            r.sql(" CONTENT ").bind(content);
        }
        SurrealMutation.returnClause(r, returnMode, returning, false);
        if (timeout != null) {
            r.sql(" TIMEOUT ");
            r.duration(timeout);
        }
    }

    /**
     * One end of the RELATE. The target is wrapped twice ({@code ->((?))}): JDBC drivers' placeholder lexers read
     * {@code ->(?} as SurrealQL's "any table", not as a parameter.
     */
    @Override
    protected List<Field<?>> resultFields() {
        return returnMode == null ? returning : List.of();
    }

    private static void end(Renderer r, Object e, boolean target) {
        String open = target ? "((" : "(";
        String close = target ? "))" : ")";
        if (e instanceof Select<?> s) {
            r.subquery(s, false);
        } else if (e instanceof RecordId id) {
            r.sql(open).bind(id).sql(close);
        } else if (e instanceof Field<?> f) {
            r.sql(open);
            r.field(f);
            r.sql(close);
        } else {
            throw new IllegalArgumentException("not a RELATE end: " + e);
        }
    }
}
