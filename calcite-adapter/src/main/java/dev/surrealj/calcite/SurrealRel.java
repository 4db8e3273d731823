package dev.surrealj.calcite;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/** A relational expression run by SurrealDB: it adds itself to the SurrealQL statement being built. */
interface SurrealRel extends RelNode {
    /** The calling convention of relational expressions that SurrealDB runs. */
    Convention CONVENTION = new Convention.Impl("SURREAL", SurrealRel.class);

    /** Adds this expression to {@code select} (after its input has added itself). */
    void implement(SelectBuilder select);
}
