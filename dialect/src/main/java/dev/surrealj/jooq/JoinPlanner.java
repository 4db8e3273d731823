package dev.surrealj.jooq;

import org.jooq.impl.QOM;

/** Turns the join tree of a translated SQL SELECT into one table and record-link paths (see {@link JoinPlan}). */
interface JoinPlanner {

    /**
     * The plan of a join.
     *
     * @throws UnsupportedSurrealQLException when the join does not follow record links or a relation table
     */
    JoinPlan plan(QOM.JoinTable<?, ?> join);
}
