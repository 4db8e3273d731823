package dev.surrealj.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Runs the SurrealQL built from the {@link SurrealRel}s below it and hands the rows to Calcite. Its
 * EXPLAIN line shows the statement: {@code SurrealToEnumerableConverter(surrealql=[SELECT …])}.
 */
final class SurrealToEnumerableConverter extends ConverterImpl implements EnumerableRel {
    private static final java.lang.reflect.Method APPLY;

    static {
        try {
            APPLY = Function1.class.getMethod("apply", Object.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    SurrealToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
        super(cluster, ConventionTraitDef.INSTANCE, traits, input);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SurrealToEnumerableConverter(getCluster(), traitSet, sole(inputs));
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        // what crosses the wire: rows × fields, a whole record (_record) weighing as 20 fields. Volcano
        // compares costs by their row count, so the width goes there
        double rows = mq.getRowCount(getInput());
        double width = 0;
        for (RelDataTypeField f : getRowType().getFieldList()) {
            width += f.getType().getSqlTypeName() == SqlTypeName.MAP ? 20 : 1;
        }
        double weight = 0.1 * (1 + width / 10);
        return planner.getCostFactory().makeCost(rows * weight, rows * weight, 0);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        RelWriter w = super.explainTerms(pw);
        // during planning the inputs are sets of alternatives; the statement exists once they are chosen
        return concrete(getInput()) ? w.item("surrealql", build().render()) : w;
    }

    private static boolean concrete(RelNode rel) {
        if (!(rel instanceof SurrealRel)) {
            return false;
        }
        for (RelNode input : rel.getInputs()) {
            if (!concrete(input)) {
                return false;
            }
        }
        return true;
    }

    private SelectBuilder build() {
        SelectBuilder select = new SelectBuilder(getCluster().getRexBuilder());
        select.visit(getInput());
        return select;
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        SelectBuilder select = build();
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
                pref.prefer(JavaRowFormat.ARRAY));
        List<SqlTypeName> types = new ArrayList<>();
        for (RelDataTypeField f : getRowType().getFieldList()) {
            types.add(f.getType().getSqlTypeName());
        }
        SurrealQuery query = new SurrealQuery(select.table.schema, select.render(), select.params, types,
                physType.getFormat() == JavaRowFormat.SCALAR);
        @SuppressWarnings("rawtypes")
        Expression stashed = implementor.stash(query, Function1.class);
        Expression enumerable = Expressions.convert_(
                Expressions.call(stashed, APPLY, DataContext.ROOT), Enumerable.class);
        return implementor.result(physType, Blocks.toBlock(enumerable));
    }

    /** From SurrealDB's convention to Calcite's enumerable one. */
    static final class Rule extends ConverterRule {
        static final Config CONFIG = Config.INSTANCE
                .withConversion(RelNode.class, SurrealRel.CONVENTION, EnumerableConvention.INSTANCE,
                        "SurrealToEnumerableConverterRule")
                .withRuleFactory(Rule::new);

        Rule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            RelTraitSet traits = rel.getTraitSet().replace(getOutConvention());
            return new SurrealToEnumerableConverter(rel.getCluster(), traits, rel);
        }
    }
}
