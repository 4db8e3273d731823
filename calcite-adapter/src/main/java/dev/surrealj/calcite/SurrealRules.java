package dev.surrealj.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The rules that move logical filters, projections, aggregates, sorts and record-link joins into
 * SurrealDB when SurrealQL gives exactly SQL's answer, and the rule that reads SurrealDB's results into
 * Calcite's enumerable convention. Everything else (other joins, set operations, windows, CASE, …)
 * stays with Calcite.
 */
final class SurrealRules {
    private SurrealRules() {
    }

    static final List<RelOptRule> RULES = List.of(
            FilterRule.CONFIG.toRule(FilterRule.class),
            ProjectRule.CONFIG.toRule(ProjectRule.class),
            AggregateRule.CONFIG.toRule(AggregateRule.class),
            SortRule.CONFIG.toRule(SortRule.class),
            JoinRule.CONFIG.toRule(JoinRule.class),
            SurrealTrimRule.INSTANCE,
            // so that the fields a filter Calcite keeps for itself, or a window, does not need are not read
            org.apache.calcite.rel.rules.CoreRules.PROJECT_FILTER_TRANSPOSE,
            org.apache.calcite.rel.rules.CoreRules.PROJECT_WINDOW_TRANSPOSE,
            SurrealToEnumerableConverter.Rule.CONFIG.toRule(SurrealToEnumerableConverter.Rule.class));

    /** The columns of {@code input} as the translator sees them when checking (placeholder expressions). */
    static List<SelectBuilder.Col> inputColumns(RelNode input) {
        List<SelectBuilder.Col> cols = new ArrayList<>();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        for (int i = 0; i < fields.size(); i++) {
            RelDataType t = fields.get(i).getType();
            cols.add(new SelectBuilder.Col("`c" + i + "`", fields.get(i).getName(), t.isNullable(),
                    comparable(input, i)));
        }
        return cols;
    }

    /**
     * Whether SurrealDB compares and orders column {@code i} of {@code rel} as SQL does: its type is a
     * scalar one and, for text, it does not come from a record id, uuid or duration field.
     */
    static boolean comparable(RelNode rel, int i) {
        RelDataType t = rel.getRowType().getFieldList().get(i).getType();
        if (!SurrealType.ofSql(t.getSqlTypeName()).comparable) {
            return false;
        }
        return !SqlTypeUtil.inCharFamily(t) || textComparable(rel, i, 0);
    }

