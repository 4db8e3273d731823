package dev.surrealj.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Gives an aggregate or projection that sits directly on a SurrealDB table (one Calcite computes
 * itself, such as {@code SUM(CASE …)}) a projection of only the fields it uses below it, so that
 * SurrealDB sends those fields rather than whole records.
 */
final class SurrealTrimRule extends RelOptRule {
    static final SurrealTrimRule INSTANCE = new SurrealTrimRule();

    @SuppressWarnings("deprecation")
    private SurrealTrimRule() {
        super(operand(RelNode.class, operand(TableScan.class, none())), "SurrealTrimRule");
    }

    @Override
    public boolean matches(RelOptRuleCall call) {
        RelNode rel = call.rel(0);
        TableScan scan = call.rel(1);
        return (rel instanceof LogicalAggregate a && a.getGroupType() == LogicalAggregate.Group.SIMPLE
                || rel instanceof LogicalProject) && scan.getTable().unwrap(SurrealTable.class) != null
                && used(rel).cardinality() < scan.getRowType().getFieldCount();
    }

    private static ImmutableBitSet used(RelNode rel) {
        if (rel instanceof LogicalAggregate a) {
            ImmutableBitSet.Builder b = a.getGroupSet().rebuild();
            for (AggregateCall c : a.getAggCallList()) {
                b.addAll(c.getArgList());
                if (c.filterArg >= 0) {
                    b.set(c.filterArg);
                }
            }
            ImmutableBitSet used = b.build();
            return used.isEmpty() ? ImmutableBitSet.of(0) : used; // COUNT(*): read the ids only
        }
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(((LogicalProject) rel).getProjects(), null);
        return used.isEmpty() ? ImmutableBitSet.of(0) : used;
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        RelNode rel = call.rel(0);
        TableScan scan = call.rel(1);
        ImmutableBitSet used = used(rel);
        Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, scan.getRowType().getFieldCount(),
                used.cardinality());
        int target = 0;
        for (int source : used) {
            mapping.set(source, target++);
        }
        RelBuilder builder = call.builder().push(scan);
        List<RexNode> refs = new ArrayList<>();
        for (int source : used) {
            refs.add(builder.field(source));
        }
        RelNode trimmed = builder.project(refs).build();
        RelNode result;
        if (rel instanceof LogicalAggregate a) {
            List<AggregateCall> calls = new ArrayList<>();
            for (AggregateCall c : a.getAggCallList()) {
                calls.add(c.transform(mapping));
            }
            result = a.copy(a.getTraitSet(), trimmed, a.getGroupSet().permute(mapping), null, calls);
        } else {
            LogicalProject p = (LogicalProject) rel;
            RexPermuteInputsShuttle shuttle = RexPermuteInputsShuttle.of(mapping);
            List<RexNode> exps = new ArrayList<>();
            for (RexNode e : p.getProjects()) {
                exps.add(e.accept(shuttle));
            }
            result = p.copy(p.getTraitSet(), trimmed, exps, p.getRowType());
        }
        call.transformTo(result);
    }
}
