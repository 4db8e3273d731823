package dev.surrealj.jooq;

import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Table;

/**
 * A join rewritten for SurrealQL: the rows come from {@code base} (the table holding the record links, the relation
 * table of a graph edge, or the graph arrows of a relation, see {@link GraphArrows}); every other joined table is
 * reached by a path of link fields from it ({@code book.author.name}, {@code wrote.in.name}, {@code _b.title}).
 *
 * @param base     the table to select from (with its SQL alias, if any)
 * @param paths    qualifier (alias or name) of each other joined table → the link fields leading to it
 * @param filter   the condition inner joins add (the link is set and its record exists), or null
 * @param edge     for a plan along graph arrows: the qualifier of the relation table, whose columns the arrows do
 *                 not carry (a statement that reads one is rendered with {@code edgeRead}); otherwise null
 * @param edgeRead for a plan along graph arrows: the same join read from the relation table, one row per edge;
 *                 otherwise null
 */
record JoinPlan(Table<?> base, Map<String, List<String>> paths, Condition filter, String edge, JoinPlan edgeRead) {

    JoinPlan(Table<?> base, Map<String, List<String>> paths, Condition filter) {
        this(base, paths, filter, null, null);
    }

    /** Whether the rows come from graph arrows (with {@link #edgeRead()} as the fallback). */
    boolean arrows() {
        return edgeRead != null;
    }
}
