package dev.surrealj.calcite;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/** Reads a SurrealDB table: {@code SELECT … FROM t}. Registers the adapter's rules. */
final class SurrealTableScan extends TableScan implements SurrealRel {
    final SurrealTable surrealTable;

    SurrealTableScan(RelOptCluster cluster, RelOptTable table, SurrealTable surrealTable) {
        super(cluster, cluster.traitSetOf(CONVENTION), List.of(), table);
        this.surrealTable = surrealTable;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return this;
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return super.computeSelfCost(planner, mq).multiplyBy(0.9);
    }

    @Override
    public void register(RelOptPlanner planner) {
        for (RelOptRule rule : SurrealRules.RULES) {
            planner.addRule(rule);
        }
    }

    @Override
    public void implement(SelectBuilder select) {
        select.scan(surrealTable, getRowType());
    }
}
