package dev.surrealj.jooq;

import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.TableImpl;

/**
 * SQL translation: the rows of an inner join through a relation table, one per graph edge, read along the graph
 * arrows from the start table:
 *
 * <pre>{@code (SELECT * FROM (SELECT *, ->reviewed->(book WHERE id IS NOT NONE) AS _b FROM person) WHERE _b != [] SPLIT _b)}</pre>
 *
 * Each row is a start record with the edge's end record (its id) in {@code alias}. {@code ->reviewed->book} has one
 * entry per edge (two edges to the same book give two entries); the condition drops edges whose end record does not
 * exist (RELATE does not require it; an inner join drops them); SPLIT gives one row per entry; a start record
 * without edges has {@code []}, which SPLIT keeps as one row, so the level before the SPLIT drops it, as an inner
 * join does. (SurrealDB 3.0 does not split an alias of the SELECT that computes it, hence the two levels.)
 */
final class GraphArrows extends TableImpl<Record> implements SurrealRenderable {
    private static final long serialVersionUID = 1L;

    final String start;
    final String edge;
    final String end;
    final String alias;

    GraphArrows(String start, String edge, String end, String alias) {
        // a name no SQL qualifier matches: the joined tables are all reached through the plan's paths
        super(DSL.name(start + "->" + edge + "->" + end));
        this.start = start;
        this.edge = edge;
        this.end = end;
        this.alias = alias;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        out.sql("(SELECT * FROM (SELECT *, ->").ident(edge).sql("->(").ident(end).sql(" WHERE id IS NOT NONE) AS ")
                .ident(alias)
                .sql(" FROM ").ident(start).sql(") WHERE ").ident(alias).sql(" != [] SPLIT ").ident(alias).sql(')');
    }
}