    private static boolean textComparable(RelNode rel, int i, int depth) {
        if (depth > 64) {
            return false;
        }
        if (rel instanceof RelSubset s) {
            RelNode r = s.getOriginal() != null ? s.getOriginal() : s.getBest();
            if (r == null && !s.getRelList().isEmpty()) {
                r = s.getRelList().get(0);
            }
            return r != null && textComparable(r, i, depth + 1);
        }
        if (rel instanceof TableScan scan) {
            SurrealTable table = scan.getTable().unwrap(SurrealTable.class);
            return table == null || table.type(i).comparable;
        }
        if (rel instanceof Filter || rel instanceof Sort) {
            return textComparable(rel.getInput(0), i, depth + 1);
        }
        if (rel instanceof Join j) {
            int leftCount = j.getLeft().getRowType().getFieldCount();
            return i < leftCount ? textComparable(j.getLeft(), i, depth + 1)
                    : textComparable(j.getRight(), i - leftCount, depth + 1);
        }
        if (rel instanceof Project p) {
            RexNode e = p.getProjects().get(i);
            for (int ref : RelOptUtil.InputFinder.bits(e)) {
                if (!textComparable(p.getInput(), ref, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (rel instanceof Aggregate a) {
            if (i < a.getGroupCount()) {
                return textComparable(a.getInput(), a.getGroupSet().nth(i), depth + 1);
            }
            AggregateCall call = a.getAggCallList().get(i - a.getGroupCount());
            for (int arg : call.getArgList()) {
                if (!textComparable(a.getInput(), arg, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The table column a column reads unchanged. */
    record Origin(SurrealTable table, int column) {
    }

    /** The table column that column {@code i} of {@code rel} passes through unchanged, or null. */
    static Origin origin(RelNode rel, int i, int depth) {
        if (depth > 64) {
            return null;
        }
        if (rel instanceof RelSubset s) {
            RelNode r = s.getOriginal() != null ? s.getOriginal() : s.getBest();
            return r == null ? null : origin(r, i, depth + 1);
        }
        if (rel instanceof TableScan scan) {
            SurrealTable table = scan.getTable().unwrap(SurrealTable.class);
            return table == null || i >= table.columns.size() ? null : new Origin(table, i);
        }
        if (rel instanceof Filter || rel instanceof Sort) {
            return origin(rel.getInput(0), i, depth + 1);
        }
        if (rel instanceof Project p) {
            return p.getProjects().get(i) instanceof RexInputRef ref ? origin(p.getInput(), ref.getIndex(), depth + 1) : null;
        }
        if (rel instanceof Join j) {
            int leftCount = j.getLeft().getRowType().getFieldCount();
            return i < leftCount ? origin(j.getLeft(), i, depth + 1) : origin(j.getRight(), i - leftCount, depth + 1);
        }
        return null;
    }

    private static RelTraitSet surreal(RelNode rel) {
        return rel.getTraitSet().replace(SurrealRel.CONVENTION);
    }

    /** {@code WHERE}. */
    static final class FilterRule extends ConverterRule {
        static final Config CONFIG = Config.INSTANCE
                .withConversion(LogicalFilter.class, f -> RexToSurreal.canFilter(f.getCluster().getRexBuilder(),
                        inputColumns(f.getInput()), f.getCondition()), Convention.NONE, SurrealRel.CONVENTION,
                        "SurrealFilterRule")
                .withRuleFactory(FilterRule::new);

        FilterRule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            LogicalFilter f = (LogicalFilter) rel;
            return new SurrealFilter(f.getCluster(), surreal(f),
                    convert(f.getInput(), SurrealRel.CONVENTION), f.getCondition());
        }
    }

    /** The field list. */
    static final class ProjectRule extends ConverterRule {
        static final Config CONFIG = Config.INSTANCE
                .withConversion(LogicalProject.class, ProjectRule::pushable, Convention.NONE, SurrealRel.CONVENTION,
                        "SurrealProjectRule")
                .withRuleFactory(ProjectRule::new);

        ProjectRule(Config config) {
            super(config);
        }

        static boolean pushable(LogicalProject p) {
            if (p.containsOver()) {
                return false;
            }
            List<SelectBuilder.Col> cols = inputColumns(p.getInput());
            for (RexNode e : p.getProjects()) {
                if (!RexToSurreal.canProject(p.getCluster().getRexBuilder(), cols, e)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public RelNode convert(RelNode rel) {
            LogicalProject p = (LogicalProject) rel;
            return new SurrealProject(p.getCluster(), surreal(p), convert(p.getInput(), SurrealRel.CONVENTION),
                    p.getProjects(), p.getRowType());
        }
    }

    /** {@code count()}, {@code math::sum/mean/min/max} with {@code GROUP BY} / {@code GROUP ALL}. */
    static final class AggregateRule extends ConverterRule {
        static final Config CONFIG = Config.INSTANCE
                .withConversion(LogicalAggregate.class, AggregateRule::pushable, Convention.NONE,
                        SurrealRel.CONVENTION, "SurrealAggregateRule")
                .withRuleFactory(AggregateRule::new);

        AggregateRule(Config config) {
            super(config);
        }

        static boolean pushable(LogicalAggregate a) {
            if (a.getGroupType() != Aggregate.Group.SIMPLE) {
                return false;
            }
            if (a.getGroupCount() == 0 && a.getAggCallList().isEmpty()) {
                return false;
            }
            List<SelectBuilder.Col> cols = inputColumns(a.getInput());
            for (int key : a.getGroupSet()) {
                RelDataType t = a.getInput().getRowType().getFieldList().get(key).getType();
                if (!SurrealType.ofSql(t.getSqlTypeName()).comparable) {
                    return false; // objects, arrays and whole records are not grouped in SurrealDB
                }
            }
            for (AggregateCall call : a.getAggCallList()) {
                String s = SelectBuilder.aggregateCall(call, cols);
                if (s == null) {
                    return false;
                }
                // SQL gives NULL where SurrealDB gives 0 / NaN over no rows: only with GROUP BY (no empty groups)
                SqlKind kind = call.getAggregation().getKind();
                if (a.getGroupCount() == 0 && (kind == SqlKind.SUM || kind == SqlKind.AVG)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public RelNode convert(RelNode rel) {
            LogicalAggregate a = (LogicalAggregate) rel;
            return new SurrealAggregate(a.getCluster(), surreal(a), convert(a.getInput(), SurrealRel.CONVENTION),
                    a.getGroupSet(), a.getGroupSets(), a.getAggCallList());
        }
    }

    /** An equality join along a record link ({@code o.customer = c.id}) as link traversal. */
    static final class JoinRule extends ConverterRule {
        static final Config CONFIG = Config.INSTANCE
                .withConversion(LogicalJoin.class, JoinRule::pushable, Convention.NONE, SurrealRel.CONVENTION,
                        "SurrealJoinRule")
                .withRuleFactory(JoinRule::new);

        JoinRule(Config config) {
            super(config);
        }

        static boolean pushable(LogicalJoin j) {
            if (j.getJoinType() != JoinRelType.INNER && j.getJoinType() != JoinRelType.LEFT) {
                return false;
            }
            int leftCount = j.getLeft().getRowType().getFieldCount();
            if (!SurrealJoin.isEquiOfTwoColumns(j.getCondition(), leftCount)) {
                return false;
            }
            // the right side: a table, maybe filtered (INNER only) and projected on its columns
            boolean filtered = false;
            RelNode right = original(j.getRight());
            while (right instanceof Project || right instanceof Filter) {
                if (right instanceof Project p && !p.getProjects().stream().allMatch(e -> e instanceof RexInputRef)) {
                    return false;
                }
                filtered |= right instanceof Filter;
                right = original(right.getInput(0));
            }
            SurrealTable table = right instanceof TableScan scan ? scan.getTable().unwrap(SurrealTable.class) : null;
            if (table == null || filtered && j.getJoinType() == JoinRelType.LEFT) {
                return false;
            }
            RexCall eq = (RexCall) j.getCondition();
            int a = ((RexInputRef) eq.getOperands().get(0)).getIndex();
            int b = ((RexInputRef) eq.getOperands().get(1)).getIndex();
            Origin id = origin(j.getRight(), Math.max(a, b) - leftCount, 0);
            if (id == null || id.table() != table || !table.columns.get(id.column()).name().equals("id")) {
                return false;
            }
            Origin link = origin(j.getLeft(), Math.min(a, b), 0);
            String target = link == null ? null : link.table().link(link.column());
            // an inferred link type may not hold for every record: INNER checks the table of each link,
            // LEFT would need that check in every column
            return target != null && target.equals(table.name) && link.table().schema == table.schema
                    && (j.getJoinType() == JoinRelType.INNER || !link.table().columns.get(link.column()).inferred());
        }

        private static RelNode original(RelNode rel) {
            return rel instanceof RelSubset s && s.getOriginal() != null ? s.getOriginal() : rel;
        }

        @Override
        public RelNode convert(RelNode rel) {
            LogicalJoin j = (LogicalJoin) rel;
            return new SurrealJoin(j.getCluster(), surreal(j), convert(j.getLeft(), SurrealRel.CONVENTION),
                    convert(j.getRight(), SurrealRel.CONVENTION), j.getCondition(), j.getJoinType());
        }
    }

    /** {@code ORDER BY … LIMIT n START m}. */
    static final class SortRule extends ConverterRule {
        static final Config CONFIG = Config.INSTANCE
                .withConversion(LogicalSort.class, SortRule::pushable, Convention.NONE, SurrealRel.CONVENTION,
                        "SurrealSortRule")
                .withRuleFactory(SortRule::new);

        SortRule(Config config) {
            super(config);
        }

        static boolean pushable(LogicalSort s) {
            if (!literal(s.offset) || !literal(s.fetch)) {
                return false;
            }
            for (RelFieldCollation fc : s.getCollation().getFieldCollations()) {
                int i = fc.getFieldIndex();
                if (!comparable(s.getInput(), i)
                        || fc.getDirection() != RelFieldCollation.Direction.ASCENDING
                        && fc.getDirection() != RelFieldCollation.Direction.DESCENDING) {
                    return false;
                }
            }
            return true;
        }

        private static boolean literal(RexNode n) {
            return n == null || n instanceof RexLiteral;
        }

        @Override
        public RelNode convert(RelNode rel) {
            LogicalSort s = (LogicalSort) rel;
            RelTraitSet traits = surreal(s).replace(s.getCollation());
            return new SurrealSort(s.getCluster(), traits, convert(s.getInput(), surreal(s.getInput()).replace(RelCollations.EMPTY)),
                    s.getCollation(), s.offset, s.fetch);
        }
    }
}
