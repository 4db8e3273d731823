package dev.surrealj.jooq;

import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Table;

/**
 * A join rewritten for SurrealQL: the rows come from {@code base} (the table holding the record links, or the
 * relation table of a graph edge); every other joined table is reached by a path of link fields from it
 * ({@code book.author.name}, {@code wrote.in.name}).
 *
 * @param base   the table to select from (with its SQL alias, if any)
 * @param paths  qualifier (alias or name) of each other joined table → the link fields leading to it
 * @param filter the condition inner joins add (the link is set and its record exists), or null
 */
record JoinPlan(Table<?> base, Map<String, List<String>> paths, Condition filter) {
}
