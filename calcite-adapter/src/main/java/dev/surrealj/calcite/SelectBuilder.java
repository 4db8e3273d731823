package dev.surrealj.calcite;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Builds one SurrealQL SELECT from a chain of {@link SurrealRel}s, bottom up. An operation that cannot
 * join the statement as it stands (a filter after a LIMIT, a second GROUP BY, ...) wraps it as a
 * subquery: {@code SELECT … FROM (SELECT …) …}. Values travel as variables {@code $p0, $p1, …}.
 */
final class SelectBuilder {
    /** An output column: the SurrealQL expression, its alias, and what is known of its values. */
    record Col(String expr, String alias, boolean nullable, boolean comparable) {
    }

    /** A bound variable: a constant, or the {@code index}-th dynamic parameter of the SQL statement. */
    record Param(Object value, int index, SqlTypeName type) {
    }

    final RexBuilder rexBuilder;
    final List<Param> params;
    /** For the right side of a record-link join: the link expression its fields are read through. */
    private final String linkBase;
    SurrealTable table;
    private String from;
    private List<Col> cols = new ArrayList<>();
    private final List<String> where = new ArrayList<>();
    private final List<String> groupBy = new ArrayList<>();
    private boolean aggregated;
    private final List<String> orderBy = new ArrayList<>();
    /** The columns {@link #orderBy} sorts on. */
    private final List<Integer> orderCols = new ArrayList<>();
    private Long limit;
    private Long start;

    SelectBuilder(RexBuilder rexBuilder) {
        this(rexBuilder, new ArrayList<>(), null);
    }

    private SelectBuilder(RexBuilder rexBuilder, List<Param> params, String linkBase) {
        this.rexBuilder = rexBuilder;
        this.params = params;
        this.linkBase = linkBase;
    }

    void visit(RelNode input) {
        ((SurrealRel) input).implement(this);
    }

    void scan(SurrealTable t, RelDataType rowType) {
        table = t;
        from = SurrealQl.field(t.name);
        List<RelDataTypeField> fields = rowType.getFieldList();
        for (int i = 0; i < fields.size(); i++) {
            String e = linkBase == null ? t.expression(i)
                    : i < t.columns.size() ? linkBase + "." + SurrealQl.field(t.columns.get(i).name()) : linkBase + ".*";
            cols.add(new Col(e, fields.get(i).getName(), fields.get(i).getType().isNullable(), t.type(i).comparable));
        }
    }

    /**
     * A builder for the right side of a record-link join: its table's fields read through link column
     * {@code linkIndex} of this statement ({@code customer.name}).
     */
    SelectBuilder linked(int linkIndex) {
        if (aggregated || !orderBy.isEmpty() || limit != null || start != null) {
            wrap();
        }
        return new SelectBuilder(rexBuilder, params, cols.get(linkIndex).expr());
    }

    /** Appends the columns and (INNER) conditions of {@code right}, built by {@link #linked}. */
    void join(SelectBuilder right, boolean inner, RelDataType rowType) {
        List<RelDataTypeField> fields = rowType.getFieldList();
        int n = cols.size();
        for (int j = 0; j < right.cols.size(); j++) {
            Col c = right.cols.get(j);
            RelDataTypeField f = fields.get(n + j);
            cols.add(new Col(c.expr(), f.getName(), f.getType().isNullable(), c.comparable()));
        }
        if (inner) {
            params.add(new Param(right.table.name, -1, SqlTypeName.VARCHAR));
            where.add("(" + right.linkBase + ".id != NONE AND " + right.linkBase + ".id != NULL AND record::tb("
                    + right.linkBase + ") = $p" + (params.size() - 1) + ")");
            where.addAll(right.where);
        }
    }

    void filter(RexNode condition) {
        if (aggregated || !orderBy.isEmpty() || limit != null || start != null) {
            wrap();
        }
        where.add(translate(t -> t.where(condition)));
    }

