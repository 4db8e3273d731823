package dev.surrealj.jooq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * A jOOQ SELECT with SurrealQL's own clauses: FETCH, SPLIT, TIMEOUT, EXPLAIN, WITH INDEX / NOINDEX, ONLY, VALUE.
 * Immutable; build it with {@link SurrealDSL#select(Select)}.
 *
 * <pre>{@code
 * Result<Record> r = SurrealDSL.select(dsl.select(asterisk(), graph().out("wrote").out("post").as("posts"))
 *                                          .from(table("person")).where(AGE.gt(18)))
 *         .fetch("posts")                     // FETCH posts (the linked records, not their ids)
 *         .timeout(Duration.ofSeconds(2))     // TIMEOUT 2s
 *         .fetch(dsl);
 * SurrealDSL.select(query).explain().fetch(dsl);       // the query plan
 * SurrealDSL.select(query).split("tags");              // SPLIT tags (one row per array element)
 * SurrealDSL.select(query).withIndex("person_age");    // WITH INDEX person_age
 * }</pre>
 *
 * @param <R> the record type of the wrapped SELECT
 */
public final class SurrealSelect<R extends Record> extends SurrealQuery<R> {
    private static final long serialVersionUID = 1L;

    private final Select<R> select;
    private final SelectOptions options;

    SurrealSelect(Select<R> select, SelectOptions options) {
        this.select = select;
        this.options = options;
    }

    private SurrealSelect<R> with(SelectOptions o) {
        return new SurrealSelect<>(select, o);
    }

    private static List<Field<?>> paths(String... paths) {
        List<Field<?>> out = new ArrayList<>(paths.length);
        for (String p : paths) {
            out.add(SurrealDSL.path(p));
        }
        return out;
    }

    private static List<Field<?>> concat(List<Field<?>> a, List<Field<?>> b) {
        List<Field<?>> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** {@code FETCH f, …}: replaces record links by the records (the fields may be aliases of the selection). */
    public SurrealSelect<R> fetch(Field<?>... fields) {
        SelectOptions o = options;
        return with(new SelectOptions(o.split(), concat(o.fetch(), List.of(fields)), o.withIndex(), o.noIndex(),
                o.timeout(), o.parallel(), o.explain(), o.only(), o.value()));
    }

    /** {@code FETCH path, …} by field path ({@code "author"}, {@code "author.friends"}). */
    public SurrealSelect<R> fetch(String... paths) {
        return fetch(paths(paths).toArray(new Field<?>[0]));
    }

    /** {@code SPLIT f, …}: one row per element of the array fields. */
    public SurrealSelect<R> split(Field<?>... fields) {
        SelectOptions o = options;
        return with(new SelectOptions(concat(o.split(), List.of(fields)), o.fetch(), o.withIndex(), o.noIndex(),
                o.timeout(), o.parallel(), o.explain(), o.only(), o.value()));
    }

    /** {@code SPLIT path, …}. */
    public SurrealSelect<R> split(String... paths) {
        return split(paths(paths).toArray(new Field<?>[0]));
    }

    /** {@code TIMEOUT d}: the server stops the query after {@code d}. */
    public SurrealSelect<R> timeout(Duration d) {
        SelectOptions o = options;
        return with(new SelectOptions(o.split(), o.fetch(), o.withIndex(), o.noIndex(), d, o.parallel(), o.explain(),
                o.only(), o.value()));
    }

    /** {@code EXPLAIN}: returns the query plan instead of the rows. */
    public SurrealSelect<R> explain() {
        SelectOptions o = options;
        return with(new SelectOptions(o.split(), o.fetch(), o.withIndex(), o.noIndex(), o.timeout(), o.parallel(),
                SelectOptions.EXPLAIN, o.only(), o.value()));
    }

    /** {@code EXPLAIN FULL}: the plan with the number of rows fetched. */
    public SurrealSelect<R> explainFull() {
        SelectOptions o = options;
        return with(new SelectOptions(o.split(), o.fetch(), o.withIndex(), o.noIndex(), o.timeout(), o.parallel(),
                SelectOptions.EXPLAIN_FULL, o.only(), o.value()));
    }

    /** {@code WITH INDEX a, b}: only consider these indexes. */
    public SurrealSelect<R> withIndex(String... indexes) {
        SelectOptions o = options;
        return with(new SelectOptions(o.split(), o.fetch(), List.of(indexes), false, o.timeout(), o.parallel(),
                o.explain(), o.only(), o.value()));
    }

    /** {@code WITH NOINDEX}: a table scan. */
    public SurrealSelect<R> withNoIndex() {
        SelectOptions o = options;
        return with(new SelectOptions(o.split(), o.fetch(), List.of(), true, o.timeout(), o.parallel(), o.explain(),
                o.only(), o.value()));
    }

    /** {@code PARALLEL} (SurrealDB 2.x only; rendering it for 3.x fails). */
    public SurrealSelect<R> parallel() {
        SelectOptions o = options;
        return with(new SelectOptions(o.split(), o.fetch(), o.withIndex(), o.noIndex(), o.timeout(), true, o.explain(),
                o.only(), o.value()));
    }

    /** {@code FROM ONLY t}: a single record (an object) instead of an array; use with a record id or LIMIT 1. */
    public SurrealSelect<R> only() {
        SelectOptions o = options;
        return with(new SelectOptions(o.split(), o.fetch(), o.withIndex(), o.noIndex(), o.timeout(), o.parallel(),
                o.explain(), true, o.value()));
    }

    /** {@code SELECT VALUE f}: rows are the values of the single selected field. */
    public SurrealSelect<R> value() {
        SelectOptions o = options;
        return with(new SelectOptions(o.split(), o.fetch(), o.withIndex(), o.noIndex(), o.timeout(), o.parallel(),
                o.explain(), o.only(), true));
    }

    /** The wrapped SELECT. */
    public Select<R> select() {
        return select;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        ((Renderer) out).selectRows(select, options);
    }

    /** The SELECT as a jOOQ result query whose records have the SELECT's fields (and types). */
    @Override
    @SuppressWarnings("unchecked")
    public ResultQuery<R> query(DSLContext dsl) {
        ResultQuery<Record> rq = dsl.resultQuery("{0}", this);
        List<Field<?>> fields = select.getSelect();
        if (!fields.isEmpty() && !options.value() && options.explain() == 0) {
            return (ResultQuery<R>) (ResultQuery<?>) rq.coerce(fields);
        }
        return (ResultQuery<R>) (ResultQuery<?>) rq;
    }

    static <R extends Record> SurrealSelect<R> of(Select<R> select) {
        return new SurrealSelect<>(select, SelectOptions.NONE);
    }

}
