package dev.surrealj.jooq;

import dev.surrealj.value.RecordId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * {@code CREATE}, {@code UPDATE}, {@code UPSERT} and {@code DELETE} with SurrealQL's data clauses ({@code SET},
 * {@code CONTENT}, {@code MERGE}, {@code REPLACE}, {@code PATCH}, {@code UNSET}) and {@code RETURN} modes. Values are
 * bound parameters; a {@code null} assigned with {@code set} is written {@code NONE} (the field is removed).
 * Immutable: every call returns a new statement.
 *
 * <pre>{@code
 * SurrealDSL.create("person").set(NAME, "Tobie").set(AGE, 36).fetch(dsl);
 *     // CREATE person SET name = ?, age = ?
 * SurrealDSL.create(new RecordId("person", "tobie")).content(Map.of("name", "Tobie")).returnNone().execute(dsl);
 *     // CREATE ? CONTENT ? RETURN NONE
 * SurrealDSL.upsert(new RecordId("person", "tobie")).merge(Map.of("age", 37)).fetch(dsl);
 *     // UPSERT ? MERGE ?
 * SurrealDSL.update("person").set(AGE, AGE.plus(1)).where(NAME.eq("Tobie")).returnDiff().fetch(dsl);
 *     // UPDATE person SET age = (age + ?) WHERE name = ? RETURN DIFF
 * SurrealDSL.delete("person").where(AGE.lt(18)).returnBefore().fetch(dsl);
 *     // DELETE person WHERE age < ? RETURN BEFORE
 * }</pre>
 */
public final class SurrealMutation extends SurrealQuery<Record> {
    private static final long serialVersionUID = 1L;

    /** The statement. */
    enum Kind {
        CREATE, UPDATE, UPSERT, DELETE
    }

    private final Kind kind;
    private final Object target;
    private final boolean only;
    private final Map<Field<?>, Field<?>> set;
    private final List<Field<?>> unset;
    private final String dataClause;
    private final Object data;
    private final Condition where;
    private final String returnMode;
    private final List<Field<?>> returning;
    private final Duration timeout;

    SurrealMutation(Kind kind, Object target) {
        this(kind, target, false, Map.of(), List.of(), null, null, null, null, List.of(), null);
    }

    private SurrealMutation(Kind kind, Object target, boolean only, Map<Field<?>, Field<?>> set, List<Field<?>> unset,
            String dataClause, Object data, Condition where, String returnMode, List<Field<?>> returning,
            Duration timeout) {
        this.kind = kind;
        this.target = target;
        this.only = only;
        this.set = set;
        this.unset = unset;
        this.dataClause = dataClause;
        this.data = data;
        this.where = where;
        this.returnMode = returnMode;
        this.returning = returning;
        this.timeout = timeout;
    }

    private SurrealMutation copy(boolean only, Map<Field<?>, Field<?>> set, List<Field<?>> unset, String dataClause,
            Object data, Condition where, String returnMode, List<Field<?>> returning, Duration timeout) {
        return new SurrealMutation(kind, target, only, set, unset, dataClause, data, where, returnMode, returning,
                timeout);
    }

    private void noData(String clause) {
        if (kind == Kind.DELETE) {
            throw new IllegalStateException("DELETE has no " + clause + " clause");
        }
        if (dataClause != null) {
            throw new IllegalStateException(clause + " after " + dataClause + ": use one data clause");
        }
    }

    /** {@code ONLY}: the statement returns one record (an object) instead of an array. */
    public SurrealMutation only() {
        return copy(true, set, unset, dataClause, data, where, returnMode, returning, timeout);
    }

    /** {@code SET field = value} (bound; {@code null} → NONE). */
    public <T> SurrealMutation set(Field<T> field, T value) {
        return set(field, (Field<T>) SurrealDSL.bindAs(value, field));
    }

    /** {@code SET field = expression}. */
    public <T> SurrealMutation set(Field<T> field, Field<T> value) {
        noData("SET");
        Map<Field<?>, Field<?>> m = new LinkedHashMap<>(set);
        m.put(field, value);
        return copy(only, m, unset, null, null, where, returnMode, returning, timeout);
    }

    /** {@code SET path = value} by field path ({@code "name"}, {@code "address.city"}). */
    public SurrealMutation set(String path, Object value) {
        noData("SET");
        Map<Field<?>, Field<?>> m = new LinkedHashMap<>(set);
        m.put(SurrealDSL.path(path), value instanceof Field<?> f ? f : SurrealDSL.bind(value));
        return copy(only, m, unset, null, null, where, returnMode, returning, timeout);
    }

    /** {@code UNSET field, …}. */
    public SurrealMutation unset(Field<?>... fields) {
        if (kind == Kind.DELETE) {
            throw new IllegalStateException("DELETE has no UNSET clause");
        }
        List<Field<?>> l = new ArrayList<>(unset);
        l.addAll(List.of(fields));
        return copy(only, set, List.copyOf(l), dataClause, data, where, returnMode, returning, timeout);
    }

