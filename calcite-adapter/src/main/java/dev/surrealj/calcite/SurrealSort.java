package dev.surrealj.calcite;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A sort and/or limit run by SurrealDB: {@code ORDER BY … LIMIT n START m}. */
final class SurrealSort extends Sort implements SurrealRel {
    SurrealSort(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelCollation collation,
                @Nullable RexNode offset, @Nullable RexNode fetch) {
        super(cluster, traits, input, collation, offset, fetch);
    }

    @Override
    public Sort copy(RelTraitSet traitSet, RelNode input, RelCollation collation, @Nullable RexNode offset,
                     @Nullable RexNode fetch) {
        return new SurrealSort(getCluster(), traitSet, input, collation, offset, fetch);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return super.computeSelfCost(planner, mq).multiplyBy(0.05);
    }

    @Override
    public void implement(SelectBuilder select) {
        select.visit(getInput());
        select.sort(collation.getFieldCollations(), number(offset), number(fetch));
    }

    private static Long number(@Nullable RexNode n) {
        return n == null ? null : ((RexLiteral) n).getValueAs(Long.class);
    }
}
