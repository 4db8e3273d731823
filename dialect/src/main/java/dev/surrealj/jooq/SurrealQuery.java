package dev.surrealj.jooq;

import org.jooq.Context;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.impl.CustomQueryPart;

/**
 * A SurrealQL statement jOOQ has no builder for (CREATE, UPSERT … CONTENT, RELATE, DEFINE …, a SELECT with FETCH
 * or TIMEOUT). Run it through a SurrealJ {@link DSLContext}: its SurrealQL is sent with its values bound.
 *
 * <pre>{@code
 * DSLContext dsl = SurrealDSL.using(connection);
 * Result<Record> created = SurrealDSL.create("person").set(NAME, "Tobie").fetch(dsl);
 * int n = SurrealDSL.delete("person").where(AGE.lt(18)).execute(dsl);
 * ResultQuery<Record> q = SurrealDSL.relate(recordId("person", "tobie"), "likes", recordId("post", 1)).query(dsl);
 * }</pre>
 *
 * @param <R> the record type of its rows
 */
public abstract class SurrealQuery<R extends Record> extends CustomQueryPart implements SurrealRenderable {
    private static final long serialVersionUID = 1L;

    /** A statement. */
    protected SurrealQuery() {
    }

    @Override
    public final void accept(Context<?> ctx) {
        Bridge.acceptQuery(this, ctx);
    }

    /**
     * This statement as a jOOQ result query attached to {@code dsl} (a SurrealJ context). When the statement's
     * columns are known ({@link #resultFields()}), its records have these fields in this order; otherwise the
     * columns are those the driver reports.
     */
    @SuppressWarnings("unchecked")
    public ResultQuery<R> query(DSLContext dsl) {
        ResultQuery<Record> rq = dsl.resultQuery("{0}", this);
        List<Field<?>> fields = resultFields();
        return (ResultQuery<R>) (ResultQuery<?>) (fields.isEmpty() ? rq : rq.coerce(fields));
    }

    /** The fields of this statement's rows when it projects them (RETURN f, …), else an empty list. */
    protected List<Field<?>> resultFields() {
        return List.of();
    }

    /** Runs this statement and returns its rows (the records created, changed, selected …). */
    public Result<R> fetch(DSLContext dsl) {
        return query(dsl).fetch();
    }

    /** Runs this statement and returns the number of records it returned (0 for DDL). */
    public int execute(DSLContext dsl) {
        return dsl.query("{0}", this).execute();
    }

    /** Renders this statement for a version (with {@code ?} placeholders). */
    public SurrealQLRenderer.Rendered render(SurrealVersion version) {
        return SurrealQLRenderer.of(version).render(this);
    }

    /** The SurrealQL of this statement (3.x) with the values inlined, for logs. */
    @Override
    public String toString() {
        return SurrealQLRenderer.of(SurrealVersion.V3).renderInlined(this);
    }
}