    /** {@code CONTENT $v}: the record's whole content (a map, or a Java record converted to a map). */
    public SurrealMutation content(Object value) {
        return data("CONTENT", value);
    }

    /** {@code MERGE $v}: merges the fields of {@code value} into the record. */
    public SurrealMutation merge(Object value) {
        return data("MERGE", value);
    }

    /** {@code REPLACE $v}: replaces the record's content (keeps the id). */
    public SurrealMutation replace(Object value) {
        return data("REPLACE", value);
    }

    /** {@code PATCH $ops}: applies JSON Patch operations ({@code [{op: "replace", path: "/a", value: 1}]}). */
    public SurrealMutation patch(List<? extends Map<String, ?>> operations) {
        return data("PATCH", operations);
    }

    private SurrealMutation data(String clause, Object value) {
        noData(clause);
        if (!set.isEmpty()) {
            throw new IllegalStateException(clause + " after SET: use one data clause");
        }
        return copy(only, set, unset, clause, ObjectBinding.toMap(value), where, returnMode, returning, timeout);
    }

    /** {@code WHERE condition} (UPDATE, UPSERT, DELETE). */
    public SurrealMutation where(Condition condition) {
        if (kind == Kind.CREATE) {
            throw new IllegalStateException("CREATE has no WHERE clause");
        }
        Condition c = where == null ? condition : where.and(condition);
        return copy(only, set, unset, dataClause, data, c, returnMode, returning, timeout);
    }

    /** {@code RETURN NONE}. */
    public SurrealMutation returnNone() {
        return copy(only, set, unset, dataClause, data, where, "NONE", List.of(), timeout);
    }

    /** {@code RETURN BEFORE}: the records as they were. */
    public SurrealMutation returnBefore() {
        return copy(only, set, unset, dataClause, data, where, "BEFORE", List.of(), timeout);
    }

    /** {@code RETURN AFTER}: the records as they are now. */
    public SurrealMutation returnAfter() {
        return copy(only, set, unset, dataClause, data, where, "AFTER", List.of(), timeout);
    }

    /** {@code RETURN DIFF}: the JSON Patch of each change. */
    public SurrealMutation returnDiff() {
        return copy(only, set, unset, dataClause, data, where, "DIFF", List.of(), timeout);
    }

    /** {@code RETURN f, …}: projected fields (of the record after the change). */
    public SurrealMutation returning(Field<?>... fields) {
        return copy(only, set, unset, dataClause, data, where, null, List.of(fields), timeout);
    }

    /** {@code TIMEOUT d}. */
    public SurrealMutation timeout(Duration d) {
        return copy(only, set, unset, dataClause, data, where, returnMode, returning, d);
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        Renderer r = (Renderer) out;
        r.sql(kind.name()).sql(' ');
        if (only) {
            r.sql("ONLY ");
        }
        boolean whereInTarget = kind == Kind.UPDATE && where != null && r.version().isV3()
                && (target instanceof String || target instanceof Table<?>) && Renderer.hasExpressionValue(set.values());
        if (whereInTarget) {
            // SurrealDB 3.0 evaluates SET expressions before WHERE: update the matching ids only
            r.sql("(SELECT VALUE id FROM ");
            target(r, target);
            r.sql(" WHERE ");
            r.condition(where, 0);
            r.sql(')');
        } else {
            target(r, target);
        }
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
        } else if (dataClause != null) {
            r.sql(' ').sql(dataClause).sql(' ').bind(data);
        }
        if (!unset.isEmpty()) {
            r.sql(" UNSET ");
            for (int i = 0; i < unset.size(); i++) {
                if (i > 0) {
                    r.sql(", ");
                }
                r.columnPath(unset.get(i));
            }
        }
        if (where != null && !whereInTarget) {
            r.sql(" WHERE ");
            r.condition(where, 0);
        }
        returnClause(r, returnMode, returning, kind == Kind.DELETE);
        if (timeout != null) {
            r.sql(" TIMEOUT ");
            r.duration(timeout);
        }
    }

    static void returnClause(Renderer r, String mode, List<Field<?>> fields, boolean before) {
        if (mode != null) {
            r.sql(" RETURN ").sql(mode);
        } else if (!fields.isEmpty()) {
            r.returning(fields, before);
        }
    }

    @Override
    protected List<Field<?>> resultFields() {
        return returnMode == null ? returning : List.of();
    }

    /** A statement target: a table name, a jOOQ table, a record id (bound) or any field (an array of ids …). */
    static void target(Renderer r, Object target) {
        if (target instanceof String t) {
            r.ident(t);
        } else if (target instanceof Table<?> t) {
            r.table(t);
        } else if (target instanceof RecordId id) {
            r.bind(id);
        } else if (target instanceof Field<?> f) {
            r.field(f);
        } else {
            throw new IllegalArgumentException("not a statement target: " + target);
        }
    }
}