    void project(List<RexNode> exps, RelDataType rowType) {
        if (aggregated || !orderBy.isEmpty() || limit != null || start != null) {
            if (!aggregated && exps.stream().allMatch(e -> e instanceof RexInputRef)) {
                // the subquery reads only what the outer projection and its own ORDER BY use
                BitSet used = new BitSet();
                exps.forEach(e -> used.set(((RexInputRef) e).getIndex()));
                orderCols.forEach(used::set);
                int[] map = new int[cols.size()];
                List<Col> kept = new ArrayList<>();
                for (int i = 0; i < cols.size(); i++) {
                    map[i] = kept.size();
                    if (used.get(i)) {
                        kept.add(cols.get(i));
                    }
                }
                cols = kept;
                List<RexNode> remapped = new ArrayList<>();
                for (RexNode e : exps) {
                    RexInputRef ref = (RexInputRef) e;
                    remapped.add(new RexInputRef(map[ref.getIndex()], ref.getType()));
                }
                exps = remapped;
            }
            wrap();
        }
        List<Col> next = new ArrayList<>();
        List<RelDataTypeField> fields = rowType.getFieldList();
        for (int i = 0; i < exps.size(); i++) {
            RexNode e = exps.get(i);
            boolean comparable = e instanceof RexInputRef ref ? cols.get(ref.getIndex()).comparable()
                    : SurrealType.ofSql(e.getType().getSqlTypeName()).comparable;
            next.add(new Col(translate(t -> t.value(e, true)), fields.get(i).getName(),
                    fields.get(i).getType().isNullable(), comparable));
        }
        cols = next;
    }

    void aggregate(ImmutableBitSet groupSet, List<AggregateCall> calls, RelDataType rowType) {
        if (aggregated || !orderBy.isEmpty() || limit != null || start != null) {
            wrap();
        }
        List<RelDataTypeField> fields = rowType.getFieldList();
        List<Col> next = new ArrayList<>();
        int i = 0;
        for (int key : groupSet) {
            Col c = cols.get(key);
            String alias = fields.get(i++).getName();
            // SurrealDB groups NONE and NULL apart; SQL has one NULL group
            next.add(new Col(c.nullable() ? noneAsNull(c.expr()) : c.expr(), alias, c.nullable(), c.comparable()));
            groupBy.add(SurrealQl.field(alias));
        }
        for (AggregateCall call : calls) {
            RelDataTypeField f = fields.get(i++);
            next.add(new Col(aggregateCall(call, cols), f.getName(), f.getType().isNullable(), true));
        }
        cols = next;
        aggregated = true;
    }

    /** The SurrealQL of an aggregate call, or null when it cannot be pushed. */
    static String aggregateCall(AggregateCall call, List<Col> inputs) {
        if (call.isDistinct() || call.filterArg >= 0 || call.getArgList().size() > 1 || call.isApproximate()
                || !call.collation.getFieldCollations().isEmpty()) {
            return null;
        }
        if (call.getArgList().isEmpty()) {
            return call.getAggregation().getKind() == SqlKind.COUNT ? "count()" : null;
        }
        Col arg = inputs.get(call.getArgList().get(0));
        String e = arg.expr();
        switch (call.getAggregation().getKind()) {
            case COUNT:
                return arg.nullable() ? "count(" + e + " != NONE AND " + e + " != NULL)" : "count()";
            case MIN:
                // math::min/max are numeric only (over strings they answer ±Infinity); they skip NONE/NULL as SQL does
                return numeric(call) ? "math::min(" + e + ")" : null;
            case MAX:
                return numeric(call) ? "math::max(" + e + ")" : null;
            case SUM:
            case SUM0:
                return arg.comparable() && !arg.nullable() ? "math::sum(" + e + ")" : null;
            case AVG:
                return arg.comparable() && !arg.nullable()
                        && SqlTypeUtil.isApproximateNumeric(call.getType())
                        ? "math::mean(" + e + ")" : null;
            default:
                return null;
        }
    }

    private static boolean numeric(AggregateCall call) {
        return SqlTypeUtil.isNumeric(call.getType());
    }

