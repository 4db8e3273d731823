package dev.surrealj.calcite;

import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * An equality join along a record link, run by SurrealDB as link traversal: {@code orders o JOIN customer c
 * ON o.customer = c.id} becomes {@code SELECT …, customer.name AS name FROM orders WHERE customer.id != NONE …}
 * (INNER; LEFT keeps the rows whose link is missing or dangling, with NULLs). The right input is the
 * linked table's scan, maybe projected, and (INNER only) filtered: its conditions apply to the linked record.
 */
final class SurrealJoin extends Join implements SurrealRel {
    SurrealJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right, RexNode condition,
                JoinRelType joinType) {
        super(cluster, traits, java.util.List.of(), left, right, condition, Set.of(), joinType);
    }

    @Override
    public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right, JoinRelType joinType,
                     boolean semiJoinDone) {
        return new SurrealJoin(getCluster(), traitSet, left, right, condition, joinType);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return super.computeSelfCost(planner, mq).multiplyBy(0.01);
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return mq.getRowCount(getLeft());
    }

    /** The index (in the left input) of the link column of {@code condition}. */
    static int linkIndex(RexNode condition, int leftCount) {
        RexCall eq = (RexCall) condition;
        int a = ((RexInputRef) eq.getOperands().get(0)).getIndex();
        int b = ((RexInputRef) eq.getOperands().get(1)).getIndex();
        return a < leftCount ? a : b;
    }

    /** {@code $l = $r} between a left and a right column, or -1. */
    static boolean isEquiOfTwoColumns(RexNode condition, int leftCount) {
        if (condition.getKind() != SqlKind.EQUALS) {
            return false;
        }
        RexCall eq = (RexCall) condition;
        if (!(eq.getOperands().get(0) instanceof RexInputRef a) || !(eq.getOperands().get(1) instanceof RexInputRef b)) {
            return false;
        }
        return a.getIndex() < leftCount != b.getIndex() < leftCount;
    }

    @Override
    public void implement(SelectBuilder select) {
        select.visit(getLeft());
        SelectBuilder right = select.linked(linkIndex(condition, getLeft().getRowType().getFieldCount()));
        right.visit(getRight());
        select.join(right, joinType == JoinRelType.INNER, getRowType());
    }
}