    void sort(List<RelFieldCollation> collations, Long offset, Long fetch) {
        boolean nullsFlag = collations.stream().anyMatch(fc -> cols.get(fc.getFieldIndex()).nullable()
                && nullsAgainstSurreal(fc));
        if (limit != null || start != null || nullsFlag && aggregated) {
            wrap();
        }
        int visible = cols.size();
        if (!collations.isEmpty()) {
            orderBy.clear();
            orderCols.clear();
            for (RelFieldCollation fc : collations) {
                orderCols.add(fc.getFieldIndex());
                Col c = cols.get(fc.getFieldIndex());
                String dir = fc.getDirection().isDescending() ? " DESC" : " ASC";
                if (c.nullable()) {
                    if (!c.expr().endsWith(" ?? NULL)")) {
                        // SurrealDB sorts NONE before NULL; SQL's NULLs are one, ordered by the next keys
                        c = new Col(noneAsNull(c.expr()), c.alias(), true, c.comparable());
                        cols.set(fc.getFieldIndex(), c);
                    }
                    if (nullsAgainstSurreal(fc)) {
                        // SurrealDB sorts NULL lowest: NULLS LAST ascending (or FIRST descending) sorts on
                        // "is null" first, through a column the outer SELECT drops
                        String flag = "__nulls" + orderBy.size();
                        cols.add(new Col("(" + c.expr() + " = NULL)", flag, false, true));
                        orderBy.add(SurrealQl.field(flag) + dir);
                    }
                }
                orderBy.add(SurrealQl.field(c.alias()) + dir);
            }
        }
        if (fetch != null) {
            limit = fetch;
        }
        if (offset != null) {
            start = offset;
        }
        if (cols.size() > visible) {
            wrap();
            cols = new ArrayList<>(cols.subList(0, visible));
        }
    }

    /** NULLS LAST ascending or NULLS FIRST descending: the opposite of SurrealDB's order. */
    private static boolean nullsAgainstSurreal(RelFieldCollation fc) {
        return fc.getDirection().isDescending() ? fc.nullDirection == RelFieldCollation.NullDirection.FIRST
                : fc.nullDirection == RelFieldCollation.NullDirection.LAST;
    }

    /** {@code e} with NONE read as NULL. */
    private static String noneAsNull(String e) {
        return "(" + e + " ?? NULL)";
    }

    /** Turns the statement so far into a subquery of a new one. */
    private void wrap() {
        String inner = render();
        List<Col> outer = new ArrayList<>();
        for (Col c : cols) {
            outer.add(new Col(SurrealQl.field(c.alias()), c.alias(), c.nullable(), c.comparable()));
        }
        from = "(" + inner + ")";
        cols = outer;
        where.clear();
        groupBy.clear();
        aggregated = false;
        orderBy.clear();
        orderCols.clear();
        limit = null;
        start = null;
    }

    String render() {
        StringBuilder b = new StringBuilder("SELECT ");
        for (int i = 0; i < cols.size(); i++) {
            Col c = cols.get(i);
            if (i > 0) {
                b.append(", ");
            }
            String alias = SurrealQl.field(c.alias());
            b.append(c.expr());
            if (!c.expr().equals(alias)) {
                b.append(" AS ").append(alias);
            }
        }
        b.append(" FROM ").append(from);
        if (!where.isEmpty()) {
            b.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (aggregated) {
            b.append(groupBy.isEmpty() ? " GROUP ALL" : " GROUP BY " + String.join(", ", groupBy));
        }
        if (!orderBy.isEmpty()) {
            b.append(" ORDER BY ").append(String.join(", ", orderBy));
        }
        if (limit != null) {
            b.append(" LIMIT ").append(limit);
        }
        if (start != null) {
            b.append(" START ").append(start);
        }
        return b.toString();
    }

    private interface Step {
        String apply(RexToSurreal t) throws RexToSurreal.Unsupported;
    }

    private String translate(Step step) {
        try {
            return step.apply(new RexToSurreal(rexBuilder, cols, params));
        } catch (RexToSurreal.Unsupported e) {
            // the rules only convert what translates
            throw new IllegalStateException("Cannot translate to SurrealQL: " + e.getMessage(), e);
        }
    }
}
